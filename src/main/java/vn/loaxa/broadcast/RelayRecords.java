package vn.loaxa.broadcast;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The records of relay slots (tiếp sóng) scheduled in a period, one a stretch per zone, for the
 * reports' relayed time: few (a relay slot a day writes a record or two per zone), so read one by
 * one through their own index ({@code V20__relay_reports.sql}) rather than summed into the month
 * totals. Only records that count: one replaced by a correction is left out, the correction counts.
 */
@Service
public class RelayRecords {

	/**
	 * One relay record: the relay's id and name (the record's title), the slot occasion it belongs to
	 * (slot and scheduled start), its zone, outcome and reason code ({@code stream_lost}; null when
	 * none), the time heard and the slot's length from the occasion's start ({@code dueMs}).
	 */
	public record Stretch(long id, String relay, String name, String slotName, Instant scheduledStart, String zoneId,
			Outcome outcome, String reasonCode, long playedMs, long dueMs) {
	}

	private final JdbcTemplate jdbc;

	RelayRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The relay records scheduled in [from, to), in log order. */
	public List<Stretch> scheduledIn(Instant from, Instant to) {
		// "relay_id > ''" is a range of the relay index that skips the NULLs of every other record
		return jdbc.query("SELECT r.id, r.relay_id, r.clip_title, r.slot_name, r.scheduled_start, r.zone_id, r.outcome, "
				+ "r.reason_code, r.played_ms, r.clip_duration_ms FROM broadcast_record r WHERE r.relay_id > '' "
				+ "AND r.scheduled_start >= ? AND r.scheduled_start < ? AND " + AiringCounts.NOT_CORRECTED
				+ " ORDER BY r.id",
				(rs, n) -> new Stretch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getString(6),
						Outcome.valueOf(rs.getString(7)), rs.getString(8), rs.getLong(9), rs.getLong(10)),
				AiringCounts.ts(from), AiringCounts.ts(to));
	}
}
