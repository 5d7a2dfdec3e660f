package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loaxa.IntegrationTest;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * Migration V7: the database itself refuses to rewrite the log, on H2 (a Java trigger) and on
 * PostgreSQL (PL/pgSQL, TRUNCATE included). Raw SQL, as a tamperer would send it; afterwards the
 * tables are exactly as before and the chain still verifies.
 */
class AppendOnlyLogTests extends IntegrationTest {

	@Autowired
	BroadcastLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void rawUpdateAndDeleteOfARecordAreRefused() {
		Instant at = Instant.parse("2026-05-01T23:00:00Z");
		BroadcastRecord record = log.append(Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(1L, "b".repeat(64), "Bản tin", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(at)
			.started(at)
			.ended(at.plusSeconds(60))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.build());
		List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM broadcast_record ORDER BY id");

		assertRefused("UPDATE broadcast_record SET outcome = 'MISSED' WHERE id = " + record.id(),
				"broadcast_record is append-only");
		assertRefused("UPDATE broadcast_record SET reason = 'x'", "broadcast_record is append-only");
		// an air-check's columns (V19) are written once with the record, never after: not given, nor swapped
		assertRefused("UPDATE broadcast_record SET aircheck_sha256 = '" + "d".repeat(64) + "', aircheck_file = 'aircheck/x.mp3'"
				+ " WHERE id = " + record.id(), "broadcast_record is append-only");
		assertRefused("DELETE FROM broadcast_record WHERE id = " + record.id(), "broadcast_record is append-only");
		assertRefused("DELETE FROM broadcast_record", "broadcast_record is append-only");
		// PostgreSQL: a BEFORE TRUNCATE trigger; H2 (no such trigger): the table is referenced by a foreign key
		assertRefused("TRUNCATE TABLE broadcast_record",
				vn.loaxa.support.TestDatabase.postgres() ? "broadcast_record is append-only" : "Cannot truncate");

		assertThat(jdbc.queryForList("SELECT * FROM broadcast_record ORDER BY id")).isEqualTo(before);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void aRecordWithAnAirCheckIsStoredWithItAndCannotLoseIt() {
		Instant at = Instant.parse("2026-05-03T23:00:00Z");
		AirCheckRef check = new AirCheckRef("aircheck/2026/05/04/060000-main-tiep-song-vov1.mp3", "e".repeat(64));
		BroadcastRecord record = log.append(Airing.of("ban-na-lay", "Tiếp sóng VOV1")
			.title("VOV1")
			.scheduled(at)
			.started(at)
			.ended(at.plusSeconds(60))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.relay("vov1", "http://127.0.0.1/v.mp3")
			.airCheck(check)
			.build());
		assertThat(log.find(record.id()).orElseThrow().airing().airCheck()).isEqualTo(check);
		assertRefused("UPDATE broadcast_record SET aircheck_sha256 = NULL, aircheck_file = NULL WHERE id = " + record.id(),
				"broadcast_record is append-only");
		assertThat(log.find(record.id()).orElseThrow().airing().airCheck()).isEqualTo(check);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void theChainHeadCannotBeDeletedNorMovedBack() {
		Instant at = Instant.parse("2026-05-02T23:00:00Z");
		log.append(Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(1L, "c".repeat(64), "Bản tin", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(at)
			.started(at)
			.ended(at.plusSeconds(60))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.build());
		Map<String, Object> head = jdbc.queryForMap("SELECT * FROM broadcast_chain_head");
		long last = ((Number) head.get("last_id")).longValue();

		assertRefused("DELETE FROM broadcast_chain_head", "broadcast_chain_head");
		assertRefused("UPDATE broadcast_chain_head SET last_id = " + (last - 1) + " WHERE id = 1", "only moves forward");
		assertRefused("UPDATE broadcast_chain_head SET last_id = " + last + ", last_hash = 'x' WHERE id = 1",
				"only moves forward");
		assertRefused("TRUNCATE TABLE broadcast_chain_head",
				vn.loaxa.support.TestDatabase.postgres() ? "broadcast_chain_head" : "Cannot truncate");

		assertThat(jdbc.queryForList("SELECT * FROM broadcast_chain_head")).containsExactly(head);
		log.append(Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(1L, "c".repeat(64), "Bản tin", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(at.plusSeconds(60))
			.dueMs(60_000)
			.outcome(Outcome.MISSED)
			.reason("máy tắt")
			.build());
		assertThat(jdbc.queryForObject("SELECT last_id FROM broadcast_chain_head", Long.class))
			.as("an append still moves the head forward").isEqualTo(last + 1);
		assertThat(log.verify().intact()).isTrue();
	}

	private void assertRefused(String sql, String message) {
		assertThatThrownBy(() -> jdbc.execute(sql)).as(sql)
			.isInstanceOf(DataAccessException.class)
			.satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause().getMessage()).contains(message));
	}
}
