package vn.loaxa.province;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Clip;
import vn.loaxa.media.ClipDraft;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.FileSha256;
import vn.loaxa.media.ClipStatus;
import vn.loaxa.media.Priority;
import vn.loaxa.playout.Playout;
import vn.loaxa.province.internal.BulletinManifest;
import vn.loaxa.province.internal.InboxStore;
import vn.loaxa.province.internal.SignedBulletin;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.Zone;
import vn.loaxa.security.CommuneKey;

/**
 * Bulletins down, at a commune: each signed bulletin checked against the hub's pinned key and its
 * audio against the hash the hub signed, imported as a clip of source PROVINCE, then by level:
 * EMERGENCY approved and aired at once on every zone (again every {@code repeat} until its
 * validity ends; arrived too late: a MISSED {@code expired} record per zone), HIGH approved so it
 * leads the queue, NORMAL left for the officer. Nothing of a bulletin that does not check out is
 * imported; each outcome becomes a receipt for the hub.
 */
@Service
public class BulletinInbox {

	/** Fetches a bulletin's audio from the hub into a file. */
	public interface AudioSource {
		void copyTo(long bulletinId, Path file) throws IOException, InterruptedException;
	}

	static final String FROM = "tinh";
	private static final Logger log = LoggerFactory.getLogger(BulletinInbox.class);

	private final InboxStore store;
	private final ClipLibrary library;
	private final Playout playout;
	private final Schedule schedule;
	private final BroadcastLog broadcastLog;
	private final LoaxaClock clock;
	private final ObjectMapper json;

	BulletinInbox(InboxStore store, ClipLibrary library, Playout playout, Schedule schedule,
			BroadcastLog broadcastLog, LoaxaClock clock, ObjectMapper json) {
		this.store = store;
		this.library = library;
		this.playout = playout;
		this.schedule = schedule;
		this.broadcastLog = broadcastLog;
		this.clock = clock;
		this.json = json;
	}

