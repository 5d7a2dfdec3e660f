package vn.loaxa.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes every operation the same way, whichever controller it comes from: its tag is its
 * module (the controller's package), its operationId module + method, and its 4xx answers carry
 * {@link ApiError}: 401 unless it needs no log-in (an empty {@link SecurityRequirements}), 403 for
 * a role-limited one, 400 when it takes input, 404 when its path names a record by its id. Errors
 * a controller names itself ({@code @ApiResponse}) get the same body. The modules' tags are
 * declared here with their descriptions; a module missing below is declared without one, which the
 * linter and {@code OpenApiDocumentTests} refuse.
 */
@Component
class OpenApiOperations implements OperationCustomizer, OpenApiCustomizer {

	private static final String API_ERROR = "ApiError";

	private static final Map<String, String> MODULES = Map.of(
			"media", "Clips (bài, tin): upload, text bulletins, approval, and the queue",
			"schedule", "Channels, zones, groups, slots and the schedule files (lịch phát)",
			"programme", "The programmes of a day: which clips each slot plays, pins",
			"playout", "What plays now on each channel; stop, skip, play now, live announcements",
			"broadcast", "The tamper-evident broadcast log (nhật ký phát thanh) and its check",
			"report", "Reports of what was broadcast, as JSON, XLSX, CSV or PDF",
			"province", "Evidence bundles and the province's hub (also at /api/district/…): communes, pushes, province reports");

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		String module = module(handler);
		operation.setTags(new ArrayList<>(List.of(module)));
		operation.setOperationId(module + StringUtils.capitalize(handler.getMethod().getName()));
		SecurityRequirements open = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
				SecurityRequirements.class);
		boolean needsLogIn = open == null || open.value().length > 0;
		if (!needsLogIn) {
			operation.setSecurity(new ArrayList<>());
		}
		boolean takesInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		boolean namesSomething = Arrays.stream(handler.getMethodParameters())
			.anyMatch(p -> p.hasParameterAnnotation(PathVariable.class) && isId(p.getParameterType()));
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		add(responses, takesInput, "400", "Bad input: a missing or malformed parameter or body");
		add(responses, needsLogIn, "401", "Not signed in: HTTP Basic with a LoaXa account is required");
		add(responses, AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class), "403",
				"This account's role may not do this");
		add(responses, namesSomething, "404", "Nothing with this id");
		// springdoc gives an @ApiResponse without content the method's return type: an error is an ApiError
		responses.forEach((status, response) -> {
			if (status.startsWith("4") || status.startsWith("5")) {
				response.content(apiErrorContent());
			}
		});
		operation.setResponses(responses);
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(API_ERROR, apiError());
		TreeSet<String> used = new TreeSet<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach(path -> path.readOperations()
				.forEach(op -> used.addAll(op.getTags() == null ? List.of() : op.getTags())));
		}
		openApi.setTags(used.stream().map(name -> new Tag().name(name).description(MODULES.get(name))).toList());
	}

	/** The module of a controller: its package under {@code vn.loaxa}, e.g. "media". */
	private static String module(HandlerMethod handler) {
		String name = handler.getBeanType().getPackageName();
		return name.substring(name.lastIndexOf('.') + 1);
	}

	/** A path that names a record by its number may name none: 404. (A channel name is not checked so.) */
	private static boolean isId(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

	private static void add(ApiResponses responses, boolean when, String status, String description) {
		if (when && !responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(description).content(apiErrorContent()));
		}
	}

	private static Content apiErrorContent() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + API_ERROR)));
	}

	private static Schema<?> apiError() {
		return new ObjectSchema().description("The one error body of the API")
			.addProperty("error", new StringSchema().description("A stable code for scripts, e.g. missing_file")
				.example("not_found"))
			.addProperty("message", new StringSchema().description("The same in words, for people (Vietnamese by "
					+ "default, English with ?lang=en)"))
			.addProperty("field", new StringSchema().description("The input field at fault, when it is one field "
					+ "(left out otherwise)").example("channel"))
			.required(List.of("error", "message"));
	}
}
