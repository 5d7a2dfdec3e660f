package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;

import vn.loaxa.programme.ProgrammeItem;
import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;

/** A programme to air now on one channel to some of its zones; item i is planned at start + its offset. */
record Run(String slotName, OutputChannel channel, List<Zone> zones, Instant start, List<ProgrammeItem> items,
		long pauseMs, String note, Instant airAt) {

	List<String> zoneIds() {
		return zones.stream().map(Zone::id).toList();
	}
}
