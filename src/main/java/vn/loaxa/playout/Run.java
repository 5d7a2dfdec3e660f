package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;

import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;

/** A programme to air on one channel to some of its zones; item i is planned at the occasion's start + its offset. */
record Run(Occasion occasion, OutputChannel channel, List<Zone> zones, List<ProgrammeItem> items, long pauseMs) {

	/**
	 * What the programme airs for: the slot's name and planned start (the records' planned times),
	 * {@code airAt} the instant to hold the first frame for (null: at once), {@code startBy} the end of
	 * the grace window (null: no limit, as for Phát ngay) and a note for the PLAYED records.
	 */
	record Occasion(String slotName, Instant start, Instant airAt, Instant startBy, String note) {
	}

	String slotName() {
		return occasion.slotName();
	}

	List<String> zoneIds() {
		return zones.stream().map(Zone::id).toList();
	}

	Instant scheduled(ProgrammeItem item) {
		return occasion.start().plusMillis(item.offsetMs());
	}
}
