package vn.loaxa.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Topic;

/**
 * The broadcast log: append-only, hash-chained evidence of what aired where. There is no update
 * and no delete here, by design; a correction is appended as a new record naming the old one.
 */
@Service
public class BroadcastLog {

	static final String SYSTEM = "he-thong";
	static final String COLUMNS = "id, zone_id, slot_name, clip_id, clip_sha256, clip_title, clip_kind, clip_topic, "
			+ "scheduled_start, actual_start, actual_end, played_ms, clip_duration_ms, outcome, reason, corrects_id, "
			+ "recorded_by, recorded_at, previous_hash, hash";

	private final JdbcTemplate jdbc;
	private final ClipLibrary clips;
	private final ApplicationEventPublisher events;
	private final LoaxaClock clock;

	BroadcastLog(JdbcTemplate jdbc, ClipLibrary clips, ApplicationEventPublisher events, LoaxaClock clock) {
		this.jdbc = jdbc;
		this.clips = clips;
		this.events = events;
		this.clock = clock;
	}

	/** Appends what playout reports. A PLAYED record also counts toward the clip's rotation. */
	@Transactional
	public BroadcastRecord append(Airing airing) {
		return write(airing, null, SYSTEM);
	}

	/**
	 * Appends a correction: a new record with the corrected facts that names the record it corrects
	 * and who made it. The old record stays as it was.
	 */
	@Transactional
	public BroadcastRecord correct(long recordId, Airing corrected, String by) {
		find(recordId).orElseThrow(() -> new RecordNotFound(recordId));
		return write(corrected, recordId, by);
	}

