package vn.loaxa.programme;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Clips pinned into, or dropped from, one slot on one date. */
@Repository
class PinStore {

	enum Action {
		PIN, DROP
	}

	record Pin(String slotKey, LocalDate date, long clipId, Action action, String by) {
	}

	private final JdbcTemplate jdbc;

	PinStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	void set(String slotKey, LocalDate date, long clipId, Action action, String by, Instant at) {
		clear(slotKey, date, clipId);
		jdbc.update("INSERT INTO programme_pin (slot_key, on_date, clip_id, action, by_user, at) VALUES (?, ?, ?, ?, ?, ?)",
				slotKey, Date.valueOf(date), clipId, action.name(), by, Timestamp.from(at));
	}

	void clear(String slotKey, LocalDate date, long clipId) {
		jdbc.update("DELETE FROM programme_pin WHERE slot_key = ? AND on_date = ? AND clip_id = ?", slotKey,
				Date.valueOf(date), clipId);
	}

	List<Pin> on(LocalDate date) {
		return jdbc.query("SELECT slot_key, on_date, clip_id, action, by_user FROM programme_pin WHERE on_date = ?",
				(rs, i) -> new Pin(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3),
						Action.valueOf(rs.getString(4)), rs.getString(5)),
				Date.valueOf(date));
	}

	Set<Long> clips(List<Pin> pins, String slotKey, Action action) {
		Set<Long> ids = new HashSet<>();
		pins.stream().filter(p -> p.slotKey().equals(slotKey) && p.action() == action).forEach(p -> ids.add(p.clipId()));
		return ids;
	}
}
