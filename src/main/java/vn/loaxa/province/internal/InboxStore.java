package vn.loaxa.province.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import vn.loaxa.media.Priority;

/** A commune's side of bulletins down: the hub's pinned key and each bulletin as received. */
@Repository
public class InboxStore {

	/** The hub's key as pinned at the first contact, and how the link last went. */
	public record Link(String hubKeyPem, String fingerprint, Instant pinnedAt, Instant lastContactAt, String lastError,
			String lastRefusal, Instant lastRefusalAt) {
	}

	/** A bulletin at this commune: its clip, level, validity, where it stands and what the hub was told. */
	public record Entry(long bulletinId, Long clipId, Priority level, String title, BulletinManifest.Validity validity,
			Instant nextAiringAt, String state, String reportedState, String reason, List<String> groups) {
	}

	private final JdbcTemplate jdbc;

	InboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Link link() {
		return jdbc.queryForObject("SELECT hub_key, hub_fingerprint, pinned_at, last_contact_at, last_error, "
				+ "last_refusal, last_refusal_at FROM province_link WHERE id = 1", (rs, i) -> new Link(rs.getString(1),
						rs.getString(2), HubStore.instant(rs, 3), HubStore.instant(rs, 4), rs.getString(5), rs.getString(6),
						HubStore.instant(rs, 7)));
	}

	public void pin(String pem, String fingerprint, Instant at) {
		jdbc.update("UPDATE province_link SET hub_key = ?, hub_fingerprint = ?, pinned_at = ? WHERE id = 1", pem,
				fingerprint, HubStore.ts(at));
	}

	void unpin() {
		jdbc.update("UPDATE province_link SET hub_key = NULL, hub_fingerprint = NULL, pinned_at = NULL WHERE id = 1");
	}

	void contact(Instant at, String error) {
		if (error == null) {
			jdbc.update("UPDATE province_link SET last_contact_at = ?, last_error = NULL WHERE id = 1", HubStore.ts(at));
		}
		else {
			jdbc.update("UPDATE province_link SET last_error = ? WHERE id = 1", cut(error));
		}
	}

	public void refusal(String what, Instant at) {
		jdbc.update("UPDATE province_link SET last_refusal = ?, last_refusal_at = ? WHERE id = 1", cut(what),
				HubStore.ts(at));
	}

	public Optional<Entry> entry(long bulletinId) {
		return jdbc.query(SELECT + " WHERE bulletin_id = ?", ENTRY, bulletinId).stream().findFirst();
	}

	public void insert(Entry e, Instant at) {
		jdbc.update("INSERT INTO province_inbox (bulletin_id, clip_id, level, title, valid_from, valid_until, "
				+ "repeat_seconds, next_airing_at, state, reason, received_at, zone_groups) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
				e.bulletinId(), e.clipId(), e.level().name(), cutTitle(e.title()), HubStore.ts(e.validity().from()),
				HubStore.ts(e.validity().until()), e.validity().repeatSeconds(), HubStore.ts(e.nextAiringAt()), e.state(),
				e.reason() == null ? null : cut(e.reason()), HubStore.ts(at),
				e.groups() == null || e.groups().isEmpty() ? null : cut(String.join(",", e.groups())));
	}

	public void state(long bulletinId, String state, String reason, Instant nextAiringAt) {
		jdbc.update("UPDATE province_inbox SET state = ?, reason = ?, next_airing_at = ? WHERE bulletin_id = ?", state,
				reason == null ? null : cut(reason), HubStore.ts(nextAiringAt), bulletinId);
	}

	public void reported(long bulletinId, String receiptState) {
		jdbc.update("UPDATE province_inbox SET reported_state = ? WHERE bulletin_id = ?", receiptState, bulletinId);
	}

	/** Bulletins whose state the hub has not been told yet. */
	public List<Entry> unreported() {
		return jdbc.query(SELECT + " WHERE reported_state IS NULL OR reported_state <> CASE state "
				+ "WHEN 'CANCELLED' THEN 'CANCEL_SEEN' WHEN 'AIRING' THEN 'RECEIVED' WHEN 'DONE' THEN 'RECEIVED' "
				+ "ELSE state END ORDER BY bulletin_id", ENTRY);
	}

	/** Bulletins still to act on: EMERGENCY airings due, or ones waiting in the library. */
	public List<Entry> open() {
		return jdbc.query(SELECT + " WHERE state IN ('AIRING', 'RECEIVED') ORDER BY bulletin_id", ENTRY);
	}

	private static final String SELECT = "SELECT bulletin_id, clip_id, level, title, valid_from, valid_until, "
			+ "repeat_seconds, next_airing_at, state, reported_state, reason, zone_groups FROM province_inbox";

	private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong(1),
			(Long) rs.getObject(2, Long.class), Priority.valueOf(rs.getString(3)), rs.getString(4),
			new BulletinManifest.Validity(HubStore.instant(rs, 5), HubStore.instant(rs, 6), (Long) rs.getObject(7, Long.class)),
			HubStore.instant(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11),
			rs.getString(12) == null ? List.of() : List.of(rs.getString(12).split(",")));

	private static String cut(String s) {
		return s.length() <= 1000 ? s : s.substring(0, 1000);
	}

	private static String cutTitle(String s) {
		return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300);
	}
}
