package vn.loaxa.province.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.loaxa.media.Priority;

/** The hub's bulletin tables: each bulletin as signed, and each target commune's state of it. */
@Repository
public class BulletinStore {

	/** A bulletin as the hub keeps it. */
	public record Row(long id, String title, Priority level, String sha256, long durationMs, Instant validFrom,
			Instant validUntil, Instant createdAt, String createdBy, Instant cancelledAt, long clipId,
			SignedBulletin signed, SignedBulletin cancel) {
	}

	/** What one commune said of one bulletin. */
	public record Target(long bulletinId, String communeId, String state, Instant changedAt, Instant receivedAt, Integer zones,
			String reason) {
	}

	/** A commune's PLAYED airings of a bulletin's audio, from its signed records. */
	public record Aired(Instant first, int zones) {
	}

	private final JdbcTemplate jdbc;

	BulletinStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the bulletin with its manifest still to sign; returns its id. */
	public long insert(String title, Priority level, long clipId, BulletinManifest.Audio audio,
			BulletinManifest.Validity validity, Instant at, String by) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.update(c -> {
			var s = c.prepareStatement("INSERT INTO province_bulletin (title, level, clip_id, sha256, duration_ms, "
					+ "valid_from, valid_until, manifest, signature, created_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)", new String[] { "id" });
			s.setString(1, title);
			s.setString(2, level.name());
			s.setLong(3, clipId);
			s.setString(4, audio.sha256());
			s.setLong(5, audio.durationMs());
			s.setTimestamp(6, HubStore.ts(validity.from()));
			s.setTimestamp(7, HubStore.ts(validity.until()));
			s.setTimestamp(8, HubStore.ts(at));
			s.setString(9, by);
			return s;
		}, key);
		return key.getKey().longValue();
	}

	public void sign(long id, SignedBulletin signed) {
		jdbc.update("UPDATE province_bulletin SET manifest = ?, signature = ? WHERE id = ?", signed.manifest(),
				signed.signature(), id);
	}

	public void target(long id, List<String> communes) {
		jdbc.batchUpdate("INSERT INTO province_bulletin_target (bulletin_id, commune_id, state) VALUES (?, ?, 'SENT')",
				communes.stream().map(c -> new Object[] { id, c }).toList());
	}

	public void cancel(long id, SignedBulletin cancel, Instant at) {
		jdbc.update("UPDATE province_bulletin SET cancelled_at = ?, cancel_manifest = ?, cancel_signature = ? "
				+ "WHERE id = ?", HubStore.ts(at), cancel.manifest(), cancel.signature(), id);
		// a commune that has not fetched it yet never will: withdrawn before it arrived
		jdbc.update("UPDATE province_bulletin_target SET state = 'CANCELLED', changed_at = ? WHERE bulletin_id = ? "
				+ "AND state = 'SENT'", HubStore.ts(at), id);
	}

	public void capKey(long id, String key) {
		jdbc.update("UPDATE province_bulletin SET cap_key = ? WHERE id = ?", key, id);
	}

	public Optional<Long> byCapKey(String key) {
		return jdbc.queryForList("SELECT id FROM province_bulletin WHERE cap_key = ? ORDER BY id DESC", Long.class, key)
			.stream().findFirst();
	}

	public Optional<Row> find(long id) {
		return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
	}

	public List<Row> recent(int limit) {
		return jdbc.query(SELECT + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", ROW);
	}

	public List<Target> targets(long id) {
		return jdbc.query("SELECT bulletin_id, commune_id, state, changed_at, received_at, zones, reason "
				+ "FROM province_bulletin_target WHERE bulletin_id = ? ORDER BY commune_id", TARGET, id);
	}

	/** What a commune has still to fetch: bulletins not yet taken, and withdrawals of those it took. */
	public List<SignedBulletin> pending(String communeId) {
		return jdbc.query("SELECT b.manifest, b.signature, b.cancel_manifest, b.cancel_signature, t.state "
				+ "FROM province_bulletin b JOIN province_bulletin_target t ON t.bulletin_id = b.id "
				+ "WHERE t.commune_id = ? AND (t.state = 'SENT' OR (b.cancelled_at IS NOT NULL "
				+ "AND t.cancel_seen = FALSE AND t.state <> 'CANCELLED')) ORDER BY b.id", (rs, i) -> {
					boolean withdrawn = rs.getString(3) != null && !"SENT".equals(rs.getString(5));
					return withdrawn ? new SignedBulletin(rs.getString(3), rs.getString(4))
							: new SignedBulletin(rs.getString(1), rs.getString(2));
				}, communeId);
	}

	/** Records what the commune said; false when it is not a target of that bulletin. */
	public boolean report(long id, String communeId, String state, Instant at, Integer zones, String reason) {
		int changed = jdbc.update("UPDATE province_bulletin_target SET state = ?, changed_at = ?, reason = ? "
				+ "WHERE bulletin_id = ? AND commune_id = ?", state, HubStore.ts(at), reason, id, communeId);
		if (changed > 0 && ("RECEIVED".equals(state) || "EXPIRED".equals(state))) {
			jdbc.update("UPDATE province_bulletin_target SET received_at = ? WHERE bulletin_id = ? AND commune_id = ? "
					+ "AND received_at IS NULL", HubStore.ts(at), id, communeId);
		}
		if (changed > 0 && zones != null) {
			jdbc.update("UPDATE province_bulletin_target SET zones = ? WHERE bulletin_id = ? AND commune_id = ?", zones,
					id, communeId);
		}
		return changed > 0;
	}

	public void cancelSeen(long id, String communeId) {
		jdbc.update("UPDATE province_bulletin_target SET cancel_seen = TRUE WHERE bulletin_id = ? AND commune_id = ?",
				id, communeId);
	}

	public void contact(String communeId, Instant at) {
		jdbc.update("UPDATE province_commune SET last_contact_at = ? WHERE id = ?", HubStore.ts(at), communeId);
	}

	public Map<String, Instant> lastContacts() {
		Map<String, Instant> last = new HashMap<>();
		jdbc.query("SELECT id, last_contact_at FROM province_commune WHERE last_contact_at IS NOT NULL",
				rs -> {
					last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				});
		return last;
	}

	/** Each commune's PLAYED airings of this audio, from the records its signed bundles brought. */
	public Map<String, Aired> aired(String sha256, Instant since) {
		Map<String, Aired> aired = new HashMap<>();
		jdbc.query("SELECT commune_id, MIN(COALESCE(actual_start, scheduled_start)), COUNT(DISTINCT zone_id) "
				+ "FROM province_record WHERE clip_sha256 = ? AND outcome = 'PLAYED' AND scheduled_start >= ? "
				+ "GROUP BY commune_id", rs -> {
					aired.put(rs.getString(1), new Aired(rs.getTimestamp(2).toInstant(), rs.getInt(3)));
				}, sha256, HubStore.odt(since.minusSeconds(86_400)));
		return aired;
	}

	private static final String SELECT = "SELECT id, title, level, sha256, duration_ms, valid_from, valid_until, "
			+ "created_at, created_by, cancelled_at, clip_id, manifest, signature, cancel_manifest, cancel_signature "
			+ "FROM province_bulletin";

	private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), rs.getString(2),
			Priority.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5), HubStore.instant(rs, 6),
			HubStore.instant(rs, 7), HubStore.instant(rs, 8), rs.getString(9), HubStore.instant(rs, 10), rs.getLong(11),
			new SignedBulletin(rs.getString(12), rs.getString(13)),
			rs.getString(14) == null ? null : new SignedBulletin(rs.getString(14), rs.getString(15)));

	private static final RowMapper<Target> TARGET = (rs, i) -> new Target(rs.getLong(1), rs.getString(2),
			rs.getString(3), HubStore.instant(rs, 4), HubStore.instant(rs, 5), (Integer) rs.getObject(6, Integer.class),
			rs.getString(7));
}
