package vn.loaxa.playout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.loaxa.broadcast.Airing;

/**
 * The records of one clip (or one slot) in each zone it was due in, written in one transaction
 * together with the removal of that clip's {@code on_air} row ({@code channelId} and
 * {@code onAirStart}, both null when none was kept). {@code id} names it in the journal.
 */
record AiringBatch(String id, String channelId, Instant onAirStart, List<Airing> airings) {

	static AiringBatch of(List<Airing> airings) {
		return new AiringBatch(UUID.randomUUID().toString(), null, null, List.copyOf(airings));
	}

	static AiringBatch clearing(String channelId, Instant onAirStart, List<Airing> airings) {
		return new AiringBatch(UUID.randomUUID().toString(), channelId, onAirStart, List.copyOf(airings));
	}
}
