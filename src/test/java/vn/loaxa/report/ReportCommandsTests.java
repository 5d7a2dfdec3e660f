package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.LoaxaApplication;

/** The command-line jobs, run in-process: through the runner bean, and through main's entry point. */
class ReportCommandsTests extends ReportTestSupport {

	@Autowired
	ReportCommands commands;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper mapper;

	@Autowired
	vn.loaxa.broadcast.MonthTotals totals;

	@Autowired
	ReportService reports;

	@TempDir
	Path out;

	final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	int run(String... args) {
		stdout.reset();
		stderr.reset();
		return commands.run(List.of(args), new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8));
	}

	String err() {
		return stderr.toString(StandardCharsets.UTF_8);
	}

	@Test
	void reportToAFile() throws Exception {
		Path file = out.resolve("sub/q1.xlsx");
		assertThat(run("report", "--period", "2026-Q1-statutory", "--format", "xlsx", "--out", file.toString())).isZero();
		try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
			assertThat(wb.getSheet(1).orElseThrow().read()).hasSize(14);
		}
		assertThat(err()).contains("2026-Q1-statutory");
		assertThat(Files.list(file.getParent())).containsExactly(file);

		assertThat(run("report", "--from=2026-03-14", "--to=2026-03-15", "--format=json")).isZero();
		assertThat(mapper.readTree(stdout.toByteArray()).get("totals").get("airings").asLong()).isEqualTo(2);
	}

	@Test
	void reportToAWordFile() throws Exception {
		Path file = out.resolve("q1.docx");
		assertThat(run("report", "--period", "2026-Q1", "--format", "docx", "--out", file.toString())).isZero();
		try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(file));
				var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Kết quả tuyên truyền trên hệ thống loa truyền thanh quý I năm 2026", "Nơi nhận:");
		}
		assertThat(err()).contains("2026-Q1");
	}

	@Test
	void verifyReportPassesAnExportAndFailsWhenOneFigureInTheFileChanges() throws Exception {
		Path xlsx = out.resolve("q1.xlsx");
		Path json = out.resolve("q1.json");
		assertThat(run("report", "--period", "2026-Q1-statutory", "--format", "xlsx", "--out", xlsx.toString())).isZero();
		assertThat(run("report", "--period", "2026-Q1-statutory", "--format", "json", "--out", json.toString())).isZero();
		assertThat(run("verify-report", xlsx.toString())).as(err()).isZero();
		assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("ĐÚNG").contains("chain head: ");
		assertThat(run("verify-report", json.toString())).as(err()).isZero();

		// one figure of the summary sheet changed, as Excel would save it
		Path edited = out.resolve("q1-sua.xlsx");
		java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
			zip.stream().forEach(e -> {
				try {
					entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		String sheet = new String(entries.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
		java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<c r=\"(D\\d+)\"[^>]* t=\"n\"><v>(\\d+)</v>").matcher(sheet);
		assertThat(cell.find()).isTrue();
		String changed = sheet.substring(0, cell.start(2)) + (Long.parseLong(cell.group(2)) + 1) + sheet.substring(cell.end(2));
		entries.put("xl/worksheets/sheet1.xml", changed.getBytes(StandardCharsets.UTF_8));
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(edited))) {
			for (var e : entries.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		assertThat(run("verify-report", edited.toString())).isEqualTo(ReportCommands.FAILED);
		assertThat(err()).contains("SAI").contains("ô " + cell.group(1));

		String text = Files.readString(json);
		String airings = mapper.readTree(text).path("totals").path("airings").asText();
		Files.writeString(json, text.replaceFirst("\"airings\" : " + airings, "\"airings\" : " + (Long.parseLong(airings) + 1)));
		assertThat(run("verify-report", json.toString())).isEqualTo(ReportCommands.FAILED);
		assertThat(err()).contains("số liệu trong tệp khác số liệu đã ký");
		assertThat(run("verify-report", out.resolve("khong-co.xlsx").toString())).isEqualTo(ReportCommands.USAGE);
	}

	/**
	 * The month totals only make reports quick, they are not evidence: a forged total shows in the
	 * report the pages compute, but a report exported from it fails verify-report, which counts the
	 * records themselves.
	 */
	@Test
	void aReportFromForgedMonthTotalsFailsVerifyReport() throws Exception {
		totals.fold();
		ReportPeriod quarter = ReportPeriod.parse("2026-Q1");
		long airings = reports.computeFromLog(quarter).figures().totals().airings();
		assertThat(reports.compute(quarter).figures().totals().airings()).isEqualTo(airings);
		// February 2026 (month index 2026 * 12 + 1): records 4 and 5 of the fixture
		java.util.Map<String, Object> row = jdbc.queryForList("SELECT zone_id, clip_key, clip_kind, clip_topic "
				+ "FROM broadcast_month_total WHERE month_index = ? AND airings > 0", 2026 * 12 + 1).get(0);
		String forge = "UPDATE broadcast_month_total SET airings = airings + ? WHERE month_index = ? AND zone_id = ? "
				+ "AND clip_key = ? AND clip_kind = ? AND clip_topic = ?";
		Object[] key = { 2026 * 12 + 1, row.get("zone_id"), row.get("clip_key"), row.get("clip_kind"), row.get("clip_topic") };
		assertThat(jdbc.update(forge, prepend(100, key))).isOne();
		try {
			assertThat(reports.compute(quarter).figures().totals().airings()).isEqualTo(airings + 100);
			Path json = out.resolve("q1-forged.json");
			assertThat(run("report", "--period", "2026-Q1", "--format", "json", "--out", json.toString())).isZero();
			assertThat(mapper.readTree(json.toFile()).path("totals").path("airings").asLong()).isEqualTo(airings + 100);
			assertThat(run("verify-report", json.toString())).isEqualTo(ReportCommands.FAILED);
			assertThat(err()).contains("nhật ký nay cho số liệu khác với số liệu đã ký");
		}
		finally {
			jdbc.update(forge, prepend(-100, key));
		}
		assertThat(reports.compute(quarter).figures().totals().airings()).isEqualTo(airings);
	}

	/**
	 * The range of records a signed report names is read from the ranges kept with the month totals;
	 * a forged range is carried into the exported file, and verify-report, reading the records
	 * themselves, fails it.
	 */
	@Test
	void aReportNamingForgedRecordsFailsVerifyReport() throws Exception {
		totals.fold();
		int january = 2026 * 12;
		String forge = "UPDATE broadcast_month_ids SET first_id = first_id + ? WHERE month_index >= ? AND month_index < ?";
		Long first = jdbc.queryForObject("SELECT MIN(first_id) FROM broadcast_month_ids WHERE month_index >= ? "
				+ "AND month_index < ?", Long.class, january, january + 3);
		assertThat(first).as("the fixture has records in 2026-Q1").isNotNull();
		Path json = out.resolve("q1-records.json");
		assertThat(run("report", "--period", "2026-Q1", "--format", "json", "--out", json.toString())).isZero();
		assertThat(run("verify-report", json.toString())).isZero();
		assertThat(jdbc.update(forge, 1, january, january + 3)).isPositive();
		try {
			Path forged = out.resolve("q1-forged-records.json");
			assertThat(run("report", "--period", "2026-Q1", "--format", "json", "--out", forged.toString())).isZero();
			assertThat(mapper.readTree(forged.toFile()).toString()).contains("records: " + (first + 1) + "..");
			assertThat(run("verify-report", forged.toString())).isEqualTo(ReportCommands.FAILED);
			assertThat(err()).contains("neo nêu bản ghi " + (first + 1) + "..").contains("nhật ký cho " + first + "..");
		}
		finally {
			jdbc.update(forge, -1, january, january + 3);
		}
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run("report", "--period", "2026-Q5")).isEqualTo(ReportCommands.USAGE);
		assertThat(err()).contains("Kỳ báo cáo không hợp lệ");
		assertThat(run("report", "--period", "2026-Q1", "--format", "odt")).isEqualTo(ReportCommands.USAGE);
		assertThat(err()).contains("Định dạng không hỗ trợ");
		assertThat(run("report")).isEqualTo(ReportCommands.USAGE);
		assertThat(run("report", "--period")).isEqualTo(ReportCommands.USAGE);
		assertThat(run("report", "--period", "2026", "--colour", "red")).isEqualTo(ReportCommands.USAGE);
		assertThat(run("verify", "--period", "2026")).isEqualTo(ReportCommands.USAGE);
		assertThat(run("report", "--from", "2026-03-15", "--to", "2026-03-01")).isEqualTo(ReportCommands.USAGE);
	}

	@Test
	void verifyExitsWithOneWhenTheChainIsBroken() {
		assertThat(run("verify")).isZero();
		assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Chuỗi nhật ký nguyên vẹn");
		Long id = jdbc.queryForObject("SELECT MIN(id) FROM broadcast_record WHERE outcome = 'INTERRUPTED'", Long.class);
		// since V7 the database refuses the edit: a tamperer takes the triggers off first
		vn.loaxa.support.LogTamperer.withTriggersOff(jdbc, () -> {
			jdbc.update("UPDATE broadcast_record SET played_ms = 0 WHERE id = ?", id);
			try {
				assertThat(run("verify")).isEqualTo(ReportCommands.FAILED);
				assertThat(err()).contains("bản ghi số " + id);
			}
			finally {
				jdbc.update("UPDATE broadcast_record SET played_ms = 12000 WHERE id = ?", id);
			}
		});
		assertThat(run("verify")).isZero();
	}

	@Test
	void theMainEntryPointRunsWithoutAWebServer(@TempDir Path data) throws Exception {
		Path file = data.resolve("empty.csv");
		String[] settings = java.util.stream.Stream.concat(java.util.stream.Stream.of("--loaxa.data-dir=" + data,
				"--loaxa.media-dir=" + data.resolve("no-media"), "--loaxa.schedules-dir=" + data.resolve("no-schedules"),
				"--loaxa.admin.password=x-test-pw"),
				vn.loaxa.support.TestDatabase.properties(data.toString()).entrySet().stream()
					.map(e -> "--" + e.getKey() + "=" + e.getValue()))
			.toArray(String[]::new);
		assertThat(LoaxaApplication.runCommand(concat(new String[] { "report", "--period", "2026-Q2", "--format", "csv",
				"--out", file.toString() }, settings))).isZero();
		assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(Files.readString(file)).contains("\"totals\",\"airings\",\"Số lượt phát\",,,,,,,,0");
		assertThat(LoaxaApplication.runCommand(concat(new String[] { "verify" }, settings))).isZero();
		Path word = data.resolve("q4.docx");
		assertThat(LoaxaApplication.runCommand(concat(new String[] { "report", "--period", "2026-Q4", "--format", "docx",
				"--out", word.toString() }, settings))).isZero();
		assertThat(Files.readAllBytes(word)).startsWith('P', 'K');
		assertThat(LoaxaApplication.runCommand("report", "--period")).isEqualTo(ReportCommands.USAGE);
		assertThat(LoaxaApplication.runCommand(concat(new String[] { "report", "--period", "2026-Q9" }, settings)))
			.isEqualTo(ReportCommands.USAGE);
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
