package vn.loaxa.province;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaMode;

/**
 * Sends the commune's new records to the province's hub ({@code loaxa.province.url} with
 * {@code loaxa.province.token}) in signed batches, on the scheduler's thread, never playout's. The
 * queue is the log itself: what lies after the last record the hub took. A hub that does not
 * answer (offline for weeks is normal) is tried again at the next interval, from where it stopped.
 * A hub of the release before the province took over knows only {@code /api/district/push}: when
 * the new path is not there, the old one is used.
 */
@Component
public class ProvincePush {

	/** The last send, for the status strip: when the hub last took records, and the last error if the last try failed. */
	public record Status(boolean configured, long sentUpTo, Instant lastSuccess, Instant lastAttempt, String lastError,
			long waiting) {
	}

	static final int BATCH = 5_000;
	static final String PUSH = "/api/province/push";
	static final String LEGACY_PUSH = "/api/district/push";
	public static final String UNREACHABLE = "Không kết nối được máy chủ của tỉnh / the province's server does not answer";
	private static final Logger log = LoggerFactory.getLogger(ProvincePush.class);

	private final EvidenceExport export;
	private final BroadcastLog broadcastLog;
	private final JdbcTemplate jdbc;
	private final ObjectMapper json;
	private final LoaxaClock clock;
	private final String url;
	private final String token;
	private final boolean commune;
	private volatile String pushPath = PUSH;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	ProvincePush(EvidenceExport export, BroadcastLog broadcastLog, JdbcTemplate jdbc, ObjectMapper json, LoaxaClock clock,
			@Value("${loaxa.province.url:${loaxa.district.url:}}") String url,
			@Value("${loaxa.province.token:${loaxa.district.token:}}") String token,
			LoaxaMode mode) {
		this.export = export;
		this.broadcastLog = broadcastLog;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
		this.token = token == null ? "" : token.strip();
		this.commune = !mode.isProvince();
	}

	public boolean configured() {
		return commune && !url.isEmpty() && !token.isEmpty();
	}

	// loaxa.district.* are the names of the release before the province took over, still read
	@Scheduled(initialDelayString = "${loaxa.province.push-delay:${loaxa.district.push-delay:30s}}",
			fixedDelayString = "${loaxa.province.push-interval:${loaxa.district.push-interval:5m}}")
	void scheduled() {
		if (configured()) {
			pushNow();
		}
	}

	/** Sends batch after batch until the hub has everything or refuses; returns the records it took. */
	public synchronized int pushNow() {
		int taken = 0;
		while (true) {
			long acked = acked();
			if (broadcastLog.head().lastId() <= acked) {
				return taken;
			}
			Optional<Long> upTo = sendAfter(acked);
			if (upTo.isEmpty()) {
				return taken;
			}
			taken += (int) (upTo.get() - acked);
		}
	}

	private Optional<Long> sendAfter(long acked) {
		Instant now = clock.now().toInstant();
		try {
			ByteArrayOutputStream bundle = new ByteArrayOutputStream();
			export.writeAfter(acked, BATCH, bundle);
			HttpResponse<String> response = post(pushPath, bundle.toByteArray());
			if (response.statusCode() == 404 && pushPath.equals(PUSH) && !knownRefusal(response.body())) {
				response = post(LEGACY_PUSH, bundle.toByteArray());
				if (response.statusCode() == 200) {
					log.info("province: the hub at {} is of an earlier release; sending to {}", url, LEGACY_PUSH);
					pushPath = LEGACY_PUSH;
				}
			}
			if (response.statusCode() != 200) {
				JsonNode body = readOrNull(response.body());
				String error = body == null ? "HTTP " + response.statusCode()
						: body.path("error").asText() + ": " + body.path("message").asText()
								+ (body.hasNonNull("recordId") ? " (record " + body.path("recordId").asLong() + ")" : "");
				return failed(now, error);
			}
			long lastId = json.readTree(response.body()).path("lastId").asLong(acked);
			jdbc.update("UPDATE province_push_state SET acked_id = ?, last_success_at = ?, last_attempt_at = ?, "
					+ "last_error = NULL WHERE id = 1", lastId, Timestamp.from(now), Timestamp.from(now));
			log.info("province: records {}..{} sent to {}", acked + 1, lastId, url);
			return lastId > acked ? Optional.of(lastId) : Optional.empty();
		}
		catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
			return failed(now, UNREACHABLE);
		}
		catch (java.net.http.HttpTimeoutException e) {
			return failed(now, "Máy chủ của tỉnh không trả lời kịp / the province's server timed out");
		}
		catch (IOException | RuntimeException e) {
			return failed(now, "Gửi không được / sending failed: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : ": " + e.getMessage()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private HttpResponse<String> post(String path, byte[] bundle) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/zip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(bundle))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A 404 that LoaXa's hub gives on purpose, as opposed to a hub that has no such path. */
	private boolean knownRefusal(String body) {
		JsonNode node = readOrNull(body);
		String error = node == null ? "" : node.path("error").asText();
		return error.equals("unknown_commune") || error.equals("not_province") || error.equals("not_district");
	}

	private Optional<Long> failed(Instant now, String error) {
		String cut = error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.update("UPDATE province_push_state SET last_attempt_at = ?, last_error = ? WHERE id = 1", Timestamp.from(now),
				cut);
		log.warn("province: sending to {} failed, will try again: {}", url, cut);
		return Optional.empty();
	}

	private JsonNode readOrNull(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException e) {
			return null;
		}
	}

	private long acked() {
		Long acked = jdbc.queryForObject("SELECT acked_id FROM province_push_state WHERE id = 1", Long.class);
		return acked == null ? 0 : acked;
	}

	public Status status() {
		return jdbc.queryForObject("SELECT acked_id, last_success_at, last_attempt_at, last_error FROM province_push_state "
				+ "WHERE id = 1", (rs, i) -> new Status(configured(), rs.getLong(1), instant(rs.getTimestamp(2)),
						instant(rs.getTimestamp(3)), rs.getString(4),
						Math.max(0, broadcastLog.head().lastId() - rs.getLong(1))));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
