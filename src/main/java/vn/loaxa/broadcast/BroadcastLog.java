package vn.loaxa.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
			+ "recorded_by, recorded_at, previous_hash, hash, reason_code, relay_id, relay_url, "
			+ "aircheck_file, aircheck_sha256";

	private final JdbcTemplate jdbc;
	private final ClipLibrary clips;
	private final LoaxaClock clock;
	private final BroadcastMetrics metrics;

	BroadcastLog(JdbcTemplate jdbc, ClipLibrary clips, LoaxaClock clock, BroadcastMetrics metrics) {
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.clips = clips;
		this.clock = clock;
	}

	/** Appends what playout reports. A PLAYED record also counts toward the clip's rotation. */
	@Transactional
	public BroadcastRecord append(Airing airing) {
		return write(List.of(airing), null, SYSTEM).get(0);
	}

	/**
	 * Appends a correction: a new record with the corrected facts that names the record it corrects
	 * and who made it. The old record stays as it was.
	 */
	@Transactional
	public BroadcastRecord correct(long recordId, Airing corrected, String by) {
		find(recordId).orElseThrow(() -> new RecordNotFound(recordId));
		return write(List.of(corrected), recordId, by).get(0);
	}

	/**
	 * Appends several airings in one transaction with one batched insert, chained in list order:
	 * the same records and hashes as calling {@link #append} for each, only faster.
	 */
	@Transactional
	public List<BroadcastRecord> appendAll(List<Airing> airings) {
		return airings.isEmpty() ? List.of() : write(airings, null, SYSTEM);
	}

	/**
	 * Chains and inserts the airings after the head, each {@code correctsId} and {@code by}. A PLAYED
	 * airing that is no correction counts toward its clip's rotation by a direct call in this same
	 * transaction, not by an event handled later: the rotation count never disagrees with the log.
	 */
	private List<BroadcastRecord> write(List<Airing> airings, Long correctsId, String by) {
		Map<String, Object> head = jdbc.queryForMap(
				"SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1 FOR UPDATE");
		long id = ((Number) head.get("last_id")).longValue();
		String previous = (String) head.get("last_hash");
		Instant recordedAt = clock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
		List<BroadcastRecord> records = new ArrayList<>(airings.size());
		List<Object[]> rows = new ArrayList<>(airings.size());
		for (Airing airing : airings) {
			id++;
			String hash = RecordHash.of(id, airing, correctsId, by, recordedAt, previous);
			records.add(new BroadcastRecord(id, airing, correctsId, by, recordedAt, previous, hash));
			rows.add(row(id, airing, correctsId, by, recordedAt, previous, hash));
			previous = hash;
		}
		jdbc.batchUpdate(INSERT, rows);
		jdbc.update("UPDATE broadcast_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, previous);
		for (BroadcastRecord r : records) {
			Airing airing = r.airing();
			if (airing.outcome() == Outcome.PLAYED && airing.clipId() != null && correctsId == null) {
				clips.countAiring(airing.clipId());
			}
			metrics.recorded(airing);
		}
		return records;
	}

	private static final String INSERT = "INSERT INTO broadcast_record (" + COLUMNS
			+ ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

	private static Object[] row(long id, Airing airing, Long correctsId, String by, Instant recordedAt, String previous,
			String hash) {
		return new Object[] { id, airing.zoneId(), airing.slotName(), airing.clipId(), airing.clipSha256(),
				airing.clipTitle(), name(airing.kind()), name(airing.topic()), ts(airing.scheduledStart()),
				ts(airing.actualStart()), ts(airing.actualEnd()), airing.playedMs(), airing.clipDurationMs(),
				airing.outcome().name(), airing.reason(), correctsId, by, ts(recordedAt), previous, hash,
				airing.reasonCode() == null ? null : airing.reasonCode().code(), airing.relay(), airing.relayUrl(),
				airing.airCheck() == null ? null : airing.airCheck().file(),
				airing.airCheck() == null ? null : airing.airCheck().sha256() };
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

	/**
	 * The same, streamed for large exports: read in chunks of {@value #CHUNK} records by keyset
	 * (scheduled start, id), the next chunk fetched while the caller handles this one, so memory
	 * holds two chunks at most and the database never builds a temporary result of the whole range.
	 */
	public void stream(Instant fromInclusive, Instant toExclusive, String zoneIdOrNull, Consumer<BroadcastRecord> each) {
		streamByTime(fromInclusive, toExclusive, zoneIdOrNull == null ? "" : " AND r.zone_id = ?",
				zoneIdOrNull == null ? List.of() : List.of(zoneIdOrNull), each);
	}

	/**
	 * Records that count in reports, scheduled in [from, to), oldest first, streamed: every record
	 * except those a later correction replaces (the correction is streamed instead).
	 */
	public void streamCounted(Instant fromInclusive, Instant toExclusive, Consumer<BroadcastRecord> each) {
		streamByTime(fromInclusive, toExclusive, " AND " + AiringCounts.NOT_CORRECTED, List.of(), each);
	}

	private void streamByTime(Instant from, Instant to, String condition, List<Object> conditionArgs,
			Consumer<BroadcastRecord> each) {
		String first = "SELECT " + COLUMNS + " FROM broadcast_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ?"
				+ condition;
		String order = " ORDER BY r.scheduled_start, r.id LIMIT " + CHUNK;
		String next = first + " AND r.scheduled_start >= ? AND (r.scheduled_start > ? OR r.id > ?)" + order;
		chunked(last -> {
			List<Object> args = new ArrayList<>(List.of(ts(from), ts(to)));
			args.addAll(conditionArgs);
			if (last == null) {
				return jdbc.query(first + order, MAPPER, args.toArray());
			}
			Object start = ts(last.airing().scheduledStart());
			args.addAll(List.of(start, start, last.id()));
			return jdbc.query(next, MAPPER, args.toArray());
		}, each);
	}

	/** Checks every record's hash and link, oldest first, and names the first that does not hold. */
	public ChainVerification verify() {
		long started = System.nanoTime();
		ChainWalk walk = new ChainWalk();
		String sql = "SELECT " + COLUMNS + " FROM broadcast_record WHERE id > ? ORDER BY id LIMIT " + CHUNK;
		chunked(last -> jdbc.query(sql, MAPPER, last == null ? Long.MIN_VALUE : last.id()), walk::check);
		Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1");
		walk.checkTail(((Number) head.get("last_id")).longValue(), (String) head.get("last_hash"));
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new ChainVerification(walk.brokenId == null, walk.checked, walk.brokenId, walk.problem, millis);
	}

	/** Records per chunk of a streamed read. */
	static final int CHUNK = 5_000;

	private static final java.util.concurrent.ExecutorService PREFETCH = java.util.concurrent.Executors
		.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "broadcast-log-prefetch");
			thread.setDaemon(true);
			return thread;
		});

	/**
	 * Hands every record of consecutive chunks to {@code each}; {@code fetch} reads the chunk after a
	 * record (null: the first chunk). The next chunk is read on another thread meanwhile.
	 */
	private static void chunked(java.util.function.Function<BroadcastRecord, List<BroadcastRecord>> fetch,
			Consumer<BroadcastRecord> each) {
		List<BroadcastRecord> chunk = fetch.apply(null);
		while (true) {
			java.util.concurrent.Future<List<BroadcastRecord>> next = null;
			if (chunk.size() == CHUNK) {
				BroadcastRecord last = chunk.get(chunk.size() - 1);
				next = PREFETCH.submit(() -> fetch.apply(last));
			}
			try {
				chunk.forEach(each);
			}
			catch (RuntimeException e) {
				if (next != null) {
					next.cancel(true);
				}
				throw e;
			}
			if (next == null) {
				return;
			}
			try {
				chunk = next.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reading the broadcast log", e);
			}
			catch (java.util.concurrent.ExecutionException e) {
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(e.getCause());
			}
		}
	}

	/** The log's head: the last record's id and hash (0 and the genesis hash for an empty log). */
	public record ChainHead(long lastId, String lastHash) {
	}

	/** A contiguous stretch of the log, both ends included. */
	public record IdRange(long firstId, long lastId) {
	}

	public ChainHead head() {
		Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM broadcast_chain_head WHERE id = 1");
		return new ChainHead(((Number) head.get("last_id")).longValue(), (String) head.get("last_hash"));
	}

	/** The smallest stretch of the log that holds every record scheduled in [from, to); empty when none is. */
	public java.util.Optional<IdRange> rangeScheduledIn(Instant fromInclusive, Instant toExclusive) {
		return rangeScheduledIn(fromInclusive, toExclusive, Long.MAX_VALUE);
	}

	/** The same among the records up to id {@code upTo}: the range as it was when that record was the last. */
	public java.util.Optional<IdRange> rangeScheduledIn(Instant fromInclusive, Instant toExclusive, long upTo) {
		Map<String, Object> ids = jdbc.queryForMap("SELECT MIN(id) AS lo, MAX(id) AS hi FROM broadcast_record "
				+ "WHERE scheduled_start >= ? AND scheduled_start < ? AND id <= ?", ts(fromInclusive), ts(toExclusive),
				upTo);
		if (ids.get("lo") == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new IdRange(((Number) ids.get("lo")).longValue(), ((Number) ids.get("hi")).longValue()));
	}

	/** Every record with an id in the range, in log order, streamed in chunks. */
	public void streamRange(IdRange range, Consumer<BroadcastRecord> each) {
		String sql = "SELECT " + COLUMNS + " FROM broadcast_record WHERE id > ? AND id <= ? ORDER BY id LIMIT " + CHUNK;
		chunked(last -> jdbc.query(sql, MAPPER, last == null ? range.firstId() - 1 : last.id(), range.lastId()), each);
	}

	/** How many records of each outcome were scheduled in [from, to). */
	public java.util.Map<Outcome, Long> countByOutcome(Instant fromInclusive, Instant toExclusive) {
		java.util.Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
		jdbc.query("SELECT outcome, COUNT(*) AS n FROM broadcast_record WHERE scheduled_start >= ? AND scheduled_start < ?"
				+ " GROUP BY outcome", rs -> {
					counts.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n"));
				}, ts(fromInclusive), ts(toExclusive));
		return counts;
	}

	/** The zones that have a record of this slot scheduled in [from, to): the rest of its zones have none. */
	public java.util.Set<String> zonesRecorded(String slotName, Instant fromInclusive, Instant toExclusive) {
		return new java.util.HashSet<>(jdbc.queryForList("SELECT DISTINCT zone_id FROM broadcast_record "
				+ "WHERE slot_name = ? AND scheduled_start >= ? AND scheduled_start < ?", String.class, slotName,
				ts(fromInclusive), ts(toExclusive)));
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

	/** Reads the columns by their position in {@link #COLUMNS}: a label is looked up (upper-cased) at every read. */
	private static BroadcastRecord map(ResultSet rs, int row) throws SQLException {
		// the canonical constructor, not the builder: a record is read back as it was stored, unchecked
		Airing airing = new Airing(rs.getString(2), rs.getString(3), nullableLong(rs, 4), rs.getString(5),
				rs.getString(6), enumOf(ClipKind.class, rs.getString(7)), enumOf(Topic.class, rs.getString(8)),
				instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getLong(12), rs.getLong(13),
				Outcome.valueOf(rs.getString(14)), rs.getString(15), Reason.ofCode(rs.getString(21)),
				rs.getString(22), rs.getString(23), AirCheckRef.of(rs.getString(24), rs.getString(25)));
		return new BroadcastRecord(rs.getLong(1), airing, nullableLong(rs, 16), rs.getString(17), instant(rs, 18),
				rs.getString(19), rs.getString(20));
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
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