	/**
	 * Appends several airings in one transaction with one batched insert, chained in list order:
	 * the same records, hashes and events as calling {@link #append} for each, only faster.
	 */
	@Transactional
	public List<BroadcastRecord> appendAll(List<Airing> airings) {
		if (airings.isEmpty()) {
			return List.of();
		}
		Map<String, Object> head = jdbc.queryForMap(
				"SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1 FOR UPDATE");
		long id = ((Number) head.get("last_id")).longValue();
		String previous = (String) head.get("last_hash");
		Instant recordedAt = clock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
		List<BroadcastRecord> records = new ArrayList<>(airings.size());
		List<Object[]> rows = new ArrayList<>(airings.size());
		for (Airing airing : airings) {
			id++;
			String hash = RecordHash.of(id, airing, null, SYSTEM, recordedAt, previous);
			records.add(new BroadcastRecord(id, airing, null, SYSTEM, recordedAt, previous, hash));
			rows.add(row(id, airing, null, SYSTEM, recordedAt, previous, hash));
			previous = hash;
		}
		jdbc.batchUpdate(INSERT, rows);
		jdbc.update("UPDATE broadcast_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, previous);
		for (BroadcastRecord r : records) {
			Airing airing = r.airing();
			if (airing.outcome() == Outcome.PLAYED && airing.clipId() != null) {
				clips.countAiring(airing.clipId());
			}
			events.publishEvent(new AiringRecorded(r.id(), airing.zoneId(), airing.clipId(), airing.outcome()));
		}
		return records;
	}

	private static final String INSERT = "INSERT INTO broadcast_record (" + COLUMNS
			+ ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

	private static Object[] row(long id, Airing airing, Long correctsId, String by, Instant recordedAt, String previous,
			String hash) {
		return new Object[] { id, airing.zoneId(), airing.slotName(), airing.clipId(), airing.clipSha256(),
				airing.clipTitle(), name(airing.kind()), name(airing.topic()), ts(airing.scheduledStart()),
				ts(airing.actualStart()), ts(airing.actualEnd()), airing.playedMs(), airing.clipDurationMs(),
				airing.outcome().name(), airing.reason(), correctsId, by, ts(recordedAt), previous, hash };
	}

	private BroadcastRecord write(Airing airing, Long correctsId, String by) {
		Map<String, Object> head = jdbc.queryForMap(
				"SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1 FOR UPDATE");
		long id = ((Number) head.get("last_id")).longValue() + 1;
		String previous = (String) head.get("last_hash");
		Instant recordedAt = clock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
		String hash = RecordHash.of(id, airing, correctsId, by, recordedAt, previous);
		jdbc.update(INSERT, row(id, airing, correctsId, by, recordedAt, previous, hash));
		jdbc.update("UPDATE broadcast_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
		if (airing.outcome() == Outcome.PLAYED && airing.clipId() != null && correctsId == null) {
			clips.countAiring(airing.clipId());
		}
		events.publishEvent(new AiringRecorded(id, airing.zoneId(), airing.clipId(), airing.outcome()));
		return new BroadcastRecord(id, airing, correctsId, by, recordedAt, previous, hash);
	}

	public java.util.Optional<BroadcastRecord> find(long id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM broadcast_record WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	/** Records whose scheduled start lies in [from, to), optionally in one zone, oldest first. */
	public List<BroadcastRecord> between(Instant fromInclusive, Instant toExclusive, String zoneIdOrNull) {
		List<BroadcastRecord> records = new ArrayList<>();
		stream(fromInclusive, toExclusive, zoneIdOrNull, records::add);
		return records;
	}

	/** The same, streamed row by row for large exports: nothing is held in memory. */
	public void stream(Instant fromInclusive, Instant toExclusive, String zoneIdOrNull, Consumer<BroadcastRecord> each) {
		String sql = "SELECT " + COLUMNS + " FROM broadcast_record WHERE scheduled_start >= ? AND scheduled_start < ?"
				+ (zoneIdOrNull == null ? "" : " AND zone_id = ?") + " ORDER BY scheduled_start, id";
		Object[] args = zoneIdOrNull == null ? new Object[] { ts(fromInclusive), ts(toExclusive) }
				: new Object[] { ts(fromInclusive), ts(toExclusive), zoneIdOrNull };
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query(sql, rs -> {
			each.accept(MAPPER.mapRow(rs, 0));
		}, args);
	}

	/**
	 * Records that count in reports, scheduled in [from, to), oldest first, streamed: every record
	 * except those a later correction replaces (the correction is streamed instead).
	 */
	public void streamCounted(Instant fromInclusive, Instant toExclusive, Consumer<BroadcastRecord> each) {
		String sql = "SELECT " + COLUMNS + " FROM broadcast_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ?"
				+ " AND " + AiringCounts.NOT_CORRECTED + " ORDER BY r.scheduled_start, r.id";
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query(sql, rs -> {
			each.accept(MAPPER.mapRow(rs, 0));
		}, ts(fromInclusive), ts(toExclusive));
	}

	/** Checks every record's hash and link, oldest first, and names the first that does not hold. */
	public ChainVerification verify() {
		long started = System.nanoTime();
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(2000);
		ChainWalk walk = new ChainWalk();
		streaming.query("SELECT " + COLUMNS + " FROM broadcast_record ORDER BY id", rs -> {
			walk.check(MAPPER.mapRow(rs, 0));
		});
		Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1");
		walk.checkTail(((Number) head.get("last_id")).longValue(), (String) head.get("last_hash"));
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new ChainVerification(walk.brokenId == null, walk.checked, walk.brokenId, walk.problem, millis);
	}

	public long count() {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM broadcast_record", Long.class);
		return count == null ? 0 : count;
	}

	/** Walks the chain in id order, remembering the first break. */
	private static final class ChainWalk {

		long checked;
		long expectedId = 1;
		String previousHash = RecordHash.GENESIS;
		Long brokenId;
		String problem;

		void check(BroadcastRecord r) {
			checked++;
			if (brokenId != null) {
				return;
			}
			if (r.id() != expectedId) {
				fail(expectedId, "record_missing");
				return;
			}
			if (!r.previousHash().equals(previousHash)) {
				fail(r.id(), "link_broken");
				return;
			}
			String recomputed = RecordHash.of(r.id(), r.airing(), r.correctsId(), r.recordedBy(), r.recordedAt(),
					r.previousHash());
			if (!recomputed.equals(r.hash())) {
				fail(r.id(), "content_changed");
				return;
			}
			previousHash = r.hash();
			expectedId++;
		}

		void checkTail(long headId, String headHash) {
			if (brokenId == null && (headId != expectedId - 1 || !headHash.equals(previousHash))) {
				fail(expectedId, "tail_missing");
			}
		}

		private void fail(long id, String what) {
			brokenId = id;
			problem = what;
		}
	}

	static final RowMapper<BroadcastRecord> MAPPER = BroadcastLog::map;

	private static BroadcastRecord map(ResultSet rs, int row) throws SQLException {
		Airing airing = new Airing(rs.getString("zone_id"), rs.getString("slot_name"), nullableLong(rs, "clip_id"),
				rs.getString("clip_sha256"), rs.getString("clip_title"), enumOf(ClipKind.class, rs.getString("clip_kind")),
				enumOf(Topic.class, rs.getString("clip_topic")), instant(rs, "scheduled_start"),
				instant(rs, "actual_start"), instant(rs, "actual_end"), rs.getLong("played_ms"),
				rs.getLong("clip_duration_ms"), Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"));
		return new BroadcastRecord(rs.getLong("id"), airing, nullableLong(rs, "corrects_id"), rs.getString("recorded_by"),
				instant(rs, "recorded_at"), rs.getString("previous_hash"), rs.getString("hash"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static Object ts(Instant instant) {
		return instant == null ? null : java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
