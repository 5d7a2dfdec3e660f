package vn.loaxa.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.ClipSource;
import vn.loaxa.media.ClipStatus;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.playout.Playout;
import vn.loaxa.province.internal.BulletinManifest;
import vn.loaxa.province.internal.InboxStore;
import vn.loaxa.province.internal.SignedBulletin;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotDraft;
import vn.loaxa.security.CommuneKey;
import vn.loaxa.support.TestAudio;

/**
 * Bulletins down at a commune (file sink, real Quartz, real decoding), fed as the province link
 * feeds them, signed by a hub key this test holds and the commune has pinned: an EMERGENCY airs at
 * once on every zone and interrupts the slot on air ({@code emergency}); HIGH leads the queue;
 * NORMAL waits for the officer, whose rejection becomes the receipt; one that arrives too late
 * leaves MISSED {@code expired} records; a forged, altered or re-signed bulletin imports nothing.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinInboxTests {

	static final Path ROOT = commune(vn.loaxa.support.TestDirs.create("bulletin-inbox"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> ROOT.resolve("media").toString());
		registry.add("loaxa.schedules-dir", () -> ROOT.resolve("schedules").toString());
		registry.add("loaxa.audio.sink", () -> "file");
		registry.add("loaxa.playout.pause", () -> "300ms");
		registry.add("loaxa.media.import-on-start", () -> "false");
		registry.add("loaxa.admin.password", () -> "test-admin-pw");
		registry.add("spring.quartz.scheduler-name", () -> "loaxa-" + ROOT.getFileName());
		vn.loaxa.support.TestDatabase.register(registry);
	}

	@Autowired BulletinInbox inbox;
	@Autowired InboxStore store;
	@Autowired ClipLibrary library;
	@Autowired Schedule schedule;
	@Autowired Playout playout;
	@Autowired BroadcastLog log;
	@Autowired LoaxaClock clock;
	@Autowired ObjectMapper json;

	final KeyPair hub = pair();
	long nextId = 100;

	@BeforeAll
	void pinTheHub() {
		store.pin(CommuneKey.pem(hub.getPublic()), CommuneKey.fingerprint(hub.getPublic()), Instant.now());
	}

	@Test
	void anEmergencyAirsAtOnceOnEveryZoneAndInterruptsTheSlotOnAir() throws Exception {
		Clip news = tone("tin-dang-phat", 6_000, Topic.PROCEDURES, Priority.NORMAL);
		ZonedDateTime start = clock.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
		Slot slot = schedule.saveSlot(new SlotDraft("ban-a", "Bản tin trưa", List.of(), List.of(start.toLocalDate()
			.toString()), start.toLocalTime().toString(), "30s", List.of("PROCEDURES"), null, null, null, null, List.of()),
				null);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> playout.nowPlaying().stream()
				.anyMatch(n -> news.getId().equals(n.clipId())));
			byte[] audio = TestAudio.uniqueMp3(2, "Cảnh báo lũ quét");
			long id = nextId++;
			Instant now = Instant.now();
			String state = inbox.take(signed(manifest(id, "Cảnh báo lũ quét", Priority.EMERGENCY, audio, now.minusSeconds(5),
					now.plus(Duration.ofHours(3)), 7200L)), file(audio));
			assertThat(state).isEqualTo("AIRING");
			Clip bulletin = library.findBySha256(sha(audio)).orElseThrow();
			assertThat(bulletin.getSource()).isEqualTo(ClipSource.PROVINCE);
			assertThat(bulletin.getBulletinId()).isEqualTo(id);
			assertThat(bulletin.getStatus()).isEqualTo(ClipStatus.APPROVED);
			await().atMost(Duration.ofSeconds(20)).until(() -> played(bulletin).size() == 3);
			assertThat(played(bulletin)).extracting(r -> r.airing().zoneId())
				.containsExactlyInAnyOrder("ban-a", "ban-b", "ban-c");
			assertThat(played(bulletin)).allSatisfy(r -> assertThat(r.airing().playedMs()).isBetween(1_900L, 2_200L));
			List<BroadcastRecord> cut = records("ban-a", news.getId());
			assertThat(cut).singleElement().satisfies(r -> {
				assertThat(r.airing().outcome()).isEqualTo(Outcome.INTERRUPTED);
				assertThat(r.airing().reasonCode()).isEqualTo(Reason.EMERGENCY);
			});
			InboxStore.Entry entry = store.entry(id).orElseThrow();
			assertThat(entry.state()).as("repeated every 2 h while valid").isEqualTo("AIRING");
			assertThat(entry.nextAiringAt()).isAfter(now.plus(Duration.ofMinutes(119)));
			assertThat(BulletinInbox.receiptState(entry)).isEqualTo("RECEIVED");
		}
		finally {
			schedule.deleteSlot(slot.key());
		}
	}

	@Test
	void anEmergencyForZoneGroupsAirsOnTheirZonesOnlyAndUnknownGroupsMeanEveryZone() throws Exception {
		byte[] audio = TestAudio.uniqueMp3(1, "Cháy rừng");
		Instant now = Instant.now();
		BulletinManifest.Validity valid = new BulletinManifest.Validity(now, now.plus(Duration.ofHours(1)), null);
		assertThat(inbox.take(signed(manifest(nextId++, "Cảnh báo cháy rừng", Priority.EMERGENCY, audio, valid,
				List.of("ven-rung", "nhom-cua-xa-khac"))), file(audio))).isEqualTo("AIRING");
		Clip clip = library.findBySha256(sha(audio)).orElseThrow();
		await().atMost(Duration.ofSeconds(20)).until(() -> played(clip).size() == 2);
		assertThat(played(clip)).extracting(r -> r.airing().zoneId()).containsExactlyInAnyOrder("ban-a", "ban-b");

		byte[] other = TestAudio.uniqueMp3(1, "Rét đậm");
		assertThat(inbox.take(signed(manifest(nextId++, "Rét đậm rét hại", Priority.EMERGENCY, other, valid,
				List.of("nhom-cua-xa-khac"))), file(other))).isEqualTo("AIRING");
		Clip cold = library.findBySha256(sha(other)).orElseThrow();
		await().atMost(Duration.ofSeconds(20)).until(() -> played(cold).size() == 3);
	}

	@Test
	void aHighBulletinLeadsTheQueueAndANormalOneWaitsForTheOfficerWhoseRejectionGoesUp() throws Exception {
		Clip own = tone("tin-cua-xa", 1_000, Topic.DIGITAL_TRANSFORMATION, Priority.NORMAL);
		byte[] highAudio = TestAudio.uniqueMp3(1, "Lịch tiêm");
		long high = nextId++;
		Instant now = Instant.now();
		assertThat(inbox.take(signed(manifest(high, "Lịch tiêm chủng", Priority.HIGH, highAudio, now, null, null)),
				file(highAudio))).isEqualTo("RECEIVED");
		Clip highClip = library.findBySha256(sha(highAudio)).orElseThrow();
		assertThat(highClip.getStatus()).isEqualTo(ClipStatus.APPROVED);
		List<Long> queue = library.queue(clock.today()).clips().stream().map(Clip::getId).toList();
		assertThat(queue.indexOf(highClip.getId())).isNotNegative().isLessThan(queue.indexOf(own.getId()));

		byte[] normalAudio = TestAudio.uniqueMp3(1, "Họp dân");
		long normal = nextId++;
		assertThat(inbox.take(signed(manifest(normal, "Thông báo họp dân", Priority.NORMAL, normalAudio, now, null, null)),
				file(normalAudio))).isEqualTo("RECEIVED");
		Clip normalClip = library.findBySha256(sha(normalAudio)).orElseThrow();
		assertThat(normalClip.getStatus()).as("the officer decides").isEqualTo(ClipStatus.PENDING);
		library.reject(normalClip.getId(), "can-bo", "Xã đã thông báo qua Zalo");
		inbox.airDue();
		InboxStore.Entry rejected = store.entry(normal).orElseThrow();
		assertThat(BulletinInbox.receiptState(rejected)).isEqualTo("REJECTED");
		assertThat(rejected.reason()).isEqualTo("Xã đã thông báo qua Zalo");
		assertThat(inbox.unreported()).extracting(InboxStore.Entry::bulletinId).contains(high, normal);

		// the same bulletin again (its receipt lost on the way) changes nothing
		assertThat(inbox.take(signed(manifest(high, "Lịch tiêm chủng", Priority.HIGH, highAudio, now, null, null)),
				file(highAudio))).isEqualTo("RECEIVED");
		// withdrawn: archived, out of every future programme
		assertThat(inbox.take(signed(manifest(high, "Lịch tiêm chủng", Priority.HIGH, highAudio, now, null, null)
			.cancel(Instant.now())), file(highAudio))).isEqualTo("CANCELLED");
		assertThat(library.get(highClip.getId()).getStatus()).isEqualTo(ClipStatus.ARCHIVED);
		assertThat(library.queue(clock.today()).clips()).extracting(Clip::getId).doesNotContain(highClip.getId());
		assertThat(BulletinInbox.receiptState(store.entry(high).orElseThrow())).isEqualTo("CANCEL_SEEN");
	}

	@Test
	void anEmergencyThatArrivesTooLateLeavesAMissedExpiredRecordInEachZone() throws Exception {
		byte[] audio = TestAudio.uniqueMp3(1, "Bão số 3");
		long id = nextId++;
		Instant from = Instant.now().minus(Duration.ofHours(3));
		assertThat(inbox.take(signed(manifest(id, "Cảnh báo bão số 3", Priority.EMERGENCY, audio, from,
				from.plus(Duration.ofHours(2)), null)), file(audio))).isEqualTo("EXPIRED");
		Clip clip = library.findBySha256(sha(audio)).orElseThrow();
		assertThat(clip.getStatus()).isEqualTo(ClipStatus.ARCHIVED);
		List<BroadcastRecord> missed = log.between(from.minusSeconds(1), from.plusSeconds(1), null).stream()
			.filter(r -> clip.getId().equals(r.airing().clipId()))
			.toList();
		assertThat(missed).extracting(r -> r.airing().zoneId()).containsExactlyInAnyOrder("ban-a", "ban-b", "ban-c");
		assertThat(missed).allSatisfy(r -> {
			assertThat(r.airing().outcome()).isEqualTo(Outcome.MISSED);
			assertThat(r.airing().reasonCode()).isEqualTo(Reason.EXPIRED);
		});
		assertThat(BulletinInbox.receiptState(store.entry(id).orElseThrow())).isEqualTo("EXPIRED");
	}

	@Test
	void aForgedAlteredOrReSignedBulletinImportsNothing() throws Exception {
		byte[] audio = TestAudio.uniqueMp3(1, "Giả mạo");
		Instant now = Instant.now();
		long clips = library.search(new vn.loaxa.media.ClipFilter(null, null, null, null)).size();

		SignedBulletin good = signed(manifest(nextId++, "Bản tin thật", Priority.EMERGENCY, audio, now,
				now.plus(Duration.ofHours(1)), null));
		SignedBulletin changedByte = new SignedBulletin(good.manifest().replace("Bản tin thật", "Bản tin giả"),
				good.signature());
		assertThat(inbox.take(changedByte, file(audio))).isEqualTo("REFUSED");

		KeyPair other = pair();
		String text = new String(manifest(nextId++, "Khóa khác", Priority.EMERGENCY, audio, now,
				now.plus(Duration.ofHours(1)), null).bytes(json), StandardCharsets.UTF_8);
		SignedBulletin reSigned = new SignedBulletin(text, ProvinceHubTests.sign(other, text.getBytes(StandardCharsets.UTF_8)));
		assertThat(inbox.take(reSigned, file(audio))).isEqualTo("REFUSED");

		byte[] otherAudio = TestAudio.uniqueMp3(1, "Âm thanh bị tráo");
		assertThat(inbox.take(good, file(otherAudio))).as("the audio is not the one signed").isEqualTo("REFUSED");

		assertThat(library.findBySha256(sha(audio))).isEmpty();
		assertThat(library.findBySha256(sha(otherAudio))).isEmpty();
		assertThat(library.search(new vn.loaxa.media.ClipFilter(null, null, null, null))).hasSize((int) clips);
		assertThat(store.link().lastRefusal()).contains("bị từ chối");
	}

	// ------------------------------------------------------------------ helpers

	private BulletinManifest manifest(long id, String title, Priority level, byte[] audio, Instant from, Instant until,
			Long repeat) throws Exception {
		return manifest(id, title, level, audio, new BulletinManifest.Validity(from, until, repeat), List.of());
	}

	private BulletinManifest manifest(long id, String title, Priority level, byte[] audio,
			BulletinManifest.Validity validity, List<String> groups) throws Exception {
		return new BulletinManifest(1, id, title, level, ClipKind.ANNOUNCEMENT, Topic.OTHER,
				new BulletinManifest.Audio(sha(audio), 1_000, "mp3"), validity, List.of("xa-thu"), Instant.now(), false,
				groups);
	}

	private SignedBulletin signed(BulletinManifest m) throws Exception {
		String text = new String(m.bytes(json), StandardCharsets.UTF_8);
		return new SignedBulletin(text, ProvinceHubTests.sign(hub, text.getBytes(StandardCharsets.UTF_8)));
	}

	private static BulletinInbox.AudioSource file(byte[] audio) {
		return (id, file) -> Files.write(file, audio);
	}

	private List<BroadcastRecord> played(Clip clip) {
		Instant now = Instant.now();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), null).stream()
			.filter(r -> clip.getId().equals(r.airing().clipId()) && r.airing().outcome() == Outcome.PLAYED)
			.toList();
	}

	private List<BroadcastRecord> records(String zone, long clipId) {
		Instant now = Instant.now();
		return log.between(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), zone).stream()
			.filter(r -> r.airing().clipId() != null && r.airing().clipId() == clipId)
			.toList();
	}

	private Clip tone(String name, long ms, Topic topic, Priority priority) throws Exception {
		Path file = vn.loaxa.playout.TestAudio.tone(ROOT.resolve(name + ".wav"), 440, ms);
		Clip clip = library.importFile(file, new ClipDraft(name, ClipKind.NEWS, topic, priority, null, null, null), "test")
			.clip();
		return library.approve(clip.getId(), "test");
	}

	private static String sha(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static KeyPair pair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path commune(Path root) {
		try {
			Files.createDirectories(root.resolve("media"));
			Path schedules = Files.createDirectories(root.resolve("schedules"));
			Files.writeString(schedules.resolve("zones.yaml"), """
					channels:
					  - id: main
					    name: Kênh chính
					    output: file
					  - id: second
					    name: Kênh hai
					    output: file
					zones:
					  - id: ban-a
					    name: Bản A
					    channel: main
					  - id: ban-b
					    name: Bản B
					    channel: main
					  - id: ban-c
					    name: Bản C
					    channel: second
					groups:
					  - id: ven-rung
					    name: Các bản ven rừng
					    zones: [ban-a, ban-b]
					""", StandardCharsets.UTF_8);
			return root;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
