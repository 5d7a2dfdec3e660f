package vn.loaxa.broadcast;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what a fold sums ({@link LogDelta.Change}) into the month tables: the PLAYED totals, the
 * problem counts and the first and last ids. Each row is updated where it is, and made where it is
 * not yet; a month's key is its index, as {@link MonthTotals#monthIndex} gives it.
 */
final class MonthTotalsWriter {

	private static final String PLAYED_KEY = "month_index = ? AND zone_id = ? AND clip_key = ? AND clip_kind = ? "
			+ "AND clip_topic = ?";

	private final JdbcTemplate jdbc;

	MonthTotalsWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Empties every month table: the totals are summed anew from the first record. */
	void clear() {
		jdbc.update("DELETE FROM broadcast_month_total");
		jdbc.update("DELETE FROM broadcast_month_problem");
		jdbc.update("DELETE FROM broadcast_month_ids");
	}

	void apply(LogDelta.Change change) {
		played(change.played());
		problems(change.problems());
		ids(change.ids());
	}

	private void played(PlayedSums delta) {
		List<Object[]> updates = new ArrayList<>();
		List<PlayedSums.Key> keys = new ArrayList<>();
		delta.sums().forEach((k, s) -> {
			if (s[0] != 0 || s[1] != 0 || s[2] != 0) {
				keys.add(k);
				updates.add(new Object[] { s[0], s[1], s[2], k.bucket(), k.zoneId(), clipKey(k), blank(k.kind()),
						blank(k.topic()) });
			}
		});
		upsert("UPDATE broadcast_month_total SET airings = airings + ?, played_ms = played_ms + ?, "
				+ "on_time = on_time + ? WHERE " + PLAYED_KEY, updates,
				"INSERT INTO broadcast_month_total (month_index, zone_id, clip_key, clip_id, clip_sha256, clip_kind, "
						+ "clip_topic, airings, played_ms, on_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				i -> {
					PlayedSums.Key k = keys.get(i);
					Object[] u = updates.get(i);
					return new Object[] { k.bucket(), k.zoneId(), clipKey(k), k.clipId(), k.clipSha256(), blank(k.kind()),
							blank(k.topic()), u[0], u[1], u[2] };
				});
	}

	private void problems(ProblemSums delta) {
		List<Object[]> updates = new ArrayList<>();
		List<ProblemSums.Key> keys = new ArrayList<>();
		delta.counts().forEach((k, n) -> {
			if (n[0] != 0) {
				keys.add(k);
				updates.add(new Object[] { n[0], k.bucket(), k.outcome().name(), k.code() == null ? "" : k.code().code(),
						digest(k.reason()) });
			}
		});
		upsert("UPDATE broadcast_month_problem SET records = records + ? WHERE month_index = ? AND outcome = ? "
				+ "AND reason_code = ? AND reason_digest = ?", updates,
				"INSERT INTO broadcast_month_problem (records, month_index, outcome, reason_code, reason_digest, reason) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				i -> {
					Object[] u = updates.get(i);
					return new Object[] { u[0], u[1], u[2], u[3], u[4], keys.get(i).reason() };
				});
	}

	private void ids(RecordIds ids) {
		List<Object[]> updates = new ArrayList<>();
		ids.byBucket().forEach((month, range) -> updates.add(new Object[] { range[0], range[1], month }));
		upsert("UPDATE broadcast_month_ids SET first_id = LEAST(first_id, ?), last_id = GREATEST(last_id, ?) "
				+ "WHERE month_index = ?", updates,
				"INSERT INTO broadcast_month_ids (first_id, last_id, month_index) VALUES (?, ?, ?)", updates::get);
	}

	/** Runs each update; for each that found no row, the insert with {@code insertOf}'s arguments. */
	private void upsert(String update, List<Object[]> updates, String insert, IntFunction<Object[]> insertOf) {
		int[] updated = jdbc.batchUpdate(update, updates);
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				inserts.add(insertOf.apply(i));
			}
		}
		jdbc.batchUpdate(insert, inserts);
	}

	private static String clipKey(PlayedSums.Key k) {
		return blank(Aired.clipKey(k.clipId(), k.clipSha256()));
	}

	/** The SHA-256 of a reason kept as text (one without a code); '' for none. */
	static String digest(String reason) {
		if (reason == null) {
			return "";
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(reason.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}
}
