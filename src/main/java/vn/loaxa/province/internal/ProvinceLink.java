package vn.loaxa.province.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaMode;
import vn.loaxa.province.BulletinInbox;
import vn.loaxa.province.ProvincePush;
import vn.loaxa.security.CommuneKey;

/**
 * The commune's line to the province's hub for bulletins down: one open request at a time
 * ({@code /api/province/inbox?wait=…}), answered the moment the hub publishes, so an EMERGENCY
 * arrives within seconds; each bulletin handed to the {@link BulletinInbox}, each outcome sent back
 * as a receipt signed with the commune key, and the records of what aired pushed soon after. A hub
 * that does not answer is asked again with a growing pause (offline for weeks is normal); the
 * hub's key is pinned at the first contact.
 */
@Component
class ProvinceLink implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProvinceLink.class);
	private static final TypeReference<List<SignedBulletin>> BULLETINS = new TypeReference<>() {
	};

	private final BulletinInbox inbox;
	private final InboxStore store;
	private final ProvincePush push;
	private final CommuneKey key;
	private final ObjectMapper json;
	private final LoaxaClock clock;
	private final String url;
	private final String token;
	private final boolean commune;
	private final Duration wait;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private volatile Thread thread;

	ProvinceLink(BulletinInbox inbox, InboxStore store, ProvincePush push, CommuneKey key, ObjectMapper json,
			LoaxaClock clock, LoaxaMode mode, @Value("${loaxa.province.url:${loaxa.district.url:}}") String url,
			@Value("${loaxa.province.token:${loaxa.district.token:}}") String token,
			@Value("${loaxa.province.listen:25s}") Duration wait) {
		this.inbox = inbox;
		this.store = store;
		this.push = push;
		this.key = key;
		this.json = json;
		this.clock = clock;
		this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
		this.token = token == null ? "" : token.strip();
		this.commune = !mode.isProvince();
		this.wait = wait;
	}

	boolean configured() {
		return commune && !url.isEmpty() && !token.isEmpty();
	}

	@Override
	public void start() {
		if (configured() && thread == null) {
			thread = new Thread(this::run, "province-link");
			thread.setDaemon(true);
			thread.start();
		}
	}

	@Override
	public void stop() {
		Thread t = thread;
		thread = null;
		if (t != null) {
			t.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	private void run() {
		long pause = 1;
		while (thread == Thread.currentThread()) {
			try {
				once();
				pause = 1;
			}
			catch (InterruptedException e) {
				return;
			}
			catch (IOException | RuntimeException e) {
				store.contact(clock.now().toInstant(), describe(e));
				log.debug("province link: {}", e.toString());
				pause = Math.min(60, pause * 2);
				try {
					Thread.sleep(pause * 1000);
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}
	}

	/** One round: the key pinned, receipts sent, the open request answered and its bulletins taken. */
	void once() throws IOException, InterruptedException {
		pinHubKey();
		sendReceipts();
		HttpResponse<String> answer = get("/api/province/inbox?wait=" + wait.toSeconds(), wait.plusSeconds(20));
		if (answer.statusCode() != 200) {
			throw new IOException("HTTP " + answer.statusCode() + " " + cut(answer.body()));
		}
		store.contact(clock.now().toInstant(), null);
		for (SignedBulletin b : json.readValue(answer.body(), BULLETINS)) {
			inbox.take(b, this::download);
		}
		sendReceipts();
		if (push.configured() && push.status().waiting() > 0) {
			push.pushNow();
		}
	}

	private void pinHubKey() throws IOException, InterruptedException {
		if (store.link().hubKeyPem() != null) {
			return;
		}
		HttpResponse<String> answer = get("/api/province/public-key", Duration.ofSeconds(20));
		if (answer.statusCode() != 200) {
			throw new IOException("HTTP " + answer.statusCode() + " " + cut(answer.body()));
		}
		var hubKey = CommuneKey.parsePublicKey(answer.body());
		store.pin(CommuneKey.pem(hubKey), CommuneKey.fingerprint(hubKey), clock.now().toInstant());
		log.warn("province link: the hub's key {} pinned at {}", CommuneKey.fingerprint(hubKey), url);
	}

	private void sendReceipts() throws IOException, InterruptedException {
		int zones = inbox.zones();
		for (InboxStore.Entry e : inbox.unreported()) {
			String state = BulletinInbox.receiptState(e);
			Receipt receipt = new Receipt(1, e.bulletinId(), null, state, clock.now().toInstant(),
					"RECEIVED".equals(state) || "EXPIRED".equals(state) ? zones : null, e.reason());
			String text = receipt.text(json);
			byte[] body = json.writeValueAsBytes(new SignedReceipt(text, key.sign(text.getBytes(StandardCharsets.UTF_8))));
			HttpResponse<String> answer = http.send(request("/api/province/inbox/receipts", Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() == 204 || answer.statusCode() == 404) {
				// 404: a bulletin the hub does not know for this commune (a forged one that was refused)
				inbox.reported(e.bulletinId(), state);
			}
			else {
				throw new IOException("receipt: HTTP " + answer.statusCode() + " " + cut(answer.body()));
			}
		}
	}

	private void download(long bulletinId, Path file) throws IOException, InterruptedException {
		HttpResponse<java.io.InputStream> answer = http.send(
				request("/api/province/inbox/" + bulletinId + "/audio", Duration.ofMinutes(5)).GET().build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try (var in = answer.body()) {
			if (answer.statusCode() != 200) {
				throw new IOException("audio of bulletin " + bulletinId + ": HTTP " + answer.statusCode());
			}
			java.nio.file.Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
		return http.send(request(path, timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).header("Authorization", "Bearer " + token);
	}

	private static String describe(Exception e) {
		if (e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException) {
			return ProvincePush.UNREACHABLE;
		}
		return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
	}

	private static String cut(String s) {
		return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200);
	}
}
