package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loaxa.broadcast.RecordHashVectorsTests.AIRCHECK_G;
import static vn.loaxa.broadcast.RecordHashVectorsTests.CLIP_9_SHA;
import static vn.loaxa.broadcast.RecordHashVectorsTests.CLIP_SHA;
import static vn.loaxa.broadcast.RecordHashVectorsTests.GENESIS;
import static vn.loaxa.broadcast.RecordHashVectorsTests.HASH_A;
import static vn.loaxa.broadcast.RecordHashVectorsTests.HASH_F;
import static vn.loaxa.broadcast.RecordHashVectorsTests.HASH_G;
import static vn.loaxa.broadcast.RecordHashVectorsTests.RECORDED_A;
import static vn.loaxa.broadcast.RecordHashVectorsTests.RECORDED_G;
import static vn.loaxa.broadcast.RecordHashVectorsTests.SCHEDULED_A;
import static vn.loaxa.broadcast.RecordHashVectorsTests.SCHEDULED_G;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** {@link AiringBuilder}: it refuses an airing that cannot be true and builds one that hashes as the pinned vectors. */
class AiringBuilderTests {

	/** Vector A's inputs (see {@link RecordHashVectorsTests}), each time and duration set by name. */
	private static AiringBuilder vectorA() {
		return Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(7L, CLIP_SHA, "Chuyển đổi số – VNeID", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(SCHEDULED_A)
			.started(SCHEDULED_A.plusMillis(300))
			.ended(SCHEDULED_A.plusMillis(41_250))
			.playedMs(40_950)
			.dueMs(60_000)
			.outcome(Outcome.INTERRUPTED)
			.reason("Mất điện lúc 05:31");
	}

	@Test
	void aBuiltAiringHashesAsThePinnedVectors() {
		assertThat(RecordHash.of(1, vectorA().build(), null, "he-thong", RECORDED_A, GENESIS)).isEqualTo(HASH_A);

		Airing g = Airing.of("ban-na-lay", "Phát trực tiếp")
			.clip(9L, CLIP_9_SHA, "Thông báo lịch tiêm chủng", ClipKind.ANNOUNCEMENT, Topic.OTHER)
			.scheduled(SCHEDULED_G)
			.started(SCHEDULED_G.plusMillis(120))
			.ended(SCHEDULED_G.plusMillis(45_120))
			.playedMs(45_000)
			.dueMs(45_000)
			.outcome(Outcome.PLAYED)
			.reason("phát trực tiếp bởi chu-tich")
			.airCheck(new AirCheckRef("aircheck/2026/03/05/080000-main-phat-truc-tiep.mp3", AIRCHECK_G))
			.build();
		assertThat(RecordHash.of(7, g, null, "he-thong", RECORDED_G, HASH_F)).isEqualTo(HASH_G);
	}

	@Test
	void theNamedDurationsLandInTheirComponents() {
		Airing a = vectorA().build();
		assertThat(a.playedMs()).isEqualTo(40_950);
		assertThat(a.clipDurationMs()).isEqualTo(60_000);
		assertThat(a.actualStart()).isEqualTo(Instant.parse("2026-03-02T22:30:00.300Z"));
		assertThat(a.actualEnd()).isEqualTo(Instant.parse("2026-03-02T22:30:41.250Z"));
		assertThat(a.toBuilder().build()).as("a copy through the builder is the same airing").isEqualTo(a);
		assertThat(RecordHash.of(1, vectorA().playedMs(60_000).dueMs(40_950).build(), null, "he-thong", RECORDED_A,
				GENESIS))
			.as("swapped durations are another record")
			.isNotEqualTo(HASH_A);
	}

	@Test
	void buildRefusesWhatCannotBeTrue() {
		assertRefused(Airing.of(null, "Bản tin sáng").scheduled(SCHEDULED_A).outcome(Outcome.PLAYED), "zone");
		assertRefused(Airing.of(" ", "Bản tin sáng").scheduled(SCHEDULED_A).outcome(Outcome.PLAYED), "zone");
		assertRefused(vectorA().outcome(null), "outcome");
		assertRefused(vectorA().scheduled(null), "scheduled start");
		assertRefused(vectorA().playedMs(-1), "playedMs");
		assertRefused(vectorA().dueMs(-60_000), "dueMs");
	}

	@Test
	void buildTakesWhatMayBeMissing() {
		Airing missed = Airing.of("to-dan-pho-1", "Bản tin chiều")
			.scheduled(SCHEDULED_A)
			.outcome(Outcome.MISSED)
			.reasonCode(Reason.PC_OFF)
			.build();
		assertThat(missed.actualStart()).isNull();
		assertThat(missed.clipId()).isNull();
		assertThat(missed.playedMs()).isZero();
		assertThat(vectorA().ended(null).build().actualEnd()).as("still on air: no end yet").isNull();
		assertThat(vectorA().started(SCHEDULED_A).ended(SCHEDULED_A).build().actualEnd()).isEqualTo(SCHEDULED_A);
		assertThat(vectorA().started(SCHEDULED_A.plusMillis(41_250)).ended(SCHEDULED_A.plusMillis(300)).build()
			.actualEnd()).as("a wall clock stepped back is recorded as measured, never refused")
			.isEqualTo(SCHEDULED_A.plusMillis(300));
		assertThat(Airing.of("ban-na-lay", null).scheduled(SCHEDULED_A).outcome(Outcome.INTERRUPTED).build().slotName())
			.as("a crash leftover without its slot's name").isNull();
	}

	private static void assertRefused(AiringBuilder builder, String says) {
		assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(says);
	}
}
