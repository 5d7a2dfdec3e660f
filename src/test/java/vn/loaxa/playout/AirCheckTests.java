package vn.loaxa.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.AirCheckRef;
import vn.loaxa.broadcast.AirCheckRetention;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.security.AuditTrail;
import vn.loaxa.support.Await;
import vn.loaxa.support.WebSession;

/**
 * Air-checks through the real parts: a file-sink channel written in real time through {@link AirChecks#tap},
 * the bundled ffmpeg, the real log on H2, the API and the log page. What the channel wrote is kept as an MP3
 * of its length whose SHA-256 (recomputed here) the record carries and the API serves (Range too); a changed
 * or vanished file is 409, one past {@code loaxa.aircheck.keep} is deleted with an audit entry while its record
 * stays and verifies (410, "Đã xoá theo thời hạn lưu"); ffmpeg killed mid-way leaves the channel writing and no
 * air-check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AirCheckTests {

	static final Path ROOT = PlayoutFixture.commune(vn.loaxa.support.TestDirs.create("aircheck"));
	private static final String RELAY = "Tiếp sóng VOV1";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		PlayoutFixture.properties(ROOT).forEach((k, v) -> registry.add(k, () -> v));
	}

	@Autowired AirChecks airChecks;
	@Autowired Sinks sinks;
	@Autowired Schedule schedule;
	@Autowired BroadcastLog log;
	@Autowired LoaxaClock clock;
	@Autowired AirCheckRetention retention;
	@Autowired AuditTrail audit;
	@Autowired TestRestTemplate rest;
	@Autowired ObjectMapper json;
	@LocalServerPort int port;

	private OutputChannel main() {
		return schedule.current().channel("main").orElseThrow();
	}

	/** The tone's PCM (no zero sample: WAV header of 44 bytes left out). */
	private static byte[] tone(String name, long ms) throws Exception {
		byte[] wav = Files.readAllBytes(TestAudio.tone(ROOT.resolve(name + ".wav"), 440, ms));
		return Arrays.copyOfRange(wav, 44, wav.length);
	}

	/** As a player does: 10 ms at a time into the session. */
	private static void play(SinkSession session, byte[] pcm) throws Exception {
		int chunk = 441 * 2;
		for (int at = 0; at < pcm.length; at += chunk) {
			session.write(pcm, at, Math.min(chunk, pcm.length - at));
		}
	}

	private Optional<AirCheckFile> airOnMain(String slot, byte[] pcm) throws Exception {
		try (AirCheckTap session = airChecks.tap(sinks.of(main()).open("aircheck", sinks.format()), main(), slot,
				sinks.format())) {
			play(session, pcm);
			session.drain();
			return session.finishAirCheck();
		}
	}

	private BroadcastRecord record(Instant start, long ms, AirCheckRef airCheck) {
		return log.append(Airing.of("ban-a", RELAY)
			.title("VOV1 - Thời sự")
			.scheduled(start)
			.started(start)
			.ended(start.plusMillis(ms))
			.playedMs(ms)
			.dueMs(ms)
			.outcome(Outcome.PLAYED)
			.reason("relay vov1 from http://127.0.0.1/vov1.mp3")
			.relay("vov1", "http://127.0.0.1/vov1.mp3")
			.airCheck(airCheck)
			.build());
	}

	private TestRestTemplate admin() {
		return rest.withBasicAuth("admin", "test-admin-pw");
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	@Test
	void whatTheChannelWroteIsKeptWithItsHashOnTheRecordAndServed() throws Exception {
		Instant start = clock.now().toInstant();
		String today = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(clock.now());
		AirCheckFile kept = airOnMain(RELAY, tone("relay", 5000)).orElseThrow();

		assertThat(kept.file()).matches("aircheck/" + today + "/\\d{6}-main-tiep-song-vov1\\.mp3");
		Path file = ROOT.resolve("data").resolve(kept.file());
		assertThat(kept.sha256()).as("the hash, recomputed apart").isEqualTo(sha256(file));
		assertThat(kept.bytes()).isEqualTo(Files.size(file));
		assertThat(vn.loaxa.support.TestAudio.decodedMs(file)).as("what the channel wrote: 5 s").isCloseTo(5000,
				org.assertj.core.data.Offset.offset(200.0));

		BroadcastRecord r = record(start, 5000, kept.ref());
		// as the record journal keeps a batch before the log (and after a crash reads it back)
		AiringBatch batch = AiringBatch.of(List.of(r.airing()));
		assertThat(json.readValue(json.writeValueAsString(batch), AiringBatch.class).airings().get(0).airCheck())
			.isEqualTo(kept.ref());
		assertThat(log.find(r.id()).orElseThrow().airing().airCheck()).isEqualTo(kept.ref());
		assertThat(log.verify().intact()).isTrue();

		ResponseEntity<byte[]> whole = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", byte[].class);
		assertThat(whole.getStatusCode().value()).isEqualTo(200);
		assertThat(whole.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.parseMediaType("audio/mpeg"))).isTrue();
		assertThat(whole.getBody()).isEqualTo(Files.readAllBytes(file));
		HttpHeaders range = new HttpHeaders();
		range.set(HttpHeaders.RANGE, "bytes=100-199");
		ResponseEntity<byte[]> part = admin().exchange("/api/broadcasts/" + r.id() + "/aircheck", HttpMethod.GET,
				new HttpEntity<>(range), byte[].class);
		assertThat(part.getStatusCode().value()).isEqualTo(206);
		assertThat(part.getBody()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 100, 200));
		assertThat(rest.getForEntity("/api/broadcasts/" + r.id() + "/aircheck", String.class).getStatusCode().value())
			.as("no log-in, no listening").isEqualTo(401);

		JsonNode listed = json.readTree(admin().getForEntity("/api/broadcasts?zone=ban-a", String.class).getBody());
		JsonNode mine = java.util.stream.StreamSupport.stream(listed.spliterator(), false)
			.filter(n -> n.path("id").asLong() == r.id()).findFirst().orElseThrow();
		assertThat(mine.path("airCheck").path("sha256").asText()).isEqualTo(kept.sha256());
		assertThat(mine.path("airCheck").path("file").asText()).isEqualTo(kept.file());
		assertThat(mine.path("airCheck").path("available").asBoolean()).isTrue();

		WebSession web = WebSession.signIn(port, "admin", "test-admin-pw");
		assertThat(web.page("/broadcasts?zone=ban-a").replaceAll("\\s+", " ")).contains(
				"<audio controls preload=\"none\" class=\"w-100\" src=\"/broadcasts/" + r.id() + "/aircheck\"></audio>");
		assertThat(web.page("/broadcasts/" + r.id() + "/aircheck")).as("the page's player is served with the log-in")
			.isNotEmpty();
	}

	@Test
	void aRecordWithoutOneIs404AndAChangedOrVanishedFileIs409() throws Exception {
		Instant start = clock.now().toInstant();
		BroadcastRecord none = record(start, 1000, null);
		ResponseEntity<String> notFound = admin().getForEntity("/api/broadcasts/" + none.id() + "/aircheck", String.class);
		assertThat(notFound.getStatusCode().value()).isEqualTo(404);
		assertThat(json.readTree(notFound.getBody()).path("error").asText()).isEqualTo("no_aircheck");

		AirCheckFile kept = airOnMain("Tiếp sóng đài tỉnh", tone("tampered", 1000)).orElseThrow();
		BroadcastRecord r = record(start, 1000, kept.ref());
		Path file = ROOT.resolve("data").resolve(kept.file());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 1;
		Files.write(file, bytes);
		ResponseEntity<String> altered = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", String.class);
		assertThat(altered.getStatusCode().value()).isEqualTo(409);
		JsonNode error = json.readTree(altered.getBody());
		assertThat(error.path("error").asText()).isEqualTo("aircheck_altered");
		assertThat(error.path("message").asText()).contains("mã băm không khớp");
		Files.delete(file);
		ResponseEntity<String> gone = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", String.class);
		assertThat(gone.getStatusCode().value()).isEqualTo(409);
		assertThat(json.readTree(gone.getBody()).path("error").asText()).isEqualTo("aircheck_altered");
	}

	@Test
	void pastItsKeepingTimeTheFileIsDeletedWithAnAuditEntryAndTheRecordStaysAndVerifies() throws Exception {
		AirCheckFile recent = airOnMain(RELAY, tone("recent", 1000)).orElseThrow();
		Path recentFile = ROOT.resolve("data").resolve(recent.file());
		// an air-check of 120 days ago (loaxa.aircheck.keep: 90 days): its day folder says how old it is
		java.time.LocalDate old = clock.today().minusDays(120);
		String name = "aircheck/" + DateTimeFormatter.ofPattern("yyyy/MM/dd").format(old) + "/060000-main-tiep-song-vov1.mp3";
		Path oldFile = ROOT.resolve("data").resolve(name);
		Files.createDirectories(oldFile.getParent());
		Files.copy(recentFile, oldFile, StandardCopyOption.REPLACE_EXISTING);
		Instant oldStart = old.atTime(6, 0).atZone(clock.zone()).toInstant();
		BroadcastRecord r = record(oldStart, 1000, new AirCheckRef(name, sha256(oldFile)));
		assertThat(admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", byte[].class).getStatusCode().value())
			.as("before the job: still there").isEqualTo(200);

		assertThat(retention.prune()).isEqualTo(1);

		assertThat(oldFile).doesNotExist();
		assertThat(oldFile.getParent()).as("its emptied day folder too").doesNotExist();
		assertThat(recentFile).as("a recent one is kept").exists();
		BroadcastRecord after = log.find(r.id()).orElseThrow();
		assertThat(after.hash()).isEqualTo(r.hash());
		assertThat(after.airing().airCheck()).as("the record still carries the hash").isEqualTo(r.airing().airCheck());
		assertThat(log.verify().intact()).isTrue();
		var entries = audit.search(null, "aircheck.deleted", null, null, 10);
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).subject()).isEqualTo(name);
		assertThat(entries.get(0).beforeValue()).contains(r.airing().airCheck().sha256());
		ResponseEntity<String> deleted = admin().getForEntity("/api/broadcasts/" + r.id() + "/aircheck", String.class);
		assertThat(deleted.getStatusCode().value()).isEqualTo(410);
		assertThat(json.readTree(deleted.getBody()).path("error").asText()).isEqualTo("aircheck_deleted");
		String date = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(old);
		WebSession web = WebSession.signIn(port, "admin", "test-admin-pw");
		assertThat(web.page("/broadcasts?zone=ban-a&from=" + date + "&to=" + date)).contains("Đã xoá theo thời hạn lưu")
			.doesNotContain("<audio");
		assertThat(retention.prune()).as("the next run has nothing more to do").isZero();
	}

	@Test
	void ffmpegKilledMidwayLeavesTheChannelWritingAndNoAirCheck() throws Exception {
		byte[] second = tone("killed", 1000);
		Optional<AirCheckFile> kept;
		Path wav;
		try (AirCheckTap session = airChecks.tap(sinks.of(main()).open("killed", sinks.format()), main(), RELAY,
				sinks.format())) {
			play(session, second);
			ProcessHandle ffmpeg = ProcessHandle.of(session.airCheck().pid()).orElseThrow();
			ffmpeg.destroyForcibly();
			Await.until("ffmpeg gone", Duration.ofSeconds(10), () -> !ffmpeg.isAlive());
			play(session, second);
			play(session, second);
			session.drain();
			assertThat(session.framesWritten()).as("the channel wrote all 3 s").isEqualTo(3 * 44100);
			kept = session.finishAirCheck();
			assertThat(session.airCheck().failure()).contains("ffmpeg");
			wav = session.file();
		}
		assertThat(kept).as("no air-check").isEmpty();
		assertThat(TestAudio.frames(wav)).as("the sink got everything").isEqualTo(3 * 44100);
		assertThat(airChecks.lastFailure()).hasValueSatisfying(f -> {
			assertThat(f.channel()).isEqualTo("main");
			assertThat(f.why()).contains("ffmpeg");
		});
		JsonNode health = json.readTree(admin().getForEntity("/actuator/health", String.class).getBody());
		assertThat(health.path("components").path("airCheck").path("details").path("lastFailure").path("why").asText())
			.contains("ffmpeg");
		try (var left = Files.walk(ROOT.resolve("data/aircheck"))) {
			assertThat(left.map(Path::toString).filter(p -> p.endsWith(".part")).toList()).as("nothing half-written left")
				.isEqualTo(List.of());
		}
	}
}
