package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestDirs;

/**
 * The evidence recipe from the outside. A fresh commune's log is given the seven records of
 * {@link RecordHashVectorsTests} (a relay's two, and two with an air-check, among them) through the real
 * {@link BroadcastLog} (its clock held at their recording times), and stores the hashes computed by hand. Its bundle, downloaded as the district
 * would ({@code GET /api/evidence}), is then checked by {@code docs/VerifyBundle.java}, a program
 * that knows nothing of LoaXa, run as a real process by the source launcher of this JVM's java: the
 * bundle is VALID; a changed byte, records reordered or removed, a signature of another key, and
 * the same tampering re-signed by a forger (records' SHA-256 and head.json made consistent) are
 * each INVALID with exit code 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=admin", "loaxa.admin.password=" + StandaloneCheckerTests.PASSWORD,
				"loaxa.playout.enabled=false", "loaxa.media.import-on-start=false", "loaxa.backup.enabled=false",
				"loaxa.commune.id=xa-na-lay" })
class StandaloneCheckerTests {

	static final String PASSWORD = "mat-khau-kiem-tra-ngoai";
	static final Path ROOT = TestDirs.create("checker");
	static final Path CHECKER = Path.of(System.getProperty("basedir", "."), "docs", "VerifyBundle.java");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> ROOT.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> ROOT.resolve("no-schedules").toString());
		vn.loaxa.support.TestDatabase.register(registry);
	}

	/** The commune clock, held at a given instant while the vectors are appended. */
	static class HeldClock extends LoaxaClock {

		volatile Instant held;

		HeldClock(LoaxaProperties properties) {
			super(properties);
		}

		@Override
		public ZonedDateTime now() {
			Instant at = held;
			return at == null ? super.now() : at.atZone(zone());
		}
	}

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		HeldClock heldClock(LoaxaProperties properties) {
			return new HeldClock(properties);
		}
	}

	@Autowired BroadcastLog log;
	@Autowired HeldClock clock;
	@Autowired ObjectMapper json;
	@LocalServerPort int port;

	@Test
	void theRealLogStoresTheHandComputedHashesAndTheCheckerTellsItsBundleFromEveryTampering() throws Exception {
		assertThat(log.head()).as("a fresh log").isEqualTo(new BroadcastLog.ChainHead(0, RecordHashVectorsTests.GENESIS));
		append(RecordHashVectorsTests.RECORDED_A, () -> log.append(RecordHashVectorsTests.airingA()));
		append(RecordHashVectorsTests.RECORDED_B, () -> log.append(RecordHashVectorsTests.airingB()));
		append(RecordHashVectorsTests.RECORDED_C,
				() -> log.correct(1, RecordHashVectorsTests.airingC(), RecordHashVectorsTests.CORRECTED_BY));
		append(RecordHashVectorsTests.SCHEDULED_D.plusMillis(1_800_500), () -> log.append(RecordHashVectorsTests.airingD()));
		append(RecordHashVectorsTests.SCHEDULED_D.plusMillis(1_800_600), () -> log.append(RecordHashVectorsTests.airingE()));
		append(RecordHashVectorsTests.RECORDED_F, () -> log.append(RecordHashVectorsTests.airingF()));
		append(RecordHashVectorsTests.RECORDED_G, () -> log.append(RecordHashVectorsTests.airingG()));
		assertThat(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)).extracting(id -> log.find(id).orElseThrow().hash()).containsExactly(
				RecordHashVectorsTests.HASH_A, RecordHashVectorsTests.HASH_B, RecordHashVectorsTests.HASH_C,
				RecordHashVectorsTests.HASH_D, RecordHashVectorsTests.HASH_E, RecordHashVectorsTests.HASH_F,
				RecordHashVectorsTests.HASH_G);
		assertThat(log.find(7).orElseThrow().airing().airCheck()).as("stored with its file")
			.isEqualTo(RecordHashVectorsTests.airingG().airCheck());

		ApiClient admin = ApiClient.as(port, "admin", PASSWORD);
		Map<String, byte[]> bundle = entries(admin.download("/api/evidence?period=2026-03"));
		Path enrolled = Files.writeString(ROOT.resolve("enrolled.pub"), new String(admin.download("/api/evidence/public-key"), StandardCharsets.US_ASCII));
		String records = new String(bundle.get("records.jsonl"), StandardCharsets.UTF_8);
		List<String> lines = List.of(records.split("\n"));
		assertThat(lines).hasSize(7);
		assertThat(lines.get(6)).contains("\"airCheckSha256\":\"" + RecordHashVectorsTests.AIRCHECK_G + "\"")
			.doesNotContain("aircheck/2026");
		assertThat(lines.get(3)).as("a record without an air-check has no such field").doesNotContain("airCheck");
		String rest = String.join("\n", lines.subList(3, 7));
		KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

		Map<String, Map<String, byte[]>> cases = new LinkedHashMap<>();
		cases.put("valid", bundle);
		cases.put("one byte", with(bundle, "records.jsonl", records.replace("\"playedMs\":40950", "\"playedMs\":40951")));
		cases.put("reordered", with(bundle, "records.jsonl", join(lines.get(1), lines.get(0), lines.get(2), rest)));
		cases.put("removed", with(bundle, "records.jsonl", join(lines.get(0), lines.get(2), rest)));
		cases.put("other key", with(bundle, "head.sig", sign(forger, bundle.get("head.json"))));
		cases.put("re-signed, one byte", forged(bundle, forger, join(lines.get(0).replace("40950", "40951"),
				lines.get(1), lines.get(2), rest)));
		cases.put("re-signed, reordered", forged(bundle, forger, join(lines.get(1), lines.get(0), lines.get(2), rest)));
		cases.put("re-signed, removed", forged(bundle, forger, join(lines.get(0), lines.get(2), rest)));
		String head = String.join("\n", lines.subList(0, 6));
		cases.put("re-signed, other air-check", forged(bundle, forger, join(head,
				lines.get(6).replace(RecordHashVectorsTests.AIRCHECK_G, RecordHashVectorsTests.AIRCHECK_F))));
		cases.put("re-signed, air-check dropped", forged(bundle, forger, join(head,
				lines.get(6).replace(",\"airCheckSha256\":\"" + RecordHashVectorsTests.AIRCHECK_G + "\"", ""))));

		long t0 = System.nanoTime();
		Map<String, Checked> results = check(cases, enrolled);
		System.out.printf("%d checks by docs/VerifyBundle.java in %d ms%n", results.size(), (System.nanoTime() - t0) / 1_000_000);
		results.forEach((name, result) -> System.out.printf("%-32s exit %d  %s", name, result.exit, result.out));
		assertThat(results.get("valid").exit).as(results.get("valid").out).isZero();
		assertThat(results.get("valid").out).startsWith("VALID xa-na-lay 2026-03: records 1..7 (7), last hash "
				+ RecordHashVectorsTests.HASH_G);
		assertThat(results.get("valid, enrolled").exit).as(results.get("valid, enrolled").out).isZero();
		Map<String, String> reasons = Map.of("one byte", "records.jsonl is not the file head.json names",
				"reordered", "records.jsonl is not the file head.json names",
				"removed", "records.jsonl is not the file head.json names",
				"other key", "head.sig is not commune.pub's signature of head.json",
				"re-signed, one byte", "record 1: its hash is not that of its content",
				"re-signed, reordered", "record 1 does not link to the record before it",
				"re-signed, removed", "record 3 does not link to the record before it",
				"re-signed, other air-check", "record 7: its hash is not that of its content",
				"re-signed, air-check dropped", "record 7: its hash is not that of its content",
				"re-signed, one byte, enrolled", "commune.pub is not the enrolled key");
		reasons.forEach((name, reason) -> {
			assertThat(results.get(name).out).as(name).startsWith("INVALID: " + reason).hasLineCount(1);
			assertThat(results.get(name).exit).as(name).isEqualTo(1);
		});
	}

	private void append(Instant at, Runnable append) {
		clock.held = at;
		try {
			append.run();
		}
		finally {
			clock.held = null;
		}
	}

	record Checked(int exit, String out) {
	}

	/**
	 * Runs the checker on each bundle (the valid one and one forged one also with the enrolled key),
	 * each a process of its own. The valid bundle and the changed byte are checked exactly as the
	 * README says, {@code java docs/VerifyBundle.java FILE}; the launcher compiles the source at each
	 * run (a second of CPU), so the other cases run the same source compiled once by javac. The JVMs
	 * run C1 only, which halves the CPU of such short runs.
	 */
	private static Map<String, Checked> check(Map<String, Map<String, byte[]>> cases, Path enrolled) throws Exception {
		Path bin = Path.of(System.getProperty("java.home"), "bin");
		List<String> quick = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
		Path classes = Files.createDirectories(ROOT.resolve("classes"));
		Process javac = new ProcessBuilder(bin.resolve("javac").toString(), "-J" + quick.get(0), "-J" + quick.get(1), "-d",
				classes.toString(), CHECKER.toString()).redirectErrorStream(true).start();
		Map<String, List<String>> commands = new LinkedHashMap<>();
		for (Map.Entry<String, Map<String, byte[]>> c : cases.entrySet()) {
			String file = Files.write(ROOT.resolve(c.getKey().replaceAll("\\W+", "-") + ".zip"), zip(c.getValue())).toString();
			List<String> checker = new ArrayList<>(List.of(bin.resolve("java").toString()));
			checker.addAll(quick);
			checker.addAll(c.getKey().equals("valid") || c.getKey().equals("one byte") ? List.of(CHECKER.toString())
					: List.of("-cp", classes.toString(), "VerifyBundle"));
			commands.put(c.getKey(), with(checker, file));
			if (c.getKey().equals("valid") || c.getKey().equals("re-signed, one byte")) {
				commands.put(c.getKey() + ", enrolled", with(checker, file, enrolled.toString()));
			}
		}
		Map<String, Process> running = new LinkedHashMap<>();
		commands.forEach((name, command) -> {
			if (command.contains(CHECKER.toString())) {
				running.put(name, start(command));
			}
		});
		assertThat(javac.waitFor(60, TimeUnit.SECONDS) && javac.exitValue() == 0)
			.as("javac docs/VerifyBundle.java: " + new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isTrue();
		commands.forEach((name, command) -> running.computeIfAbsent(name, n -> start(command)));
		Map<String, Checked> results = new LinkedHashMap<>();
		for (String name : commands.keySet()) {
			Process p = running.get(name);
			assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(name + " checked in time").isTrue();
			results.put(name, new Checked(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
		}
		return results;
	}

	private static List<String> with(List<String> command, String... args) {
		List<String> all = new ArrayList<>(command);
		all.addAll(List.of(args));
		return all;
	}

	private static Process start(List<String> command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** What a forger can make: the lines as wanted, head.json made to name them, signed with the forger's own key. */
	private Map<String, byte[]> forged(Map<String, byte[]> bundle, KeyPair forger, String records) throws Exception {
		byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
		ObjectNode head = (ObjectNode) json.readTree(bundle.get("head.json"));
		head.put("recordsSha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		head.put("records", records.split("\n").length);
		byte[] headBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(head);
		Map<String, byte[]> copy = new LinkedHashMap<>(bundle);
		copy.put("records.jsonl", bytes);
		copy.put("head.json", headBytes);
		copy.put("head.sig", sign(forger, headBytes).getBytes(StandardCharsets.US_ASCII));
		copy.put("commune.pub", vn.loaxa.security.CommuneKey.pem(forger.getPublic()).getBytes(StandardCharsets.US_ASCII));
		return copy;
	}

	private static Map<String, byte[]> with(Map<String, byte[]> bundle, String name, String content) {
		Map<String, byte[]> copy = new LinkedHashMap<>(bundle);
		copy.put(name, content.getBytes(StandardCharsets.UTF_8));
		return copy;
	}

	private static String join(String... lines) {
		return String.join("\n", lines) + "\n";
	}

	private static String sign(KeyPair pair, byte[] data) throws Exception {
		Signature s = Signature.getInstance("Ed25519");
		s.initSign(pair.getPrivate());
		s.update(data);
		return Base64.getEncoder().encodeToString(s.sign()) + "\n";
	}

	private static Map<String, byte[]> entries(byte[] zip) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static byte[] zip(Map<String, byte[]> entries) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
