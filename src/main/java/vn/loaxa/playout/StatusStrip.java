package vn.loaxa.playout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.loaxa.backup.BackupStatus;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.Outcome;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;
import vn.loaxa.schedule.Schedule;
import vn.loaxa.schedule.SlotOccurrence;

/**
 * The strip on every page: next slot, last slot's outcome, missed and failed airings in the last
 * 7 days, disk space left, and the PC's own clock (an NTP-less PC drifts; the officer should see it);
 * a failed backup, or none for 48 h, in red (null {@code backup} while backups are fine); records kept
 * outside the journal, quarantined or not yet caught up, in red (null {@code records} while all are safe);
 * a relay on air without sound, in red.
 */
@ControllerAdvice(annotations = Controller.class)
class StatusStrip {

	/** Below this much free space in the data dir the strip turns red. */
	static final long LOW_DISK_BYTES = 2L * 1024 * 1024 * 1024;

	record Strip(SlotOccurrence next, Playout.SlotRunView last, long missed, long failed, long freeBytes,
			boolean lowDisk, ZonedDateTime pcTime, ZoneId pcZone, BackupStatus.View backup, RecordKeeping records,
			List<Playout.RelayDown> relaysDown) {
	}

	private final Schedule schedule;
	private final Playout playout;
	private final BroadcastLog log;
	private final LoaxaClock clock;
	private final LoaxaProperties properties;
	private final BackupStatus backups;

	StatusStrip(Schedule schedule, Playout playout, BroadcastLog log, LoaxaClock clock, LoaxaProperties properties,
			BackupStatus backups) {
		this.backups = backups;
		this.schedule = schedule;
		this.playout = playout;
		this.log = log;
		this.clock = clock;
		this.properties = properties;
	}

	@ModelAttribute("strip")
	Strip strip(Authentication user) {
		if (user == null || !user.isAuthenticated()) {
			return null;
		}
		ZonedDateTime now = clock.now();
		Optional<SlotOccurrence> next = schedule.occurrencesBetween(now, now.plusDays(8))
			.stream()
			.filter(o -> o.startInstant().isAfter(now.toInstant()))
			.findFirst();
		List<Playout.SlotRunView> last = playout.recentRuns(1);
		Instant weekAgo = now.minus(Duration.ofDays(7)).toInstant();
		Map<Outcome, Long> counts = log.countByOutcome(weekAgo, now.toInstant().plusSeconds(1));
		long free = properties.dataDir().toFile().getUsableSpace();
		ZoneId pcZone = ZoneId.systemDefault();
		BackupStatus.View backup = backups.view();
		RecordKeeping records = playout.recordKeeping();
		return new Strip(next.orElse(null), last.isEmpty() ? null : last.get(0), counts.getOrDefault(Outcome.MISSED, 0L),
				counts.getOrDefault(Outcome.FAILED, 0L), free, free < LOW_DISK_BYTES, ZonedDateTime.now(pcZone), pcZone,
				backup.degraded() ? backup : null, records.shown() ? records : null, playout.relaysDown());
	}
}
