package vn.loaxa.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.loaxa.broadcast.Outcome;
import vn.loaxa.broadcast.Reason;
import vn.loaxa.broadcast.RelayRecords.Stretch;

/**
 * Tiếp sóng counted by slot occasion (relay, slot, scheduled start), not by zone: a relay's zones
 * are switched together, so an occasion relayed to six zones is one airing of its length. Per
 * occasion the time relayed is the most any one zone heard (the sum of that zone's stretches), the
 * outages are the most stretches any zone lost ({@code stream_lost}, {@code silence}; a PARTIAL
 * without a code, as the first release of relays wrote a stream that ended early) plus one when no
 * address gave sound ({@code stream_unavailable}), and the time lost is the time due (the records'
 * {@code clipDurationMs}: the slot less its tunes) less the time relayed. Kept apart from the commune's
 * own tin, bài.
 */
final class RelayTally {

	private static final Set<String> LOST = Set.of(Reason.STREAM_LOST.code(), Reason.SILENCE.code());

	private record Key(String relay, String slot, Instant at) {
	}

	/** One occasion: what each zone heard and lost, the slot's length, whether no address gave sound. */
	private static final class Occasion {
		final Map<String, long[]> zones = new HashMap<>();
		long dueMs;
		boolean unavailable;

		long relayedMs() {
			return zones.values().stream().mapToLong(z -> z[0]).max().orElse(0);
		}

		long outages() {
			return zones.values().stream().mapToLong(z -> z[1]).max().orElse(0) + (unavailable ? 1 : 0);
		}
	}

	/** A relay's sums over the period. */
	private static final class Sum {
		String name;
		long airings;
		long relayedMs;
		long outages;
		long lostMs;
	}

	private final Map<String, Sum> relays = new TreeMap<>();

	static RelayTally of(List<Stretch> stretches) {
		Map<Key, Occasion> occasions = new LinkedHashMap<>();
		RelayTally tally = new RelayTally();
		for (Stretch s : stretches) {
			Occasion o = occasions.computeIfAbsent(new Key(s.relay(), s.slotName(), s.scheduledStart()), k -> new Occasion());
			long[] zone = o.zones.computeIfAbsent(s.zoneId(), z -> new long[2]);
			zone[0] += s.playedMs();
			if (s.outcome() == Outcome.PARTIAL && (s.reasonCode() == null || LOST.contains(s.reasonCode()))) {
				zone[1]++;
			}
			o.unavailable |= s.outcome() == Outcome.FAILED && Reason.STREAM_UNAVAILABLE.code().equals(s.reasonCode());
			o.dueMs = Math.max(o.dueMs, s.dueMs());
			// stretches come in log order: the latest record's name stands for the relay
			tally.relays.computeIfAbsent(s.relay(), r -> new Sum()).name = s.name() == null ? s.relay() : s.name();
		}
		occasions.forEach((key, o) -> {
			Sum sum = tally.relays.get(key.relay());
			long relayed = o.relayedMs();
			sum.airings += relayed > 0 ? 1 : 0;
			sum.relayedMs += relayed;
			sum.outages += o.outages();
			sum.lostMs += Math.max(0, o.dueMs - relayed);
		});
		return tally;
	}

	/** One row per relay, by id. */
	List<ReportFigures.RelayRow> rows() {
		List<ReportFigures.RelayRow> rows = new ArrayList<>();
		relays.forEach((id, s) -> rows.add(new ReportFigures.RelayRow(id, s.name, s.airings,
				ReportFigures.minutes(s.relayedMs), s.outages, ReportFigures.minutes(s.lostMs))));
		return rows;
	}

	/** Whole minutes relayed, of one relay or ({@code null}) of all: what a relayMinutes target has done. */
	long wholeMinutes(String relay) {
		long ms = relay == null ? relays.values().stream().mapToLong(s -> s.relayedMs).sum()
				: relays.containsKey(relay) ? relays.get(relay).relayedMs : 0;
		return ms / 60_000;
	}

	/** No relay at all: what the province's hub counts, whose records carry no relay. */
	static RelayTally none() {
		return new RelayTally();
	}
}
