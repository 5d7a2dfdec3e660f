package vn.loaxa.broadcast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Pages through the log by keyset (scheduled start, id), never by OFFSET, so the thousandth page
 * of a million records costs what the first does.
 */
@Service
public class LogSearch {

	public static final int MAX_PAGE = 500;

	private final JdbcTemplate jdbc;

	LogSearch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The page after {@code after} (or the first page when both cursors are null), or the page before
	 * {@code before}.
	 */
	public LogPage page(LogFilter filter, LogPage.Cursor after, LogPage.Cursor before, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		boolean backwards = before != null && after == null;
		StringBuilder sql = new StringBuilder("SELECT " + BroadcastLog.COLUMNS
				+ ", (SELECT MIN(c.id) FROM broadcast_record c WHERE c.corrects_id = r.id) AS corrected_by"
				+ " FROM broadcast_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ?");
		List<Object> args = new ArrayList<>(List.of(AiringCounts.ts(filter.from()), AiringCounts.ts(filter.to())));
		if (filter.zoneId() != null) {
			sql.append(" AND r.zone_id = ?");
			args.add(filter.zoneId());
		}
		if (filter.topic() != null) {
			sql.append(" AND r.clip_topic = ?");
			args.add(filter.topic().name());
		}
		if (filter.kind() != null) {
			sql.append(" AND r.clip_kind = ?");
			args.add(filter.kind().name());
		}
		if (filter.outcome() != null) {
			sql.append(" AND r.outcome = ?");
			args.add(filter.outcome().name());
		}
		if (after != null) {
			sql.append(" AND r.scheduled_start >= ? AND (r.scheduled_start > ? OR r.id > ?)");
			args.addAll(List.of(AiringCounts.ts(after.scheduledStart()), AiringCounts.ts(after.scheduledStart()),
					after.id()));
		}
		else if (before != null) {
			sql.append(" AND r.scheduled_start <= ? AND (r.scheduled_start < ? OR r.id < ?)");
			args.addAll(List.of(AiringCounts.ts(before.scheduledStart()), AiringCounts.ts(before.scheduledStart()),
					before.id()));
		}
		sql.append(backwards ? " ORDER BY r.scheduled_start DESC, r.id DESC" : " ORDER BY r.scheduled_start, r.id");
		sql.append(" LIMIT ").append(limit + 1);
		List<LogPage.Entry> rows = new ArrayList<>(jdbc.query(sql.toString(), (rs, n) -> {
			long correctedBy = rs.getLong("corrected_by");
			Long corrected = rs.wasNull() ? null : correctedBy; // read before the mapper reads other columns
			return new LogPage.Entry(BroadcastLog.MAPPER.mapRow(rs, n), corrected);
		}, args.toArray()));
		boolean more = rows.size() > limit;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		if (rows.isEmpty()) {
			return new LogPage(rows, null, backwards ? null : before);
		}
		LogPage.Cursor first = cursor(rows.get(0));
		LogPage.Cursor last = cursor(rows.get(rows.size() - 1));
		LogPage.Cursor next = backwards || more ? last : null;
		LogPage.Cursor previous = backwards ? (more ? first : null) : (after != null ? first : null);
		return new LogPage(rows, next, previous);
	}

	/** Every record the filter selects, oldest first, read a page at a time (an export of a year stays small in memory). */
	public void each(LogFilter filter, java.util.function.Consumer<BroadcastRecord> each) {
		LogPage.Cursor after = null;
		do {
			LogPage page = page(filter, after, null, MAX_PAGE);
			page.entries().forEach(e -> each.accept(e.record()));
			after = page.next();
		}
		while (after != null);
	}

	private static LogPage.Cursor cursor(LogPage.Entry entry) {
		return new LogPage.Cursor(entry.record().airing().scheduledStart(), entry.record().id());
	}
}
