package vn.loaxa.playout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** The clip in flight per channel and how much of it has played, kept so a crash cannot lose it. */
@Repository
class OnAirStore {

	record InFlight(String channelId, String slotName, List<String> zones, long clipId, String sha256, String title,
			ClipKind kind, Topic topic, Instant scheduledStart, Instant actualStart, long durationMs, long playedMs) {
	}

	private final JdbcTemplate jdbc;
	private final String node;

	OnAirStore(JdbcTemplate jdbc, @org.springframework.beans.factory.annotation.Value("${loaxa.cluster.node:}") String node) {
		this.jdbc = jdbc;
		this.node = node == null || node.isBlank() ? hostName() : node.strip();
	}

	/** This PC's name in {@code on_air.node}: {@code loaxa.cluster.node}, else the host name. */
	String node() {
		return node;
	}

	private static String hostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			String env = System.getenv("COMPUTERNAME") != null ? System.getenv("COMPUTERNAME") : System.getenv("HOSTNAME");
			return env == null ? "radio-pc" : env;
		}
	}

	void start(InFlight f, Instant now) {
		jdbc.update("""
				INSERT INTO on_air (channel_id, node, slot_name, zones, clip_id, clip_sha256, clip_title, kind, topic,
				    scheduled_start, actual_start, clip_duration_ms, played_ms, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", f.channelId(), node, f.slotName(), String.join(",", f.zones()),
				f.clipId(), f.sha256(), f.title(), f.kind().name(), f.topic().name(), ts(f.scheduledStart()),
				ts(f.actualStart()), f.durationMs(), f.playedMs(), ts(now));
	}

	void progress(String channelId, Instant actualStart, long playedMs, Instant now) {
		jdbc.update("UPDATE on_air SET played_ms = ?, updated_at = ? WHERE channel_id = ? AND actual_start = ?", playedMs,
				ts(now), channelId, ts(actualStart));
	}

	/**
	 * Takes this in-flight row away for recovery; false when it is gone already (another PC of a
	 * cluster recovered it, or its player finished it), so it is recorded once.
	 */
	boolean take(InFlight f) {
		return jdbc.update("DELETE FROM on_air WHERE channel_id = ? AND clip_id = ? AND actual_start = ?", f.channelId(),
				f.clipId(), ts(f.actualStart())) > 0;
	}

	/** Only in the transaction that commits this clip's record. */
	void clear(String channelId, Instant actualStart) {
		jdbc.update("DELETE FROM on_air WHERE channel_id = ? AND actual_start = ?", channelId, ts(actualStart));
	}

	List<InFlight> all() {
		return jdbc.query(SELECT, MAPPER);
	}

	/** This PC's own in-flight rows: after its restart, all were cut by its crash or power cut. */
	List<InFlight> mine() {
		return jdbc.query(SELECT + " WHERE node = ?", MAPPER, node);
	}

	/**
	 * Another PC's in-flight rows that nobody has updated since {@code before}: that PC crashed or
	 * lost power (the one playing writes its progress twice a second).
	 */
	List<InFlight> othersNotUpdatedSince(Instant before) {
		return jdbc.query(SELECT + " WHERE (node IS NULL OR node <> ?) AND updated_at < ?", MAPPER, node, ts(before));
	}

	private static final String SELECT = """
			SELECT channel_id, slot_name, zones, clip_id, clip_sha256, clip_title, kind, topic, scheduled_start,
			       actual_start, clip_duration_ms, played_ms FROM on_air""";

	private static final org.springframework.jdbc.core.RowMapper<InFlight> MAPPER =
				(rs, i) -> new InFlight(rs.getString(1), rs.getString(2), Arrays.asList(rs.getString(3).split(",")),
						rs.getLong(4), rs.getString(5), rs.getString(6), ClipKind.valueOf(rs.getString(7)),
						Topic.valueOf(rs.getString(8)), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
						rs.getLong(11), rs.getLong(12));

	/** To the millisecond, as the broadcast log keeps times: a row is found again by its clip's start. */
	private static Timestamp ts(Instant at) {
		return Timestamp.from(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
	}
}
