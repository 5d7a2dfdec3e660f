package vn.loaxa.province.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.report.Plan;

/** The hub's tables: enrolled communes, the records their bundles brought, and the bundles themselves. */
@Repository
public class HubStore {

	public record Commune(String id, String name, String publicKeyPem, String fingerprint, Instant enrolledAt) {
	}

	/** What the hub holds of one record: enough to tell a rewritten past. */
	public record Held(long recordId, String hash, String previousHash) {
	}

	public record BundleRow(long id, String communeId, Instant receivedAt, String source, String outcome, String error,
			Long recordId, Long firstId, Long lastId, int records, int newRecords, String periodCode, String claimedId) {
	}

	private final JdbcTemplate jdbc;
	private final ObjectMapper json;

	HubStore(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void enrol(Commune c, String tokenSha256, String by) {
		jdbc.update("INSERT INTO province_commune (id, name, public_key, fingerprint, token_sha256, enrolled_at, "
				+ "enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?)", c.id(), c.name(), c.publicKeyPem(), c.fingerprint(),
				tokenSha256, ts(c.enrolledAt()), by);
	}

	public Optional<Commune> commune(String id) {
		return jdbc.query(SELECT_COMMUNE + " WHERE id = ?", COMMUNE, id).stream().findFirst();
	}

	public Optional<Commune> communeByFingerprint(String fingerprint) {
		return jdbc.query(SELECT_COMMUNE + " WHERE fingerprint = ?", COMMUNE, fingerprint).stream().findFirst();
	}

	public Optional<Commune> communeByToken(String tokenSha256) {
		return jdbc.query(SELECT_COMMUNE + " WHERE token_sha256 = ?", COMMUNE, tokenSha256).stream().findFirst();
	}

	public List<Commune> communes() {
		return jdbc.query(SELECT_COMMUNE + " ORDER BY name, id", COMMUNE);
	}

	/** The records held with ids in [from, to]. */
	public Map<Long, Held> held(String communeId, long from, long to) {
		Map<Long, Held> held = new HashMap<>();
		jdbc.query("SELECT record_id, hash, previous_hash FROM province_record WHERE commune_id = ? AND record_id "
				+ "BETWEEN ? AND ?", rs -> {
					held.put(rs.getLong(1), new Held(rs.getLong(1), rs.getString(2), rs.getString(3)));
				}, communeId, from, to);
		return held;
	}

	public void insert(String communeId, List<BroadcastRecord> records, Instant now) {
		List<Object[]> rows = new ArrayList<>(records.size());
		for (BroadcastRecord r : records) {
			Airing a = r.airing();
			rows.add(new Object[] { communeId, r.id(), a.zoneId(), a.slotName(), a.clipId(), a.clipSha256(),
					a.clipTitle(), name(a.kind()), name(a.topic()), odt(a.scheduledStart()), odt(a.actualStart()),
					a.playedMs(), a.outcome().name(), a.reasonCode() == null ? null : a.reasonCode().code(),
					r.correctsId(), r.previousHash(), r.hash(), odt(now) });
		}
		jdbc.batchUpdate("INSERT INTO province_record (commune_id, record_id, zone_id, slot_name, clip_id, clip_sha256, "
				+ "clip_title, clip_kind, clip_topic, scheduled_start, actual_start, played_ms, outcome, reason_code, "
				+ "corrects_id, previous_hash, hash, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
	}

	/**
	 * The commune's plans as a bundle exported at {@code exportedAt} carries them; an older bundle
	 * than the one the plans came from changes nothing (a plan removed at the commune goes too).
	 */
	public void replacePlans(String communeId, List<Plan> plans, Instant exportedAt) {
		Timestamp newest = jdbc.queryForObject("SELECT MAX(exported_at) FROM province_plan WHERE commune_id = ?",
				Timestamp.class, communeId);
		if (newest != null && newest.toInstant().isAfter(exportedAt)) {
			return;
		}
		jdbc.update("DELETE FROM province_plan WHERE commune_id = ?", communeId);
		for (Plan plan : plans) {
			jdbc.update("INSERT INTO province_plan (commune_id, plan_year, plan_json, exported_at) VALUES (?, ?, ?, ?)",
					communeId, plan.year(), write(plan), odt(exportedAt));
		}
	}

	/** Each commune's plan for the year (commune id → plan), for those that sent one. */
	public Map<String, Plan> plans(int year) {
		Map<String, Plan> plans = new HashMap<>();
		jdbc.query("SELECT commune_id, plan_json FROM province_plan WHERE plan_year = ?", rs -> {
			plans.put(rs.getString(1), read(rs.getString(2)));
		}, year);
		return plans;
	}

	private String write(Plan plan) {
		try {
			return json.writeValueAsString(plan);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private Plan read(String text) {
		try {
			return json.readValue(text, Plan.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("a stored plan that is not JSON", e);
		}
	}

	public void bundle(BundleRow b) {
		jdbc.update("INSERT INTO province_bundle (commune_id, received_at, source, outcome, error, record_id, first_id, "
				+ "last_id, records, new_records, period_code, claimed_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
				b.communeId(), ts(b.receivedAt()), b.source(), b.outcome(), b.error(), b.recordId(), b.firstId(),
				b.lastId(), b.records(), b.newRecords(), b.periodCode(), b.claimedId());
	}

	public List<BundleRow> recentBundles(int limit) {
		return jdbc.query("SELECT id, commune_id, received_at, source, outcome, error, record_id, first_id, last_id, "
				+ "records, new_records, period_code, claimed_id FROM province_bundle ORDER BY id DESC FETCH FIRST " + limit
				+ " ROWS ONLY", (rs, i) -> new BundleRow(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
						(Long) rs.getObject(8, Long.class), (Long) rs.getObject(9, Long.class), rs.getInt(10),
						rs.getInt(11), rs.getString(12), rs.getString(13)));
	}

	/** The newest bundle the hub took from each commune. */
	Map<String, Instant> lastAccepted() {
		Map<String, Instant> last = new HashMap<>();
		jdbc.query("SELECT commune_id, MAX(received_at) FROM province_bundle WHERE outcome = 'ACCEPTED' "
				+ "GROUP BY commune_id", rs -> {
					last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				});
		return last;
	}

	private static final String SELECT_COMMUNE = "SELECT id, name, public_key, fingerprint, enrolled_at FROM province_commune";

	private static final org.springframework.jdbc.core.RowMapper<Commune> COMMUNE = (rs, i) -> new Commune(
			rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant());

	static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	public static OffsetDateTime odt(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}
}
