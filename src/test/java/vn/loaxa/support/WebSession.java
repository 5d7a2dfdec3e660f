package vn.loaxa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web pages as a signed-in person uses them, without a browser: the log-in form, pages read
 * (200), forms posted with the page's CSRF token (redirected), the session in a cookie.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final String base;
	private String csrf;

	private WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signed in through the log-in form. */
	public static WebSession signIn(int port, String user, String password) throws IOException {
		WebSession session = new WebSession(port);
		session.page("/login");
		session.post("/login", "username=" + enc(user) + "&password=" + enc(password));
		return session;
	}

	/** A page, asserted 200; its CSRF token is kept for the next form. */
	public String page(String path) throws IOException {
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		Matcher m = CSRF.matcher(r.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		return r.body();
	}

	/** A form posted ({@code a=1&b=2}, values already encoded) with the last CSRF token, asserted redirected. */
	public void post(String path, String form) throws IOException {
		String body = form + (form.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(r.statusCode()).as(path + " redirects").isEqualTo(302);
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
	}
}
