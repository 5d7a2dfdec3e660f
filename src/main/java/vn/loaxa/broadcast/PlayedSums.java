package vn.loaxa.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.loaxa.broadcast.AiringCounts.PlayedGroup;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * PLAYED airings summed in Java by bucket, clip, zone, kind and topic, as {@link AiringCounts}'
 * GROUP BY sums them: what the H2 count ({@link PlayedInJava}), the month totals and the records
 * after the totals' mark ({@link LogDelta}) add up. A record can also be taken away (a record
 * counted in the month totals, corrected since); a group whose airings come to zero is no group.
 */
final class PlayedSums {

	private static final Duration ON_TIME = Duration.ofMinutes(1);

	/** The columns {@link #add(ResultSet, Instant, int, int)} reads, from 1 on, in this order. */
	static final String COLUMNS = "r.scheduled_start, r.clip_id, CASE WHEN r.clip_id IS NULL THEN r.clip_sha256 END, "
			+ "r.zone_id, r.clip_kind, r.clip_topic, r.played_ms, r.actual_start";

	record Key(int bucket, Long clipId, String clipSha256, String zoneId, String kind, String topic) {
	}

	private final Map<Key, long[]> sums = new HashMap<>();

	/** The scheduled start of the record at the result set's row ({@link #COLUMNS}' first). */
	static Instant scheduled(ResultSet rs) throws SQLException {
		return rs.getObject(1, OffsetDateTime.class).toInstant();
	}

	/**
	 * Adds ({@code sign} 1) or takes away (-1) the PLAYED record at the result set's row, read as
	 * {@link #COLUMNS}; {@code scheduled} is its first column, as the caller read it for the bucket.
	 */
	void add(ResultSet rs, Instant scheduled, int bucket, int sign) throws SQLException {
		long clipId = rs.getLong(2);
		Long id = rs.wasNull() ? null : clipId;
		Key key = new Key(bucket, id, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
		OffsetDateTime actual = rs.getObject(8, OffsetDateTime.class);
		boolean onTime = actual != null && onTime(scheduled, actual.toInstant());
		add(key, sign, sign * rs.getLong(7), onTime ? sign : 0);
	}

	void add(Key key, long airings, long playedMs, long onTime) {
		long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
		sum[0] += airings;
		sum[1] += playedMs;
		sum[2] += onTime;
	}

	/** Adds a group counted elsewhere (in SQL), its bucket moved by {@code bucketOffset}. */
	void add(PlayedGroup g, int bucketOffset) {
		Key key = new Key(g.bucket() + bucketOffset, g.clipId(), g.clipSha256(), g.zoneId(),
				g.kind() == null ? null : g.kind().name(), g.topic() == null ? null : g.topic().name());
		add(key, g.airings(), g.playedMs(), g.onTime());
	}

	Map<Key, long[]> sums() {
		return sums;
	}

	static boolean onTime(Instant scheduled, Instant actual) {
		return !actual.isBefore(scheduled.minus(ON_TIME)) && !actual.isAfter(scheduled.plus(ON_TIME));
	}

	/** The groups with airings; a group taken away to nothing is left out (it would count as a clip aired). */
	List<PlayedGroup> groups() {
		List<PlayedGroup> groups = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> {
			if (s[0] > 0) {
				groups.add(new PlayedGroup(k.clipId(), k.clipSha256(),
						k.kind() == null ? null : ClipKind.valueOf(k.kind()),
						k.topic() == null ? null : Topic.valueOf(k.topic()), k.zoneId(), k.bucket(), s[0], s[1], s[2]));
			}
		});
		return groups;
	}
}
