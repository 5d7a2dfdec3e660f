package vn.loaxa.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI document at {@code /v3/api-docs}: what LoaXa is, its release (the Maven
 * version, from {@code META-INF/build-info.properties}), and HTTP Basic on every operation. The
 * operations themselves are completed by {@link OpenApiOperations}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String BASIC_AUTH = "basicAuth";

	/*
	 * The repository has no LICENSE file and the README names no licence: until the owners choose
	 * one, the code is theirs, all rights reserved, and the document says so.
	 */
	private static final String LICENCE = "Proprietary, all rights reserved (no licence chosen yet)";
	private static final String LICENCE_URL = "https://en.wikipedia.org/wiki/All_rights_reserved";
	private static final String CONTACT = "LoaXa maintainers";

	@Bean
	OpenAPI loaxaOpenApi(ObjectProvider<BuildProperties> build) {
		Info info = new Info().title("LoaXa API")
			.version(version(build))
			.description("The JSON API of LoaXa, the broadcast scheduler of a commune's loudspeaker radio: "
					+ "upload and approve clips, read the queue, the day's programmes and the schedule, control the "
					+ "playout, and fetch the tamper-evident broadcast log, the reports and the evidence bundles for "
					+ "the province. Every call but a commune's push signs in with HTTP Basic (a LoaXa account); "
					+ "errors are JSON {\"error\": code, \"message\": text}.")
			.license(new License().name(LICENCE).url(LICENCE_URL))
			.contact(new Contact().name(CONTACT));
		return new OpenAPI().info(info)
			.servers(List.of(new Server().url("/").description("this LoaXa")))
			.components(new Components().addSecuritySchemes(BASIC_AUTH,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
						.description("A LoaXa account: user name and password")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
	}

	/** The release; without build-info (a run from an IDE that skipped Maven) the jar's, or "dev". */
	private static String version(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		if (properties != null && properties.getVersion() != null) {
			return properties.getVersion();
		}
		String implementation = OpenApiConfig.class.getPackage().getImplementationVersion();
		return implementation != null ? implementation : "dev";
	}
}
