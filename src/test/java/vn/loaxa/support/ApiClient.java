package vn.loaxa.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON API over real HTTP, as a script or the page's upload would use it: HTTP Basic, and
 * multipart bodies written the way browsers write them (the file name raw in UTF-8).
 */
public final class ApiClient {

	public record Response(int status, String contentType, String body, JsonNode json,
			java.net.http.HttpHeaders headers) {

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public String error() {
			return json == null ? null : json.path("error").asText(null);
		}

		public String message() {
			return json == null ? null : json.path("message").asText(null);
		}

		public long id() {
			return json.path("id").asLong();
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final String base;
	private final String authorization;

	private ApiClient(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://localhost:" + port, null);
	}

	public static ApiClient as(int port, String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ApiClient("http://localhost:" + port, "Basic " + token);
	}

	public Response get(String path) throws IOException {
		return send(request(path).GET());
	}

	/** A GET that accepts any type (the Prometheus text, a download). */
	public Response getAny(String path) throws IOException {
		return send(request(path).setHeader("Accept", "*/*").GET());
	}

	/** A download as bytes (a zip, a workbook), asserted 200. */
	public byte[] download(String path) throws IOException {
		try {
			HttpResponse<byte[]> response = http.send(request(path).setHeader("Accept", "*/*").GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IOException(path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return response.body();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	public Response postJson(String path, Object body) throws IOException {
		String json = body == null ? "" : JSON.writeValueAsString(body);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response putJson(String path, Object body) throws IOException {
		String json = body == null ? "" : JSON.writeValueAsString(body);
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response delete(String path) throws IOException {
		return send(request(path).DELETE());
	}

	public Response post(String path) throws IOException {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response upload(String fileName, byte[] content) throws IOException {
		return upload(fileName, content, Map.of());
	}

	/** {@code POST /api/clips} with the file part first, then the form fields. */
	public Response upload(String fileName, byte[] content, Map<String, String> fields) throws IOException {
		return upload("/api/clips", fileName, content, fields);
	}

	/** A multipart POST to {@code path}: the {@code file} part first, then the form fields. */
	public Response upload(String path, String fileName, byte[] content, Map<String, String> fields) throws IOException {
		String boundary = "----loaxa" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\n");
		write(body, "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "%22")
				+ "\"\r\n");
		write(body, "Content-Type: application/octet-stream\r\n\r\n");
		body.write(content);
		write(body, "\r\n");
		for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
			write(body, "--" + boundary + "\r\n");
			write(body, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
			write(body, field.getValue() + "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "application/json");
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) throws IOException {
		try {
			HttpResponse<String> response = http.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String type = response.headers().firstValue("Content-Type").orElse("");
			JsonNode json = null;
			if (type.contains("json") && !response.body().isBlank()) {
				json = JSON.readTree(response.body());
			}
			return new Response(response.statusCode(), type, response.body(), json, response.headers());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
