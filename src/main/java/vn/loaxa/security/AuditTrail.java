package vn.loaxa.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.security.internal.AuditEntry;
import vn.loaxa.security.internal.AuditRepository;

/**
 * The audit trail: every change made through the UI or the API (recorded by
 * {@link RequestAuditFilter}), log-ins, and the before/after values modules report. Append-only.
 */
@Service
public class AuditTrail {

	public static final int MAX_TEXT = 4000;

	private final AuditRepository entries;
	private final JdbcTemplate jdbc;
	private final LoaxaClock clock;

	AuditTrail(AuditRepository entries, JdbcTemplate jdbc, LoaxaClock clock) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a change a module made, with the values before and after (null where not applicable). */
	public void record(String actor, String action, String subject, String before, String after) {
		write(actor, action, subject, before, after, "OK", null);
	}

	/** The same, by whoever is logged in on this thread (the system, for scheduled work). */
	public void change(String action, String subject, Object before, Object after) {
		org.springframework.security.core.Authentication user = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		record(user == null ? "he-thong" : user.getName(), action, subject, before == null ? null : before.toString(),
				after == null ? null : after.toString());
	}

	void write(String actor, String action, String subject, String before, String after, String outcome,
			String remote) {
		entries.save(new AuditEntry(null, clock.now().toInstant(), cut(actor, 64), cut(action, 100), cut(subject, 300),
				cut(before, MAX_TEXT), cut(after, MAX_TEXT), outcome, cut(remote, 64)));
	}

	/** Newest first, at most {@code limit}; any filter may be null. */
	public List<AuditEntry> search(String actor, String action, Instant from, Instant to, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1=1");
		List<Object> args = new ArrayList<>();
		if (actor != null && !actor.isBlank()) {
			sql.append(" AND actor = ?");
			args.add(actor.strip());
		}
		if (action != null && !action.isBlank()) {
			sql.append(" AND LOWER(action) LIKE ?");
			args.add("%" + action.strip().toLowerCase(java.util.Locale.ROOT) + "%");
		}
		if (from != null) {
			sql.append(" AND at >= ?");
			args.add(java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" AND at < ?");
			args.add(java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
		}
		sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 2000)));
		return jdbc.query(sql.toString(), (rs, row) -> new AuditEntry(rs.getLong("id"),
				rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("before_value"),
				rs.getString("after_value"), rs.getString("outcome"), rs.getString("remote")), args.toArray());
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}
}
