package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * Where the plan is heading, in a generated year 2027 (365 days) with the commune's own slot files
 * (the repository's {@code schedules/}, without their tunes): 50 news and 50 articles on administrative procedures, one of
 * each every third day from 01/01 (the last on 28/05). Target A plans 100 news airings, target B 200
 * articles. Every expected figure is worked out by hand in the comment beside it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportForecastTests {

	static final Path DATA_DIR;
	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final String PASSWORD = "forecast-admin-pw";
	private static boolean loaded;

	static {
		try {
			DATA_DIR = Files.createTempDirectory("loaxa-forecast-tests");
			Path slots = Files.createDirectories(DATA_DIR.resolve("schedules"));
			try (var files = Files.list(Path.of("schedules"))) {
				// the slots as the commune wrote them, without their tunes (no media here)
				for (Path f : files.toList()) {
					Files.write(slots.resolve(f.getFileName()), Files.readAllLines(f).stream()
						.filter(line -> !line.strip().startsWith("intro:") && !line.strip().startsWith("outro:"))
						.toList());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void dirs(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", DATA_DIR::toString);
		vn.loaxa.support.TestDatabase.register(registry);
		registry.add("loaxa.media-dir", () -> DATA_DIR.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> DATA_DIR.resolve("schedules").toString());
		registry.add("loaxa.admin.password", () -> PASSWORD);
	}

	@Autowired
	BroadcastLog log;

	@Autowired
	PlanTargets plans;

	@Autowired
	PlanForecasts forecasts;

	@Autowired
	ReportExports exports;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper mapper;

	@BeforeEach
	void year2027() {
		synchronized (ReportForecastTests.class) {
			if (loaded) {
				return;
			}
			plans.savePlan(2027, "Kế hoạch 7/KH-UBND");
			plans.save(new PlanTarget(null, 2027, "100 tin về thủ tục hành chính", 100, false, Set.of(ClipKind.NEWS),
					Set.of(Topic.PROCEDURES), Measure.AIRINGS, 1));
			plans.save(new PlanTarget(null, 2027, "200 bài về thủ tục hành chính", 200, false,
					Set.of(ClipKind.ARTICLE), Set.of(Topic.PROCEDURES), Measure.AIRINGS, 2));
			for (int i = 0; i < 50; i++) {
				LocalDate day = LocalDate.of(2027, 1, 1).plusDays(3L * i);
				log.append(played(day, 1, ClipKind.NEWS));
				log.append(played(day, 2, ClipKind.ARTICLE));
			}
			loaded = true;
		}
	}

	private static Airing played(LocalDate day, long clip, ClipKind kind) {
		Instant at = day.atTime(8, 0).atZone(HCM).toInstant();
		return Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(clip, String.valueOf(clip).repeat(64), "Thủ tục " + clip, kind, Topic.PROCEDURES)
			.scheduled(at)
			.started(at)
			.ended(at.plusSeconds(60))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.build();
	}

	@Test
	void atMidYearHalfDoneIsOnTrackAndAQuarterDoneIsNot() {
		// 02/07/2027 is day 183 of 365 (31+28+31+30+31+30 = 181 days before July); 182 days remain
		List<TargetForecast> f = forecasts.of(ReportPeriod.parse("2027-Q3"), LocalDate.of(2027, 7, 2));
		TargetForecast a = f.get(0);
		assertThat(a.done()).isEqualTo(50);
		assertThat(a.planned()).isEqualTo(100);
		assertThat(a.pacePerWeek()).isEqualTo(1.9); // 50 × 7 / 183 = 1.912…
		assertThat(a.projected()).isEqualTo(100); // 50 + 50 × 182 / 183 = 50 + 49.73 → 100
		assertThat(a.periodEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(a.neededPerWeek()).isEqualTo(1.9); // (100 − 50) × 7 / 182 = 1.923…
		assertThat(a.onTrack()).isTrue(); // 100 ≥ 100
		assertThat(a.help()).isNull();
		// the quarter asked ends 30/09, after today: 29 + 31 + 30 = 90 days on, 50 + 50 × 90 / 183 = 50 + 24.6 → 75
		assertThat(a.atPeriodEnd()).isEqualTo(new TargetForecast.Projection(LocalDate.of(2027, 9, 30), 75));

		TargetForecast b = f.get(1);
		assertThat(b.done()).isEqualTo(50);
		assertThat(b.planned()).isEqualTo(200);
		assertThat(b.projected()).isEqualTo(100); // as A: 50 + 49.73 → 100
		assertThat(b.neededPerWeek()).isEqualTo(5.8); // (200 − 50) × 7 / 182 = 5.769…
		assertThat(b.onTrack()).isFalse(); // 100 < 200
		assertThat(b.help().shortfall()).isEqualTo(100); // 200 − 100
		assertThat(b.help().extraPerWeek()).isEqualTo(3.9); // 5.8 − 1.9
		// slots that take administrative procedures: every weekly slot without topics (toan-xa.yaml, …),
		// never "Chuyên mục chuyển đổi số" (DIGITAL_TRANSFORMATION, DIGITAL_GOVERNMENT only)
		assertThat(b.help().slots()).extracting(TargetForecast.SlotHint::slot)
			.contains("Bản tin sáng", "Bản tin chiều")
			.doesNotContain("Chuyên mục chuyển đổi số");
		assertThat(b.help().slots()).contains(new TargetForecast.SlotHint("Bản tin sáng", "Toàn xã", 6));
	}

	@Test
	void theFirstDaysOfTheYearDivideByTheDaysElapsedAtLeastOne() {
		// 01/01: day 1, one airing of each so far; 364 days remain
		List<TargetForecast> first = forecasts.of(ReportPeriod.parse("2027"), LocalDate.of(2027, 1, 1));
		assertThat(first.get(0).done()).isEqualTo(1);
		assertThat(first.get(0).pacePerWeek()).isEqualTo(7.0); // 1 × 7 / 1
		assertThat(first.get(0).projected()).isEqualTo(365); // 1 + 1 × 364 / 1
		assertThat(first.get(0).neededPerWeek()).isEqualTo(1.9); // 99 × 7 / 364 = 1.903…
		assertThat(first.get(1).neededPerWeek()).isEqualTo(3.8); // 199 × 7 / 364 = 3.826…
		assertThat(first.get(1).onTrack()).isTrue(); // 365 ≥ 200

		// 03/01: day 3, still one of each (the next on 04/01); 362 days remain
		List<TargetForecast> third = forecasts.of(ReportPeriod.parse("2027"), LocalDate.of(2027, 1, 3));
		assertThat(third.get(0).pacePerWeek()).isEqualTo(2.3); // 1 × 7 / 3 = 2.33…
		assertThat(third.get(0).projected()).isEqualTo(122); // 1 + 362 / 3 = 1 + 120.67 → 122
		assertThat(third.get(0).onTrack()).isTrue(); // 122 ≥ 100
		assertThat(third.get(1).onTrack()).isFalse(); // 122 < 200
		assertThat(third.get(1).neededPerWeek()).isEqualTo(3.8); // 199 × 7 / 362 = 3.848…

		// 31/12/2026, the day before the plan year: nothing done, nothing elapsed, the whole year ahead
		List<TargetForecast> before = forecasts.of(ReportPeriod.parse("2027"), LocalDate.of(2026, 12, 31));
		assertThat(before.get(0).done()).isZero();
		assertThat(before.get(0).pacePerWeek()).isZero();
		assertThat(before.get(0).projected()).isZero();
		assertThat(before.get(0).neededPerWeek()).isEqualTo(1.9); // 100 × 7 / 365 = 1.917…
	}

	@Test
	void afterThePlanYearTheProjectionIsWhatWasDone() {
		List<TargetForecast> f = forecasts.of(ReportPeriod.parse("2027"), LocalDate.of(2028, 1, 10));
		TargetForecast a = f.get(0);
		assertThat(a.done()).isEqualTo(50);
		assertThat(a.projected()).isEqualTo(50); // nothing left to air
		assertThat(a.pacePerWeek()).isEqualTo(1.0); // 50 × 7 / 365 = 0.958…
		assertThat(a.neededPerWeek()).isZero();
		assertThat(a.onTrack()).isFalse(); // 50 < 100
		assertThat(a.help().shortfall()).isEqualTo(50); // 100 − 50
		assertThat(a.atPeriodEnd()).isNull();
	}

	@Test
	void theJsonReportTheXlsxAndTheWordFileCarryTheForecast() throws Exception {
		JsonNode json = mapper.readTree(mvc.perform(get("/api/reports?period=2027-Q2").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		JsonNode forecast = json.path("targets").get(1).path("forecast");
		assertThat(forecast.path("periodEnd").asText()).isEqualTo("2027-12-31");
		assertThat(forecast.path("planned").asLong()).isEqualTo(200);
		for (String field : List.of("projected", "neededPerWeek", "pacePerWeek", "onTrack")) {
			assertThat(forecast.has(field)).as(field).isTrue();
		}

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		exports.write(ReportPeriod.parse("2027-Q2"), ReportFormat.XLSX, xlsx);
		try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
			List<Row> rows = wb.findSheet("Dự báo").orElseThrow().read();
			Row b = rows.stream().filter(r -> "200 bài về thủ tục hành chính".equals(r.getCellText(0))).findFirst()
				.orElseThrow();
			assertThat(b.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(200);
			assertThat(rows).anyMatch(r -> "100 tin về thủ tục hành chính".equals(r.getCellText(0)));
		}
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void theReportPageAndThePlanPageShowTheForecast() throws Exception {
		for (String page : List.of("/reports?period=2027-Q2", "/reports/plan?year=2027")) {
			String html = mvc.perform(get(page).with(org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.user("can-bo").roles("OFFICER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(html).as(page).contains("id=\"forecast\"", "Dự báo thực hiện kế hoạch năm",
					"200 bài về thủ tục hành chính", "Ước đạt cuối năm", "Cần mỗi tuần");
			// the progress drawn per target: done solid, the projection striped; before 2027 nothing is done yet
			assertThat(html).as(page).contains("class=\"progress-bar done", "progress-bar-striped projected",
					"title=\"Đã thực hiện 0, ước đạt 0 trên kế hoạch 200\"");
		}
	}

	@Test
	void theWordFileSaysWhereATargetBehindIsHeadingInOneSentence() {
		LocalDate today = LocalDate.of(2027, 7, 2);
		TargetForecast b = forecasts.of(ReportPeriod.parse("2027-Q3"), today).get(1);
		String sentence = new ReportSentences(new ReportLabels(messages, ReportLabels.VIETNAMESE))
			.behind("200 bài về thủ tục hành chính", Measure.AIRINGS, b, today);
		assertThat(sentence).startsWith("Chỉ tiêu «200 bài về thủ tục hành chính»: đến ngày 02/07/2027");
		assertThat(ReportDocxTests.count(ReportDocxTests.find(sentence, "đã thực hiện (\\S+)/"))).isEqualTo(50);
		assertThat(ReportDocxTests.count(ReportDocxTests.find(sentence, "/(\\S+) lượt phát"))).isEqualTo(200);
		assertThat(ReportDocxTests.decimal(ReportDocxTests.find(sentence, "bình quân (\\S+) mỗi tuần"))).isEqualTo(1.9);
		assertThat(ReportDocxTests.find(sentence, "đến ngày (\\S+) ước đạt")).isEqualTo("31/12/2027");
		assertThat(ReportDocxTests.count(ReportDocxTests.find(sentence, "ước đạt (\\S+) lượt"))).isEqualTo(100);
		assertThat(ReportDocxTests.count(ReportDocxTests.find(sentence, "thiếu (\\S+);"))).isEqualTo(100);
		assertThat(ReportDocxTests.decimal(ReportDocxTests.find(sentence, "cần bình quân (\\S+) lượt"))).isEqualTo(5.8);
		assertThat(ReportDocxTests.decimal(ReportDocxTests.find(sentence, "thêm (\\S+) mỗi tuần"))).isEqualTo(3.9);
		assertThat(sentence).contains("«Bản tin sáng» (Toàn xã, 6 ngày/tuần)").endsWith(".");
	}
}
