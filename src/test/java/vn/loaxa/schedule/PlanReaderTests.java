package vn.loaxa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files: every mistake named with its file and line; conflicts naming both slots; occurrences. */
class PlanReaderTests {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final LocalDate TODAY = LocalDate.of(2026, 3, 2); // a Monday

	static final String ZONES = """
			channels:
			  - id: main
			    name: Đường loa chính
			    output: default
			zones:
			  - id: ban-na-lay
			    name: Bản Na Lay
			    channel: main
			  - id: to-dan-pho-1
			    name: Tổ dân phố 1
			    channel: main
			groups:
			  - id: toan-xa
			    name: Toàn xã
			    zones: [ban-na-lay, to-dan-pho-1]
			holidays:
			  - date: 2026-04-30
			    name: Giải phóng
			""";

	@TempDir
	Path dir;

	@Test
	void theSamplePlansShippedInTheRepositoryLoadWithoutError() {
		PlanReader.Result result = new PlanReader(Path.of("media")).readDirectory(Path.of("schedules"));
		assertThat(result.errors()).isEmpty();
		assertThat(PlanChecker.check(result.plan(), TODAY)).isEmpty();
		assertThat(result.plan().zones()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(result.plan().slots()).anyMatch(s -> !s.topics().isEmpty() && s.days().contains(DayOfWeek.WEDNESDAY));
	}

	@Test
	void aTabIsRefusedWithItsLine() {
		PlanError e = only("toan-xa.yaml", "target: toan-xa\nslots:\n  - name: Sáng\n\tdays: [MON]\n");
		assertThat(e.code()).isEqualTo("schedule_tab");
		assertThat(e.file()).isEqualTo("toan-xa.yaml");
		assertThat(e.line()).isEqualTo(4);
	}

	@Test
	void badYamlSyntaxGivesTheLine() {
		PlanError e = only("x.yaml", "target: toan-xa\nslots:\n  - name: [Sáng\n    days: [MON]\n");
		assertThat(e.code()).isEqualTo("schedule_syntax");
		assertThat(e.line()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aMissingFieldIsNamedWithTheSlotLine() {
		PlanError e = only("x.yaml", "target: toan-xa\nslots:\n  - name: Sáng\n    days: [MON]\n    length: 15m\n");
		assertThat(e.code()).isEqualTo("schedule_missing");
		assertThat(e.args()[2]).isEqualTo("start");
		assertThat(e.line()).isEqualTo(3);
	}

	@Test
	void lengthsOfZeroOrOverADayAndStart2400AreRefused() {
		assertThat(only("x.yaml", slot("05:30", "0s")).code()).isEqualTo("schedule_lengthRange");
		assertThat(only("x.yaml", slot("05:30", "25h")).code()).isEqualTo("schedule_lengthRange");
		assertThat(only("x.yaml", slot("05:30", "mười phút")).code()).isEqualTo("schedule_length");
		PlanError start = only("x.yaml", slot("24:00", "15m"));
		assertThat(start.code()).isEqualTo("schedule_start24");
		assertThat(start.line()).isEqualTo(5);
		assertThat(only("x.yaml", slot("5h30", "15m")).code()).isEqualTo("schedule_start");
		assertThat(PlanReader.parseLength("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(PlanReader.parseLength("90s")).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void anUnknownFieldOrWeekdayIsRefused() {
		assertThat(only("x.yaml", "target: toan-xa\nslots:\n  - name: S\n    days: [MON]\n    start: \"05:30\"\n"
				+ "    length: 15m\n    lenght: 10m\n").code()).isEqualTo("schedule_unknownField");
		assertThat(only("x.yaml", "target: toan-xa\nslots:\n  - name: S\n    days: [MOON]\n    start: \"05:30\"\n"
				+ "    length: 15m\n").code()).isEqualTo("schedule_day");
	}

	@Test
	void unknownZoneAndUnknownChannelAreRefused() throws IOException {
		write("zones.yaml", ZONES.replace("channel: main\n  - id: to-dan-pho-1", "channel: phu\n  - id: to-dan-pho-1"));
		write("a.yaml", "target: ban-khong-co\nslots:\n  - name: S\n    days: [MON]\n    start: \"05:30\"\n    length: 15m\n");
		PlanReader.Result result = new PlanReader(null).readDirectory(dir);
		List<PlanError> errors = PlanChecker.check(result.plan(), TODAY);
		assertThat(errors).extracting(PlanError::code).contains("schedule_unknownChannel", "schedule_unknownZone");
		assertThat(errors).filteredOn(e -> e.code().equals("schedule_unknownZone")).singleElement()
			.satisfies(e -> assertThat(e.file() + ":" + e.line()).isEqualTo("a.yaml:3"));
	}

	@Test
	void overlappingSlotsOnOneChannelAreRefusedNamingBoth() throws IOException {
		write("zones.yaml", ZONES);
		write("toan-xa.yaml", "target: toan-xa\nslots:\n  - name: Bản tin sáng\n    days: [MON, TUE]\n"
				+ "    start: \"05:30\"\n    length: 15m\n");
		write("to-dan-pho-1.yaml", "target: to-dan-pho-1\nslots:\n  - name: Thông báo\n    days: [TUE]\n"
				+ "    start: \"05:40\"\n    length: 10m\n");
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		List<PlanError> errors = PlanChecker.check(plan, TODAY);
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo("schedule_overlap");
			assertThat(List.of(e.args())).contains("Bản tin sáng", "Thông báo", "toan-xa.yaml", "to-dan-pho-1.yaml", "main");
		});
	}

	@Test
	void slotsAfterEachOtherAndOnOtherDaysDoNotConflict() throws IOException {
		write("zones.yaml", ZONES);
		write("toan-xa.yaml", "target: toan-xa\nslots:\n  - name: A\n    days: [MON]\n    start: \"05:30\"\n    length: 15m\n"
				+ "  - name: B\n    days: [MON]\n    start: \"05:45\"\n    length: 15m\n"
				+ "  - name: C\n    days: [TUE]\n    start: \"05:30\"\n    length: 15m\n");
		assertThat(PlanChecker.check(new PlanReader(null).readDirectory(dir).plan(), TODAY)).isEmpty();
	}

	@Test
	void aSlotEntirelyInThePastIsRefused() throws IOException {
		write("zones.yaml", ZONES);
		write("a.yaml", "target: toan-xa\nslots:\n  - name: Cũ\n    dates: [2026-01-05]\n    start: \"05:30\"\n    length: 15m\n");
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		assertThat(PlanChecker.notInPast(plan.slots(), TODAY)).singleElement()
			.satisfies(e -> assertThat(e.code()).isEqualTo("schedule_past"));
	}

	@Test
	void occurrencesFollowTheCommuneZoneHolidaysDaysOffAndValidity() throws IOException {
		write("zones.yaml", ZONES);
		write("toan-xa.yaml", "target: toan-xa\nslots:\n  - name: Sáng\n    days: [MON, TUE, WED, THU, FRI, SAT]\n"
				+ "    start: \"05:30\"\n    length: 15m\n    except: [03/03/2026]\n    validUntil: 2026-05-30\n");
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		Slot slot = plan.slots().get(0);
		// asked in UTC: 05:30 in Hà Nội is 22:30 UTC the day before
		ZonedDateTime from = ZonedDateTime.of(TODAY.minusDays(1), LocalTime.of(0, 0), ZoneId.of("UTC"));
		List<SlotOccurrence> week = slot.occurrencesBetween(from.withZoneSameInstant(HCM),
				from.plusDays(7).withZoneSameInstant(HCM));
		assertThat(week).extracting(SlotOccurrence::date)
			.containsExactly(TODAY, TODAY.plusDays(2), TODAY.plusDays(3), TODAY.plusDays(4), TODAY.plusDays(5));
		assertThat(week.get(0).startInstant().atZone(ZoneId.of("UTC")).toLocalTime()).isEqualTo(LocalTime.of(22, 30));
		assertThat(slot.airsOn(LocalDate.of(2026, 4, 30))).as("holiday").isFalse();
		assertThat(slot.airsOn(LocalDate.of(2026, 6, 1))).as("after validUntil").isFalse();
		assertThat(plan.zonesOf(slot)).extracting(Zone::id).containsExactly("ban-na-lay", "to-dan-pho-1");
	}

	@Test
	void exportedYamlReadsBackToTheSamePlan() throws IOException {
		write("zones.yaml", ZONES);
		write("toan-xa.yaml", "target: toan-xa\nslots:\n  - name: Chuyên mục CĐS\n    days: [WED]\n    start: \"17:00\"\n"
				+ "    length: 1h30m\n    topics: [DIGITAL_TRANSFORMATION]\n    except: [2026-03-04]\n");
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		Path out = Files.createDirectories(dir.resolve("out"));
		for (Map.Entry<String, String> f : PlanWriter.write(plan).entrySet()) {
			Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
		}
		PlanReader.Result again = new PlanReader(null).readDirectory(out);
		assertThat(again.errors()).isEmpty();
		assertThat(again.plan().slots()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source.line")
			.isEqualTo(plan.slots());
		assertThat(again.plan().zones()).isEqualTo(plan.zones());
		assertThat(again.plan().holidays()).isEqualTo(plan.holidays());
	}

	@Test
	void exportedYamlKeepsNamesAndCommandsThatNeedQuotingAndReadsBack() throws IOException {
		write("zones.yaml", """
				channels:
				  - id: main
				    name: "Kênh: chính #1"
				    output: "plughw:1,0"
				zones:
				  - id: ban-na-lay
				    name: "yes"
				    channel: main
				    switch:
				      on: [relay, "--on", "1", "say \\"bật\\""]
				      off: [relay, "--off", "1"]
				      settle: 1m30s
				  - id: to-dan-pho-1
				    name: 'Tổ "dân" phố 1'
				    channel: main
				groups:
				  - id: toan-xa
				    name: "- Toàn xã: [tất cả]"
				    zones: [ban-na-lay, to-dan-pho-1]
				holidays:
				  - date: 2026-09-02
				    name: "Quốc khánh: 2/9"
				""");
		write("toan-xa.yaml", """
				target: toan-xa
				slots:
				  - name: "Bản tin: sáng, 'đặc biệt' #2"
				    dates: [2026-12-24, 2026-12-31]
				    start: "05:30:15"
				    length: 0h15m
				    validUntil: 2027-01-31
				  - name: Chuyên mục
				    days: daily
				    start: "17:00"
				    length: 1h
				    except: [2026-12-25]
				""");
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		assertThat(plan).isNotNull();
		Map<String, String> files = PlanWriter.write(plan);
		Path out = Files.createDirectories(dir.resolve("out"));
		files.forEach((name, text) -> {
			try {
				Files.writeString(out.resolve(name), text, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		PlanReader.Result again = new PlanReader(null).readDirectory(out);
		assertThat(again.errors()).isEmpty();
		assertThat(again.plan().channels()).isEqualTo(plan.channels());
		assertThat(again.plan().zones()).isEqualTo(plan.zones());
		assertThat(again.plan().groups()).isEqualTo(plan.groups());
		assertThat(again.plan().holidays()).isEqualTo(plan.holidays());
		assertThat(again.plan().slots()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source.line")
			.isEqualTo(plan.slots());
		// written as a person writes the files: short lists on one line, start times quoted, dates bare
		assertThat(files.get("toan-xa.yaml")).contains("days: [MON, TUE, WED, THU, FRI, SAT, SUN]")
			.contains("start: \"17:00\"").contains("dates: [2026-12-24, 2026-12-31]").contains("validUntil: 2027-01-31")
			.startsWith("# ");
		assertThat(files.get("zones.yaml")).contains("zones: [ban-na-lay, to-dan-pho-1]").contains("settle: 1m30s")
			.contains("  - id: main\n    name: ");
	}

	@Test
	void everyErrorNamesTheFieldItIsAbout() {
		String base = "target: toan-xa\nslots:\n  - name: S\n    days: [MON]\n";
		assertThat(only("a.yaml", base + "    start: \"06:00\"\n    length: 5m\n    validFrom: 31/02/2026\n").field())
			.isEqualTo("validFrom");
		assertThat(only("a.yaml", base + "    start: \"06:00\"\n    length: 5m\n    except: [2026-12-01, hôm-qua]\n")
			.field()).isEqualTo("except");
		assertThat(only("a.yaml", base + "    start: \"06:00\"\n    length: 5m\n    topics: [THE_THAO]\n").field())
			.isEqualTo("topics");
		assertThat(only("a.yaml", base + "    start: \"06:00\"\n").field()).isEqualTo("length");
		assertThat(only("a.yaml", base + "    start: \"06:00\"\n    length: 5m\n    colour: red\n").field())
			.isEqualTo("colour");
	}

	private static String slot(String start, String length) {
		return "target: toan-xa\nslots:\n  - name: S\n    days: [MON]\n    start: \"" + start + "\"\n    length: " + length + "\n";
	}

	private PlanError only(String file, String text) {
		PlanReader reader = new PlanReader(null);
		List<Slot> slots = reader.readSlots(file, text);
		List<PlanError> errors = new ArrayList<>(reader.errors());
		assertThat(slots).isEmpty();
		assertThat(errors).hasSize(1);
		return errors.get(0);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
	}
}
