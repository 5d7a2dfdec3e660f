package vn.loaxa.playout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which slot occurrences have been handled (each exactly once, whoever gets there first: the
 * trigger, its misfire, or the startup catch-up), and the heartbeat marker of the last moment
 * playout was alive.
 */
@Repository
class SlotRuns {

	enum State {
		STARTED, DONE, EMPTY, MISSED, FAILED, INTERRUPTED
	}

	record Run(String slotKey, Instant scheduledStart, State state, String detail, Instant at) {
	}

	private static final String ALIVE = "alive";

	private final JdbcTemplate jdbc;

	SlotRuns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An occurrence claimed and not finished: a crash came between. It names its slot, zones and
	 * end, so its zones still get their records after the restart.
	 */
	record Claimed(String slotKey, Instant scheduledStart, String slotName, List<String> zones, Instant endsAt,
			Instant at) {
	}

	/** Claims an occurrence for its zones; false when it was already handled. */
	boolean claim(vn.loaxa.schedule.SlotOccurrence occurrence, List<String> zones, Instant now) {
		try {
			jdbc.update("INSERT INTO slot_run (slot_key, scheduled_start, state, detail, at, slot_name, zones, ends_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", occurrence.slot().key(), Timestamp.from(occurrence.startInstant()),
					State.STARTED.name(), null, Timestamp.from(now), occurrence.slot().name(), cut(String.join(",", zones)),
					Timestamp.from(occurrence.endInstant()));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	void finish(String slotKey, Instant scheduledStart, State state, String detail, Instant now) {
		jdbc.update("UPDATE slot_run SET state = ?, detail = ?, at = ? WHERE slot_key = ? AND scheduled_start = ?",
				state.name(), cut(detail), Timestamp.from(now), slotKey, Timestamp.from(scheduledStart));
	}

	/** Occurrences left marked as started, claimed before {@code claimedBefore}. */
	List<Claimed> started(Instant claimedBefore) {
		return jdbc.query("SELECT slot_key, scheduled_start, slot_name, zones, ends_at, at FROM slot_run "
				+ "WHERE state = ? AND at < ?", (rs, i) -> new Claimed(rs.getString(1), rs.getTimestamp(2).toInstant(),
						rs.getString(3), rs.getString(4) == null || rs.getString(4).isEmpty() ? List.of()
								: List.of(rs.getString(4).split(",")),
						rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()),
				State.STARTED.name(), Timestamp.from(claimedBefore));
	}

	/** Occurrences a crash left marked as started: they end as INTERRUPTED. */
	int closeStarted(String detail, Instant now) {
		return jdbc.update("UPDATE slot_run SET state = ?, detail = ?, at = ? WHERE state = ?", State.INTERRUPTED.name(),
				detail, Timestamp.from(now), State.STARTED.name());
	}

	/** The same for occurrences claimed before {@code claimedBefore} only (a cluster: the other PC may be airing). */
	int closeStarted(String detail, Instant now, Instant claimedBefore) {
		return jdbc.update("UPDATE slot_run SET state = ?, detail = ?, at = ? WHERE state = ? AND at < ?",
				State.INTERRUPTED.name(), detail, Timestamp.from(now), State.STARTED.name(), Timestamp.from(claimedBefore));
	}

	boolean handled(String slotKey, Instant scheduledStart) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM slot_run WHERE slot_key = ? AND scheduled_start = ?",
				Integer.class, slotKey, Timestamp.from(scheduledStart));
		return n != null && n > 0;
	}

	List<Run> recent(int limit) {
		return jdbc.query("SELECT slot_key, scheduled_start, state, detail, at FROM slot_run ORDER BY scheduled_start DESC "
				+ "FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> new Run(rs.getString(1),
				rs.getTimestamp(2).toInstant(), State.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()));
	}

	Optional<Instant> lastAlive() {
		return jdbc.query("SELECT at FROM playout_marker WHERE name = ?", (rs, i) -> rs.getTimestamp(1).toInstant(), ALIVE)
			.stream().findFirst();
	}

	void alive(Instant now) {
		if (jdbc.update("UPDATE playout_marker SET at = ? WHERE name = ?", Timestamp.from(now), ALIVE) == 0) {
			jdbc.update("INSERT INTO playout_marker (name, at) VALUES (?, ?)", ALIVE, Timestamp.from(now));
		}
	}

	private static String cut(String text) {
		return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
	}
}
