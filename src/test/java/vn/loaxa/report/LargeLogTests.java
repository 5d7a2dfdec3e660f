package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.loaxa.broadcast.Airing;
import vn.loaxa.broadcast.BroadcastRecord;

/**
 * More records than one chunk of a streamed read (5,000), appended in a batch, far from the
 * fixture's dates: streams, the evidence and the chain check see each exactly once, in order.
 */
class LargeLogTests extends ReportTestSupport {

	@Test
	void streamsCrossChunkBoundariesInOrder() {
		Instant start = Instant.parse("2035-01-01T00:00:00Z");
		List<Airing> batch = new ArrayList<>();
		for (int i = 0; i < 12_345; i++) {
			// three records share each start, so the keyset's id tie-break is needed
			batch.add(ReportFixture.played(i % 2 == 0 ? ReportFixture.BNL : ReportFixture.TDP, ReportFixture.C2,
					"2035-01-01T00:00", 0));
			Instant at = start.plusSeconds(60L * (i / 3));
			Airing a = batch.get(i);
			batch.set(i, a.toBuilder()
				.scheduled(at)
				.started(at)
				.ended(at.plusMillis(a.playedMs()))
				.reason(null)
				.reasonCode(null)
				.relay(null, null)
				.airCheck(null)
				.build());
		}
		List<BroadcastRecord> written = log.appendAll(batch);
		assertThat(written).hasSize(12_345);

		List<BroadcastRecord> streamed = new ArrayList<>();
		log.streamCounted(start, start.plusSeconds(86_400 * 30), streamed::add);
		assertThat(streamed).extracting(BroadcastRecord::id)
			.containsExactlyElementsOf(written.stream().map(BroadcastRecord::id).toList());
		assertThat(streamed).isSortedAccordingTo(Comparator
			.comparing((BroadcastRecord r) -> r.airing().scheduledStart()).thenComparingLong(BroadcastRecord::id));

		List<BroadcastRecord> oneZone = log.between(start, start.plusSeconds(86_400 * 30), ReportFixture.TDP);
		assertThat(oneZone).hasSize(12_345 / 2).allMatch(r -> r.airing().zoneId().equals(ReportFixture.TDP));

		var verification = log.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.recordsChecked()).isEqualTo(log.count());
	}
}
