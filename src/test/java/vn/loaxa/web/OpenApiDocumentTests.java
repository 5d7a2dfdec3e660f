package vn.loaxa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.loaxa.IntegrationTest;
import vn.loaxa.support.ApiClient;

/**
 * The OpenAPI document at {@code /v3/api-docs} passes the rules of a linter's "recommended" set
 * (Redocly: info-license, info-contact, operation-summary, operation-operationId(-unique),
 * operation-4xx-response, operation-2xx-response, security-defined, tag-description,
 * operation-tag-defined, path-parameters-defined, no-unused-components, servers…), for every
 * operation it lists, whichever controller adds it. The document is also written to
 * {@code target/openapi.json}, for a real linter by hand.
 */
class OpenApiDocumentTests extends IntegrationTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");
	private static final String API_ERROR = "#/components/schemas/ApiError";
	/** Operations the security config lets through without a log-in (SecurityConfig). */
	private static final Set<String> PUBLIC = Set.of("post /api/province/push", "post /api/district/push",
			"get /api/province/inbox", "get /api/province/inbox/{id}/audio", "post /api/province/inbox/receipts",
			"get /api/province/public-key");

	private JsonNode doc;

	@BeforeEach
	void fetch() throws Exception {
		ApiClient.Response response = anonymous.get("/v3/api-docs");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		doc = response.json();
		Files.writeString(Path.of("target", "openapi.json"),
				new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc),
				StandardCharsets.UTF_8);
	}

	@Test
	void theInfoNamesLoaXaItsReleaseLicenceAndContact() throws Exception {
		JsonNode info = doc.path("info");
		assertThat(info.path("title").asText()).isEqualTo("LoaXa API");
		assertThat(info.path("version").asText()).isEqualTo(pomVersion());
		assertThat(info.path("description").asText()).isNotBlank();
		assertThat(info.path("license").path("name").asText()).isNotBlank();
		assertThat(info.path("license").path("url").asText()).isNotBlank();
		assertThat(info.path("contact").path("name").asText()).isNotBlank();
		assertThat(doc.path("servers")).isNotEmpty();
		doc.path("servers").forEach(s -> assertThat(s.path("url").asText()).isNotBlank().doesNotContain("example.com"));
	}

	@Test
	void httpBasicIsDeclaredAndAppliedToTheWholeApi() {
		JsonNode basic = doc.path("components").path("securitySchemes").path("basicAuth");
		assertThat(basic.path("type").asText()).isEqualTo("http");
		assertThat(basic.path("scheme").asText()).isEqualTo("basic");
		assertThat(doc.path("security").findValues("basicAuth")).as("global security").isNotEmpty();
	}

	@Test
	void everyOperationPassesTheRecommendedRules() {
		Set<String> declaredTags = new HashSet<>();
		doc.path("tags").forEach(t -> {
			assertThat(t.path("description").asText()).as("description of tag " + t.path("name")).isNotBlank();
			declaredTags.add(t.path("name").asText());
		});
		Set<String> operationIds = new HashSet<>();
		List<String> operations = new ArrayList<>();
		SoftAssertions soft = new SoftAssertions();
		doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
			if (!METHODS.contains(op.getKey())) {
				return;
			}
			String name = op.getKey() + " " + path.getKey();
			operations.add(name);
			check(soft, name, path.getKey(), op.getValue(), declaredTags, operationIds);
		}));
		soft.assertAll();
		// 26 today (issue 14 said 30; there are not that many): an empty or half document cannot pass
		assertThat(operations).as("operations in the document").hasSizeGreaterThanOrEqualTo(25);
	}

	@Test
	void theErrorSchemaHasTheFieldsOfTheErrorBody() {
		java.util.List<String> properties = new java.util.ArrayList<>();
		doc.path("components").path("schemas").path("ApiError").path("properties").fieldNames()
			.forEachRemaining(properties::add);
		assertThat(properties).as("ApiError's schema, beside the record the API answers with")
			.containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(ApiError.class.getRecordComponents())
				.map(java.lang.reflect.RecordComponent::getName).toList());
	}

	@Test
	void noComponentIsUnused() {
		String text = doc.toString();
		doc.path("components").path("schemas").fieldNames().forEachRemaining(schema -> assertThat(text)
			.as("schema " + schema + " is referenced").contains("\"#/components/schemas/" + schema + "\""));
	}

	private void check(SoftAssertions soft, String name, String path, JsonNode op, Set<String> declaredTags,
			Set<String> operationIds) {
		soft.assertThat(op.path("summary").asText()).as(name + ": summary").isNotBlank();
		String id = op.path("operationId").asText();
		soft.assertThat(id).as(name + ": operationId").isNotBlank();
		soft.assertThat(operationIds.add(id)).as(name + ": operationId " + id + " unique").isTrue();
		soft.assertThat(op.path("tags")).as(name + ": tags").isNotEmpty();
		op.path("tags").forEach(t -> soft.assertThat(declaredTags).as(name + ": tag declared").contains(t.asText()));
		soft.assertThat(path).as(name + ": no trailing slash").doesNotEndWith("/");

		List<String> statuses = new ArrayList<>();
		op.path("responses").fieldNames().forEachRemaining(statuses::add);
		soft.assertThat(statuses).as(name + ": a 2xx answer").anyMatch(s -> s.startsWith("2"));
		soft.assertThat(statuses).as(name + ": a 4xx answer").anyMatch(s -> s.startsWith("4"));
		for (String status : statuses) {
			if (status.startsWith("4")) {
				JsonNode content = op.path("responses").path(status).path("content");
				soft.assertThat(content.findValuesAsText("$ref")).as(name + " " + status + ": ApiError body")
					.isNotEmpty()
					.allMatch(API_ERROR::equals);
			}
		}

		boolean open = PUBLIC.contains(name);
		if (open) {
			soft.assertThat(op.path("security").isArray() && op.path("security").isEmpty())
				.as(name + ": marked as needing no log-in (security: [])")
				.isTrue();
		}
		else {
			soft.assertThat(op.has("security")).as(name + ": inherits the global HTTP Basic").isFalse();
			soft.assertThat(statuses).as(name + ": 401 documented").contains("401");
		}

		Set<String> declared = new HashSet<>();
		op.path("parameters").forEach(p -> {
			if ("path".equals(p.path("in").asText())) {
				declared.add(p.path("name").asText());
				soft.assertThat(p.path("required").asBoolean()).as(name + ": path parameter required").isTrue();
				if ("integer".equals(p.path("schema").path("type").asText())) {
					soft.assertThat(statuses).as(name + ": 404 for a path id").contains("404");
				}
			}
		});
		Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
		while (m.find()) {
			soft.assertThat(declared).as(name + ": path parameter declared").contains(m.group(1));
		}
	}

	/** The release version, from the pom itself (not from the code under test). */
	private static String pomVersion() throws Exception {
		var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		var children = pom.getDocumentElement().getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if ("version".equals(children.item(i).getNodeName())) {
				return children.item(i).getTextContent().strip();
			}
		}
		throw new AssertionError("no <version> in pom.xml");
	}
}
