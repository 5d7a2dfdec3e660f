package vn.loaxa.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the bad-input sweep: one logged-in browser session (cookie + CSRF token) or one
 * HTTP Basic identity per user, and requests written as a browser or a script writes them: query
 * strings, url-encoded forms, multipart bodies, JSON.
 */
final class SweepClient {

	/** One request: where, what, and as whom. */
	static final class Req {

		final String method;
		final String path;
		final List<Map.Entry<String, String>> params = new ArrayList<>();
		final List<FilePart> files = new ArrayList<>();
		String json;
		String rawBody;
		String contentType;
		String accept = "text/html,application/json;q=0.9,*/*;q=0.8";
		boolean multipart;
		CsrfMode csrf = CsrfMode.VALID;
		final String label;

		Req(String method, String path, String label) {
			this.method = method;
			this.path = path;
			this.label = label;
		}

		Req param(String name, String value) {
			params.add(Map.entry(name, value));
			return this;
		}

		@Override
		public String toString() {
			return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + label + "]";
		}
	}

	record FilePart(String name, String fileName, byte[] bytes) {
	}

	enum CsrfMode {
		VALID, NONE, INVALID
	}

	record Resp(int status, String contentType, String location, String body) {

		boolean html() {
			return contentType != null && contentType.startsWith("text/html");
		}

		@Override
		public String toString() {
			String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
			return status + " " + contentType + (location == null ? "" : " → " + location) + " " + shown;
		}
	}

	private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

	private final String base;
	private final HttpClient http;
	private final String basic;
	private String csrfToken;

	private SweepClient(int port, boolean cookies, String basic) {
		this.base = "http://localhost:" + port;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER);
		if (cookies) {
			builder.cookieHandler(new CookieManager());
		}
		this.http = builder.build();
		this.basic = basic;
	}

	/** No session, no credentials. */
	static SweepClient anonymous(int port) {
		return new SweepClient(port, false, null);
	}

	/** HTTP Basic, for {@code /api/**}. */
	static SweepClient basic(int port, String user, String password) {
		return new SweepClient(port, false,
				"Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	/** A browser that has opened the login page: its session's CSRF token goes with its next POST. */
	static SweepClient atLoginPage(int port) throws IOException {
		SweepClient client = new SweepClient(port, true, null);
		Resp login = client.send(new Req("GET", "/login", "login page"));
		Matcher token = HIDDEN_CSRF.matcher(login.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page: " + login);
		}
		client.csrfToken = token.group(1);
		return client;
	}

	/** A browser session logged in through the login form; its CSRF token read from a page. */
	static SweepClient browser(int port, String user, String password) throws IOException {
		SweepClient client = new SweepClient(port, true, null);
		Resp login = client.send(new Req("GET", "/login", "login page"));
		Matcher token = HIDDEN_CSRF.matcher(login.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the login page: " + login);
		}
		Req form = new Req("POST", "/login", "log in").param("username", user).param("password", password)
			.param("_csrf", token.group(1));
		form.csrf = CsrfMode.NONE;
		Resp in = client.send(form);
		if (in.status() != 302 || in.location() == null || in.location().contains("error")) {
			throw new IllegalStateException("log-in of " + user + " failed: " + in);
		}
		Resp home = client.send(new Req("GET", "/clips", "library"));
		Matcher meta = META_CSRF.matcher(home.body());
		if (!meta.find()) {
			throw new IllegalStateException("no CSRF meta tag on the home page: " + home.status());
		}
		client.csrfToken = meta.group(1);
		return client;
	}

	Resp send(Req req) throws IOException {
		boolean get = req.method.equals("GET");
		String uri = base + req.path;
		if ((get || req.method.equals("DELETE")) && !req.params.isEmpty()) {
			uri += (req.path.contains("?") ? "&" : "?") + urlEncoded(req.params);
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
		builder.header("Accept", req.accept);
		if (basic != null) {
			builder.header("Authorization", basic);
		}
		if (csrfToken != null && !get && req.csrf != CsrfMode.NONE) {
			builder.header("X-CSRF-TOKEN", req.csrf == CsrfMode.VALID ? csrfToken : "ungueltig-" + UUID.randomUUID());
		}
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
		if (!get) {
			if (req.rawBody != null || req.json != null) {
				String text = req.rawBody != null ? req.rawBody : req.json;
				builder.header("Content-Type", req.contentType != null ? req.contentType : "application/json");
				body = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
			}
			else if (req.multipart || !req.files.isEmpty()) {
				String boundary = "----sweep" + UUID.randomUUID().toString().replace("-", "");
				builder.header("Content-Type", "multipart/form-data; boundary=" + boundary);
				body = HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, req));
			}
			else if (!req.params.isEmpty() || req.method.equals("POST")) {
				builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
				body = HttpRequest.BodyPublishers.ofString(urlEncoded(req.params), StandardCharsets.UTF_8);
			}
		}
		builder.method(req.method, body);
		try {
			HttpResponse<byte[]> response;
			try {
				response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (IOException e) {
				if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
					throw e;
				}
				// a pooled keep-alive connection Tomcat had closed (after refusing an oversized header):
				// the request never reached the application, so it is sent once more on a new connection
				response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			String type = response.headers().firstValue("Content-Type").orElse(null);
			boolean text = type == null || type.startsWith("text/") || type.contains("json");
			return new Resp(response.statusCode(), type, response.headers().firstValue("Location").orElse(null),
					text ? new String(response.body(), StandardCharsets.UTF_8) : "(" + response.body().length + " bytes)");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}

	/** Follows a redirect of this session (a GET), so its flash message is read and shown. */
	Resp follow(Resp redirect) throws IOException {
		URI location = URI.create(base + "/").resolve(redirect.location());
		String path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
		return send(new Req("GET", path, "follow"));
	}

	private static String urlEncoded(List<Map.Entry<String, String>> params) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> p : params) {
			if (text.length() > 0) {
				text.append('&');
			}
			text.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
		}
		return text.toString();
	}

	private static byte[] multipart(String boundary, Req req) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (FilePart file : req.files) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
					+ file.fileName().replace("\"", "%22").replace("\r", "").replace("\n", "")
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(file.bytes());
			write(out, "\r\n");
		}
		for (Map.Entry<String, String> p : req.params) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\n"
					+ p.getValue() + "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
