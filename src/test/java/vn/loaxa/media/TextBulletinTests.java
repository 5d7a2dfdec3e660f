package vn.loaxa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.Requires;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * Text bulletins spoken by the real espeak-ng and imported through the real pipeline. The engine is
 * espeak-ng behind a small wrapper script that, for texts with a marker, plays a broken engine
 * instead: one that hangs ("treo máy"), exits with an error ("lỗi máy"), or writes a file that is
 * not a WAV ("tệp hỏng"). The time-out is short so the hanging one is killed quickly.
 */
@Requires.Present(Requires.Os.ESPEAK_NG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD, "loaxa.tts.engine=espeak-ng",
				"loaxa.tts.timeout=4s" })
@AutoConfigureMockMvc
class TextBulletinTests extends ApiTestSupport {

	static final Path DATA_DIR = TestDirs.create("tts");
	static final Path ENGINE = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-engine.sh");
	/** Only this script's hanging engine sleeps for this odd time: no such process may be left. */
	static final String HANG = "sleep 61.25";

	static {
		try {
			Files.writeString(ENGINE, """
					#!/bin/sh
					# espeak-ng, or a broken engine when the text asks for one
					prev=""; text=""; out=""
					for a in "$@"; do
					  [ "$prev" = "-f" ] && text="$a"
					  [ "$prev" = "-w" ] && out="$a"
					  prev="$a"
					done
					if grep -q "treo máy" "$text"; then %s; fi
					if grep -q "lỗi máy" "$text"; then echo "giả lập lỗi bộ đọc" >&2; exit 3; fi
					if grep -q "tệp hỏng" "$text"; then echo "không phải wav" > "$out"; exit 0; fi
					exec espeak-ng "$@"
					""".formatted(HANG), StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(ENGINE, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("no-schedules").toString());
		registry.add("loaxa.tts.command", ENGINE::toString);
	}

	@Override
	protected Path dataDir() {
		return DATA_DIR;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	BroadcastLog log;

	/**
	 * 32 spoken syllables once read out: "Ủy ban nhân dân xã thông báo ngày mười lăm tháng ba năm hai
	 * nghìn không trăm hai mươi sáu lúc bảy giờ ba mươi phút họp thôn tại nhà văn hóa".
	 */
	static final String NOTICE = "UBND xã thông báo: ngày 15/3/2026 lúc 7h30 họp thôn tại nhà văn hóa.";
	static final int NOTICE_WORDS = 32;

	private ApiClient.Response speak(Map<String, Object> body) throws IOException {
		return admin.postJson("/api/clips/text", body);
	}

	@Test
	void aTypedNoticeBecomesAClipWithItsTextAndItsAiringsCarryTheText() throws Exception {
		ApiClient.Response response = speak(Map.of("title", "Thông báo họp thôn", "text", NOTICE, "kind", "ANNOUNCEMENT",
				"topic", "CIVIL_SERVICE", "priority", "HIGH", "validFrom", "2026-03-10", "validUntil", "2026-03-15"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode clip = response.json();
		assertThat(clip.path("status").asText()).isEqualTo("PENDING");
		assertThat(clip.path("sha256").asText()).matches("[0-9a-f]{64}");
		assertThat(clip.path("text").asText()).isEqualTo(NOTICE);
		assertThat(clip.path("kind").asText()).isEqualTo("ANNOUNCEMENT");
		assertThat(clip.path("priority").asText()).isEqualTo("HIGH");
		assertThat(clip.path("validUntil").asText()).isEqualTo("2026-03-15");
		long ms = clip.path("durationMs").asLong();
		assertThat(ms).as("0.2–1.0 s for each of %d spoken words", NOTICE_WORDS)
			.isBetween(200L * NOTICE_WORDS, 1000L * NOTICE_WORDS);

		String sha = clip.path("sha256").asText();
		Path canonical = DATA_DIR.resolve("clips").resolve(sha.substring(0, 2)).resolve(sha + ".pcm.wav");
		TestAudio.Loudness loudness = TestAudio.measure(canonical);
		assertThat(loudness.integratedLufs()).as("at the loudness target").isCloseTo(-16, within(1.0));
		assertThat(loudness.truePeakDbtp()).isLessThanOrEqualTo(-1 + 0.5);
		assertThat(TestAudio.decodedMs(canonical)).isCloseTo(ms, within(10.0));
		assertThat(workFiles()).as("nothing left in <data-dir>/tmp").isEmpty();

		ApiClient.Response again = admin.get("/api/clips/" + response.id());
		assertThat(again.json().path("text").asText()).isEqualTo(NOTICE);
		assertThat(page("/clips/" + response.id())).contains("Văn bản đã đọc").contains("UBND xã thông báo: ngày 15/3/2026");

		assertThat(admin.post("/api/clips/" + response.id() + "/approve").status()).isEqualTo(200);
		Instant at = LocalDateTime.parse("2026-03-12T05:30").atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
		log.append(Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(response.id(), sha, "Thông báo họp thôn", ClipKind.ANNOUNCEMENT, Topic.CIVIL_SERVICE)
			.scheduled(at)
			.started(at.plusSeconds(2))
			.ended(at.plusSeconds(2).plusMillis(ms))
			.playedMs(ms)
			.dueMs(ms)
			.outcome(Outcome.PLAYED)
			.build());

		List<Row> evidence = evidence("2026-03-12", "2026-03-12");
		assertThat(evidence.get(0).getCellText(15)).isEqualTo("Văn bản đã đọc");
		Row aired = evidence.stream().filter(r -> r.getCellText(6).equals("Thông báo họp thôn")).findFirst().orElseThrow();
		assertThat(aired.getCellText(15)).isEqualTo(NOTICE);
		assertThat(aired.getCellText(13)).isEqualTo(sha);

		String csv = new String(mvc.perform(get("/api/reports").param("from", "2026-03-12").param("to", "2026-03-12")
				.param("format", "csv").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		String csvRow = csv.lines().filter(l -> l.startsWith("\"evidence\",") && l.contains("Thông báo họp thôn"))
			.findFirst().orElseThrow();
		assertThat(csvRow).as("the CSV evidence row ends with the text read out").endsWith(",\"" + NOTICE + "\"");
	}

	@Test
	void theSameTextTwiceIsTheSameClip() throws Exception {
		String text = "Thông báo thu thuế sử dụng đất phi nông nghiệp năm 2026.";
		ApiClient.Response first = speak(Map.of("text", text));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().path("title").asText()).as("titled by its first line").isEqualTo(text);
		int rows = clipRows();

		ApiClient.Response again = speak(Map.of("text", text, "title", "Lần hai"));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("duplicate").asBoolean()).isTrue();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(clipRows()).isEqualTo(rows);
	}

	static Stream<Arguments> badTexts() {
		return Stream.of(Arguments.of("", 400, "text_empty", "Cần nhập văn bản"),
				Arguments.of("  \n\t ", 400, "text_empty", "Cần nhập văn bản"),
				Arguments.of("a ".repeat(5000) + "b", 400, "text_too_long", "10001 ký tự, tối đa 10000"),
				Arguments.of("!!! ??? *** --- … ###", 400, "text_nothing_to_speak", "chỉ có ký hiệu"),
				Arguments.of("Bản tin này làm lỗi máy đọc.", 502, "tts_failed", "exit 3"),
				Arguments.of("Bản tin này cho ra tệp hỏng.", 502, "tts_failed", "not a WAV"),
				Arguments.of("Bản tin này làm treo máy đọc.", 504, "tts_timeout", "4 giây"));
	}

	@ParameterizedTest(name = "{2}: {3}")
	@MethodSource("badTexts")
	void aBadTextIsRefusedAndNothingIsStored(String text, int status, String code, String said) throws Exception {
		int rows = clipRows();
		List<String> files = storedFiles();

		ApiClient.Response response = speak(Map.of("title", "Bản tin lỗi", "text", text));

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.error()).isEqualTo(code);
		assertThat(response.message()).containsPattern(BadInputTests.VIETNAMESE).contains(said);
		assertThat(clipRows()).as("no clip row").isEqualTo(rows);
		assertThat(storedFiles()).as("no file in the store").isEqualTo(files);
		assertThat(workFiles()).as("nothing left in <data-dir>/tmp").isEmpty();
		assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
			.filter(line -> line.contains(HANG))).as("the hanging engine was killed").isEmpty();
	}

	@Test
	void theUploadPageSpeaksATextOrSaysWhatIsWrong() throws Exception {
		String upload = page("/clips/upload");
		assertThat(upload).contains("Nhập văn bản").contains("id=\"text-form\"").contains("espeak-ng (vi)")
			.doesNotContain("id=\"tts-unavailable\"");
		int rows = clipRows();

		String refused = postText(Map.of("title", "Trống", "text", "  "));
		assertThat(refused).contains("Cần nhập văn bản cần đọc.").contains("id=\"text-error\"");
		String symbols = postText(Map.of("title", "Ký hiệu", "text", "*** ///"));
		assertThat(symbols).contains("chỉ có ký hiệu").contains(">*** ///</textarea>");
		assertThat(clipRows()).isEqualTo(rows);

		MvcResult done = mvc.perform(post("/clips/text").session(session()).with(csrf())
				.param("title", "Lịch tiếp công dân").param("text", "Lãnh đạo xã tiếp công dân vào thứ năm hằng tuần.")
				.param("kind", "ANNOUNCEMENT").param("topic", "CIVIL_SERVICE").param("priority", "NORMAL"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = done.getResponse().getRedirectedUrl();
		assertThat(location).matches("/clips/\\d+");
		assertThat(clipRows()).isEqualTo(rows + 1);
		assertThat(page(location)).contains("Lãnh đạo xã tiếp công dân vào thứ năm hằng tuần.");
	}

	private MockHttpSession session;

	private MockHttpSession session() throws Exception {
		if (session == null) {
			session = (MockHttpSession) mvc.perform(formLogin("/login").user(ADMIN).password(ADMIN_PASSWORD))
				.andReturn().getRequest().getSession(false);
		}
		return session;
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).session(session())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String postText(Map<String, String> fields) throws Exception {
		var request = post("/clips/text").session(session()).with(csrf());
		new HashMap<>(fields).forEach((k, v) -> request.param(k, v));
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<Row> evidence(String from, String to) throws Exception {
		byte[] xlsx = mvc.perform(get("/api/reports").param("from", from).param("to", to).param("format", "xlsx")
				.with(httpBasic(ADMIN, ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return wb.getSheet(1).orElseThrow().read();
		}
	}
}
