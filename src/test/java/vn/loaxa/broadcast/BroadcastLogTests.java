package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.loaxa.IntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

class BroadcastLogTests extends IntegrationTest {

	@Autowired
	BroadcastLog log;

	@Autowired
	JdbcTemplate jdbc;

	Instant t0 = Instant.parse("2026-03-14T16:59:00Z");

	@BeforeEach
	void chainIsIntactBeforeEachTest() {
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void appendedRecordsChainAndReadBack() {
		long before = log.count();
		BroadcastRecord first = log.append(played("ban-na-lay", t0));
		BroadcastRecord second = log.append(played("to-dan-pho-1", t0.plusSeconds(60)));

		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(second.id()).isEqualTo(first.id() + 1);
		assertThat(log.count()).isEqualTo(before + 2);
		List<BroadcastRecord> zone = log.between(t0, t0.plusSeconds(3600), "ban-na-lay");
		assertThat(zone).extracting(r -> r.airing().clipTitle()).contains("Bản tin chuyển đổi số – VNeID");
		assertThat(zone.get(0).airing()).isEqualTo(first.airing());

		ChainVerification verification = log.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.recordsChecked()).isEqualTo(log.count());
	}

	@Test
	void aRowEditedWithPlainSqlIsNamedAsTheFirstBrokenRecord() {
		BroadcastRecord a = log.append(played("ban-na-lay", t0.plusSeconds(7200)));
		BroadcastRecord b = log.append(played("ban-na-lay", t0.plusSeconds(7300)));
		log.append(played("ban-na-lay", t0.plusSeconds(7400)));
		// since V7 the database refuses the edit: a tamperer takes the triggers off first
		vn.loaxa.support.LogTamperer.withTriggersOff(jdbc, () -> {
			try {
				jdbc.update("UPDATE broadcast_record SET outcome = 'MISSED' WHERE id = ?", b.id());
				ChainVerification verification = log.verify();
				assertThat(verification.intact()).isFalse();
				assertThat(verification.firstBrokenId()).isEqualTo(b.id());
				assertThat(verification.problem()).isEqualTo("content_changed");
			}
			finally {
				jdbc.update("UPDATE broadcast_record SET outcome = 'PLAYED' WHERE id = ?", b.id());
			}
		});
		assertThat(log.verify().intact()).isTrue();
		assertThat(a.id()).isLessThan(b.id());
	}

	@Test
	void aDeletedRecordIsDetected() {
		log.append(played("ban-na-lay", t0.plusSeconds(9000)));
		BroadcastRecord victim = log.append(played("ban-na-lay", t0.plusSeconds(9100)));
		BroadcastRecord after = log.append(played("ban-na-lay", t0.plusSeconds(9200)));
		java.util.Map<String, Object> row = jdbc.queryForMap("SELECT * FROM broadcast_record WHERE id = ?", victim.id());
		vn.loaxa.support.LogTamperer.withTriggersOff(jdbc, () -> {
			jdbc.update("DELETE FROM broadcast_record WHERE id = ?", victim.id());
			try {
				ChainVerification verification = log.verify();
				assertThat(verification.intact()).isFalse();
				assertThat(verification.firstBrokenId()).isEqualTo(victim.id());
				assertThat(verification.problem()).isEqualTo("record_missing");
			}
			finally {
				String columns = String.join(",", row.keySet());
				String marks = String.join(",", java.util.Collections.nCopies(row.size(), "?"));
				jdbc.update("INSERT INTO broadcast_record (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
			}
		});
		assertThat(log.verify().intact()).isTrue();
		assertThat(after.previousHash()).isEqualTo(victim.hash());
	}

	@Test
	void aCorrectionIsANewRecordThatNamesTheOldOne() {
		BroadcastRecord wrong = log.append(played("ban-na-lay", t0.plusSeconds(12000)));
		Airing fixed = Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(1L, "a".repeat(64), "Bản tin chuyển đổi số – VNeID", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(wrong.airing().scheduledStart())
			.dueMs(60_000)
			.outcome(Outcome.FAILED)
			.reason("loa hỏng, phát lại sau")
			.build();
		BroadcastRecord correction = log.correct(wrong.id(), fixed, "canbo");
		assertThat(correction.correctsId()).isEqualTo(wrong.id());
		assertThat(correction.recordedBy()).isEqualTo("canbo");
		assertThat(log.find(wrong.id()).orElseThrow().airing().outcome()).isEqualTo(Outcome.PLAYED);
		assertThat(log.verify().intact()).isTrue();
	}

	private static Airing played(String zone, Instant scheduled) {
		return Airing.of(zone, "Bản tin sáng")
			.clip(null, "a".repeat(64), "Bản tin chuyển đổi số – VNeID", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(scheduled)
			.started(scheduled.plusMillis(12))
			.ended(scheduled.plusMillis(60_012))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.build();
	}
}