	/** Takes one bulletin as fetched; returns what became of it (the inbox state). */
	public synchronized String take(SignedBulletin signed, AudioSource audio) throws IOException, InterruptedException {
		InboxStore.Link link = store.link();
		BulletinManifest manifest = readOrNull(signed.manifest());
		boolean signedByHub = link.hubKeyPem() != null && CommuneKey.verify(CommuneKey.parsePublicKey(link.hubKeyPem()),
				signed.manifest().getBytes(StandardCharsets.UTF_8), signed.signature());
		if (manifest == null || !signedByHub) {
			return refuse(manifest, "bad_signature",
					"chữ ký không phải của máy chủ tỉnh đã ghim / not signed by the pinned hub key");
		}
		Optional<InboxStore.Entry> known = store.entry(manifest.id());
		if (manifest.cancelled()) {
			return withdraw(manifest, known);
		}
		if (known.isPresent()) {
			return known.get().state();
		}
		Path file = Files.createTempFile("loaxa-bulletin-", "." + safeExtension(manifest.audio().extension()));
		try {
			audio.copyTo(manifest.id(), file);
			if (!manifest.audio().sha256().equals(FileSha256.of(file))) {
				return refuse(manifest, "audio_altered",
						"tệp âm thanh khác với tệp tỉnh đã ký / the audio is not the one the hub signed");
			}
			return accept(manifest, file);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private String accept(BulletinManifest m, Path file) throws IOException {
		Clip clip;
		try (InputStream in = Files.newInputStream(file)) {
			clip = library.importBulletin(in, "ban-tin-tinh-" + m.id() + "." + safeExtension(m.audio().extension()),
					draft(m), m.id(), FROM).clip();
		}
		Instant now = clock.now().toInstant();
		if (m.validity().endedBy(now)) {
			library.archive(clip.getId(), FROM);
			if (m.level() == Priority.EMERGENCY) {
				missed(m, clip, now);
			}
			log.warn("province: bulletin {} «{}» arrived after its validity ended ({})", m.id(), m.title(),
					m.validity().until());
			return insert(m, clip.getId(), null, "EXPIRED");
		}
		if (m.level() != Priority.NORMAL && clip.getStatus() != ClipStatus.APPROVED) {
			library.approve(clip.getId(), FROM);
		}
		if (m.level() != Priority.EMERGENCY) {
			log.info("province: bulletin {} «{}» ({}) received as clip {}", m.id(), m.title(), m.level(), clip.getId());
			return insert(m, clip.getId(), null, "RECEIVED");
		}
		Instant first = m.validity().from().isAfter(now) ? m.validity().from() : now;
		String state = insert(m, clip.getId(), first, "AIRING");
		airDue();
		return state;
	}

	private String insert(BulletinManifest m, Long clipId, Instant next, String state) {
		store.insert(new InboxStore.Entry(m.id(), clipId, m.level(), m.title(), m.validity(), next, state, null, null,
				m.groups()), clock.now().toInstant());
		return state;
	}

	private String withdraw(BulletinManifest m, Optional<InboxStore.Entry> known) {
		if (known.isEmpty()) {
			insert(m, null, null, "CANCELLED");
			return "CANCELLED";
		}
		InboxStore.Entry e = known.get();
		if (!"CANCELLED".equals(e.state())) {
			if (e.clipId() != null && library.get(e.clipId()).getStatus() != ClipStatus.ARCHIVED) {
				library.archive(e.clipId(), FROM);
			}
			store.state(e.bulletinId(), "CANCELLED", null, null);
			log.warn("province: bulletin {} «{}» withdrawn by the province", e.bulletinId(), e.title());
		}
		return "CANCELLED";
	}

	private String refuse(BulletinManifest m, String code, String why) {
		Instant now = clock.now().toInstant();
		String what = "Bản tin" + (m == null ? "" : " #" + m.id() + " «" + m.title() + "»") + " bị từ chối: " + why;
		log.warn("province: {}", what);
		store.refusal(what, now);
		if (m != null && store.entry(m.id()).isEmpty()) {
			store.insert(new InboxStore.Entry(m.id(), null, m.level() == null ? Priority.NORMAL : m.level(),
					m.title(), m.validity(), null, "REFUSED", null, code, List.of()), now);
		}
		return "REFUSED";
	}

	/** Airs the EMERGENCY bulletins that are due, and moves on what the officer or the clock decided. */
	@Scheduled(initialDelayString = "${loaxa.province.inbox-check:15s}", fixedDelayString = "${loaxa.province.inbox-check:15s}")
	public synchronized void airDue() {
		Instant now = clock.now().toInstant();
		for (InboxStore.Entry e : store.open()) {
			try {
				step(e, now);
			}
			catch (RuntimeException ex) {
				log.warn("province: bulletin {}: {}", e.bulletinId(), ex.toString());
			}
		}
	}

	private void step(InboxStore.Entry e, Instant now) {
		Clip clip = library.get(e.clipId());
		if (e.validity().endedBy(now)) {
			if (clip.getStatus() != ClipStatus.ARCHIVED) {
				library.archive(clip.getId(), FROM);
			}
			store.state(e.bulletinId(), "DONE", null, null);
		}
		else if ("AIRING".equals(e.state()) && e.nextAiringAt() != null && !e.nextAiringAt().isAfter(now)) {
			List<String> zones = playout.airEmergency(clip.getId(), zonesOf(e.groups()),
					"Sở VHTTDL (bản tin #" + e.bulletinId() + ")");
			Long every = e.validity().repeatSeconds();
			Instant next = every == null ? null : e.nextAiringAt().plusSeconds(every * (1 + (now.getEpochSecond()
					- e.nextAiringAt().getEpochSecond()) / every));
			store.state(e.bulletinId(), next == null ? "DONE" : "AIRING", null, next);
			log.warn("province: EMERGENCY bulletin {} «{}» aired on {}{}", e.bulletinId(), e.title(), zones,
					next == null ? "" : ", again at " + next);
		}
		else if ("RECEIVED".equals(e.state()) && clip.getStatus() == ClipStatus.REJECTED) {
			store.state(e.bulletinId(), "REJECTED", clip.getRejectReason(), null);
		}
	}

	/** One MISSED {@code expired} record per zone for an EMERGENCY bulletin that came too late to air. */
	private void missed(BulletinManifest m, Clip clip, Instant now) {
		String why = "bản tin khẩn cấp #" + m.id() + " đến lúc " + now + ", đã hết hiệu lực lúc "
				+ m.validity().until();
		List<String> named = zonesOf(m.groups());
		List<String> zones = named.isEmpty() ? schedule.current().zones().stream().map(Zone::id).toList() : named;
		List<Airing> airings = zones.stream()
			.map(zone -> Airing.of(zone, Playout.EMERGENCY)
				.clip(clip.getId(), clip.getSha256(), clip.getTitle(), clip.getKind(), clip.getTopic())
				.scheduled(m.validity().from())
				.dueMs(clip.getDurationMs())
				.outcome(Outcome.MISSED)
				.reason(why)
				.reasonCode(Reason.EXPIRED)
				.build())
			.toList();
		if (!airings.isEmpty()) {
			broadcastLog.appendAll(airings);
		}
	}

	public List<InboxStore.Entry> unreported() {
		return store.unreported();
	}

	public void reported(long bulletinId, String receiptState) {
		store.reported(bulletinId, receiptState);
	}

	public static String receiptState(InboxStore.Entry e) {
		return switch (e.state()) {
			case "CANCELLED" -> "CANCEL_SEEN";
			case "AIRING", "DONE" -> "RECEIVED";
			default -> e.state();
		};
	}

	/** The zones of the groups a bulletin names that this commune has; none: every zone. */
	private List<String> zonesOf(List<String> groups) {
		if (groups == null || groups.isEmpty()) {
			return List.of();
		}
		var plan = schedule.current();
		List<String> zones = groups.stream().flatMap(g -> plan.group(g).stream())
			.flatMap(g -> g.zoneIds().stream()).distinct().toList();
		if (zones.isEmpty()) {
			log.warn("province: none of the groups {} is this commune's: every zone", groups);
		}
		return zones;
	}

	public int zones() {
		return schedule.current().zones().size();
	}

	private ClipDraft draft(BulletinManifest m) {
		LocalDate from = LocalDate.ofInstant(m.validity().from(), clock.zone());
		LocalDate until = m.validity().until() == null ? null
				: LocalDate.ofInstant(m.validity().until().minusMillis(1), clock.zone());
		return new ClipDraft(m.title(), m.kind(), m.topic(), m.level(), from, until == null || until.isBefore(from)
				? until == null ? null : from : until, "Bản tin của tỉnh số " + m.id());
	}

	private BulletinManifest readOrNull(String text) {
		try {
			return text == null ? null : BulletinManifest.read(text, json);
		}
		catch (IOException e) {
			return null;
		}
	}

	private static String safeExtension(String ext) {
		return ext != null && ext.matches("[a-z0-9]{1,5}") ? ext : "bin";
	}
}
