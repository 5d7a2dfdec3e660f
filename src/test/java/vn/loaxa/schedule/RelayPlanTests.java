package vn.loaxa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiếp sóng in the plan files (issue 26, step 1): {@code relays:} in zones.yaml and a slot's
 * {@code relay:}, read, checked (unknown relay, duplicate id, no source, both sources, a bad
 * address, topics on a relay slot) and written back to the same plan.
 */
class RelayPlanTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	static final String ZONES = PlanReaderTests.ZONES + """
			relays:
			  - id: vov1
			    name: "VOV1: Thời sự"
			    urls:
			      - https://stream.example.vn/vov1/playlist.m3u8
			      - http://radio.example.vn:8000/vov1.mp3
			  - id: dai-tinh
			    name: Đài tỉnh
			    input: default
			""";

	static final String RELAY_SLOT = """
			target: toan-xa
			slots:
			  - name: Tiếp sóng VOV1
			    days: [MON, TUE]
			    start: "06:00"
			    length: 30m
			    relay: vov1
			  - name: Bản tin sáng
			    days: [MON]
			    start: "05:30"
			    length: 15m
			""";

	@TempDir
	Path dir;

	@Test
	void relaysAndARelaySlotAreReadCheckedAndWrittenBackToTheSamePlan() throws IOException {
		write("zones.yaml", ZONES);
		write("toan-xa.yaml", RELAY_SLOT);
		PlanReader.Result result = new PlanReader(null).readDirectory(dir);
		assertThat(result.errors()).isEmpty();
		Plan plan = result.plan();
		assertThat(PlanChecker.check(plan, TODAY)).isEmpty();
		assertThat(plan.relays()).extracting(Relay::id).containsExactly("vov1", "dai-tinh");
		assertThat(plan.relay("vov1").orElseThrow().urls()).containsExactly(
				"https://stream.example.vn/vov1/playlist.m3u8", "http://radio.example.vn:8000/vov1.mp3");
		assertThat(plan.relay("dai-tinh").orElseThrow().isInput()).isTrue();
		Slot relaySlot = plan.slot("toan-xa/Tiếp sóng VOV1").orElseThrow();
		assertThat(relaySlot.relay()).isEqualTo("vov1");
		assertThat(relaySlot.isRelay()).isTrue();
		assertThat(plan.slot("toan-xa/Bản tin sáng").orElseThrow().isRelay()).isFalse();
		assertThat(relaySlot.accepts(vn.loaxa.media.Topic.OTHER)).as("clips never fill a relay slot").isFalse();
		assertThat(SlotDraft.of(relaySlot).relay()).as("the slot JSON names the relay").isEqualTo("vov1");

		Map<String, String> files = PlanWriter.write(plan);
		assertThat(files.get("zones.yaml")).contains("relays:", "  - id: vov1", "input: default");
		assertThat(files.get("toan-xa.yaml")).contains("relay: vov1");
		Path out = Files.createDirectories(dir.resolve("out"));
		for (Map.Entry<String, String> f : files.entrySet()) {
			Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
		}
		PlanReader.Result again = new PlanReader(null).readDirectory(out);
		assertThat(again.errors()).isEmpty();
		assertThat(again.plan().relays()).isEqualTo(plan.relays());
		assertThat(again.plan().slots()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("source.line")
			.isEqualTo(plan.slots());
	}

	@Test
	void theCheckerRefusesUnknownAndDuplicateRelaysRelaysWithoutASourceAndBadAddresses() throws IOException {
		write("zones.yaml", PlanReaderTests.ZONES + """
				relays:
				  - id: vov1
				    urls: [http://a.example.vn/x.mp3]
				  - id: vov1
				    urls: [http://b.example.vn/x.mp3]
				  - id: trong
				    name: Không có nguồn
				  - id: ca-hai
				    urls: [http://c.example.vn/x.mp3]
				    input: default
				  - id: sai-dia-chi
				    urls: [ftp://d.example.vn/x.mp3, "file:///etc/passwd", khong-phai-url]
				""");
		write("toan-xa.yaml", RELAY_SLOT.replace("relay: vov1", "relay: vov2"));
		Plan plan = new PlanReader(null).readDirectory(dir).plan();
		List<PlanError> errors = PlanChecker.check(plan, TODAY);
		assertThat(errors).extracting(PlanError::code).containsExactlyInAnyOrder("schedule_duplicateRelay",
				"schedule_relayNoSource", "schedule_relayBoth", "schedule_relayUrl", "schedule_relayUrl",
				"schedule_relayUrl", "schedule_unknownRelay");
		assertThat(errors).filteredOn(e -> e.code().equals("schedule_unknownRelay")).singleElement().satisfies(e -> {
			assertThat(e.file() + ":" + e.line()).isEqualTo("toan-xa.yaml:3");
			assertThat(e.field()).isEqualTo("relay");
			assertThat(List.of(e.args())).contains("vov2", "Tiếp sóng VOV1");
		});
		assertThat(errors).filteredOn(e -> e.code().equals("schedule_relayUrl")).extracting(e -> e.args()[2])
			.containsExactly("ftp://d.example.vn/x.mp3", "file:///etc/passwd", "khong-phai-url");
	}

	@Test
	void aRelaySlotTakesNoTopicsAndARelayIdIsAnId() {
		PlanReader reader = new PlanReader(null);
		reader.readSlots("a.yaml", "target: toan-xa\nslots:\n  - name: S\n    days: [MON]\n    start: \"06:00\"\n"
				+ "    length: 30m\n    relay: vov1\n    topics: [DIGITAL_TRANSFORMATION]\n");
		assertThat(reader.errors()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo("schedule_relayTopics");
			assertThat(e.field()).isEqualTo("topics");
		});
		PlanReader other = new PlanReader(null);
		other.readSlots("a.yaml", "target: toan-xa\nslots:\n  - name: S\n    days: [MON]\n    start: \"06:00\"\n"
				+ "    length: 30m\n    relay: VOV 1\n");
		assertThat(other.errors()).singleElement().satisfies(e -> assertThat(e.code()).isEqualTo("schedule_id"));
	}

	@Test
	void theSamplePlanHasARelayAndItsRelaySlotOnlyInAComment() throws IOException {
		Plan plan = new PlanReader(Path.of("media")).readDirectory(Path.of("schedules")).plan();
		assertThat(plan.relays()).isNotEmpty();
		assertThat(plan.slots()).noneMatch(Slot::isRelay);
		assertThat(Files.readString(Path.of("schedules/toan-xa.yaml"))).contains("#   relay: vov1");
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
	}
}
