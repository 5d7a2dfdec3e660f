package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** The figures of the fixture log, computed by hand (see {@link ReportFixture#load}). */
class ReportFiguresTests extends ReportTestSupport {

	@Autowired
	ReportService reports;

	@Test
	void theJvmRunsInUtcSoLocalDayBoundsAreReallyTested() {
		assertThat(TimeZone.getDefault().getID()).isIn("UTC", "Etc/UTC", "GMT");
	}

	@Test
	void statutoryFirstQuarter() {
		ReportFigures f = reports.compute(ReportPeriod.parse("2026-Q1-statutory")).figures();

		assertThat(f.period()).isEqualTo(new ReportFigures.Period("2026-Q1-statutory", LocalDate.of(2025, 12, 15),
				LocalDate.of(2026, 3, 14)));
		// PLAYED: #1 #2 #3 #4 #5 #6 #7 and the correction of #13; #12 is replaced by its FAILED correction
		assertThat(f.totals()).isEqualTo(new ReportFigures.Totals(6, 8, 12.6, 1, 1, 1, 2, 0.75));

		assertThat(f.byKind()).extracting(r -> r.kind(), r -> r.clips(), r -> r.airings(), r -> r.minutes())
			.containsExactly(tuple(ClipKind.NEWS, 1L, 2L, 2.0), tuple(ClipKind.ARTICLE, 1L, 2L, 4.0),
					tuple(ClipKind.REPORTAGE, 1L, 1L, 5.0), tuple(ClipKind.SLOGAN, 2L, 2L, 0.8),
					tuple(ClipKind.ANNOUNCEMENT, 1L, 1L, 0.8));
		assertThat(f.byTopic()).extracting(r -> r.topic(), r -> r.clips(), r -> r.airings(), r -> r.minutes())
			.containsExactly(tuple(Topic.INSTITUTIONS, 1L, 1L, 5.0), tuple(Topic.PROCEDURES, 1L, 2L, 2.0),
					tuple(Topic.APPARATUS, 1L, 1L, 0.5), tuple(Topic.CIVIL_SERVICE, 1L, 1L, 0.8),
					tuple(Topic.PUBLIC_FINANCE, 0L, 0L, 0.0), tuple(Topic.DIGITAL_GOVERNMENT, 0L, 0L, 0.0),
					tuple(Topic.DIGITAL_TRANSFORMATION, 1L, 2L, 4.0), tuple(Topic.OTHER, 1L, 1L, 0.3));
		assertThat(f.byZone()).extracting(r -> r.zone(), r -> r.clips(), r -> r.airings(), r -> r.minutes())
			.containsExactly(tuple("ban-na-lay", 4L, 4L, 8.3), tuple("thon-hua-ca", 2L, 2L, 2.8),
					tuple("to-dan-pho-1", 2L, 2L, 1.5));
		assertThat(f.byMonth()).extracting(r -> r.month(), r -> r.clips(), r -> r.airings(), r -> r.minutes())
			.containsExactly(tuple("2025-12", 1L, 1L, 1.0), tuple("2026-01", 3L, 3L, 3.3),
					tuple("2026-02", 2L, 2L, 7.0), tuple("2026-03", 2L, 2L, 1.3));

		assertThat(f.plan()).isEqualTo(new ReportFigures.PlanRow(2026, "Kế hoạch 45/KH-UBND"));
		assertThat(f.targets()).extracting(r -> r.planned(), r -> r.done(), r -> r.percent())
			.containsExactly(tuple(150L, 2L, 1.3), tuple(6L, 1L, 16.7), tuple(24L, 2L, 8.3));
		assertThat(f.targets().get(0).name()).startsWith("150 tin, bài trên loa");

		assertThat(f.problems()).extracting(r -> r.outcome().name(), r -> r.reason(), r -> r.count())
			.containsExactlyInAnyOrder(tuple("PARTIAL", "Cắt bớt vì hết khung giờ", 1L),
					tuple("INTERRUPTED", "Mất điện", 1L), tuple("MISSED", "Máy tính tắt", 1L),
					tuple("FAILED", "Không tìm thấy tệp", 1L), tuple("FAILED", "Loa hỏng, phát lại sau", 1L));
	}

	@Test
	void theCutOffMovesTheRecordsOfTheFifteenthIntoTheNextStatutoryQuarter() {
		ReportFigures calendar = reports.compute(ReportPeriod.parse("2026-Q1")).figures();
		// calendar Q1 loses #1 (15/12) and gains #14 (15/03 00:00)
		assertThat(calendar.totals().airings()).isEqualTo(8);
		assertThat(calendar.totals().clips()).isEqualTo(6);
		assertThat(calendar.byMonth()).extracting(r -> r.airings()).containsExactly(3L, 2L, 3L);

		ReportFigures q2 = reports.compute(ReportPeriod.parse("2026-Q2-statutory")).figures();
		assertThat(q2.period().from()).isEqualTo(LocalDate.of(2026, 3, 15));
		assertThat(q2.totals().airings()).isEqualTo(2);
		assertThat(q2.totals().clips()).isEqualTo(2);
		assertThat(q2.byMonth()).extracting(r -> r.month(), r -> r.airings())
			.containsExactly(tuple("2026-03", 1L), tuple("2026-04", 1L), tuple("2026-05", 0L), tuple("2026-06", 0L));
		// "02 bài mỗi tháng" CĐS: 2 × 3 months planned, C2 and C9 done
		assertThat(q2.targets().get(1)).isEqualTo(new ReportFigures.TargetRow(q2.targets().get(1).name(), 6, 2, 33.3));

		ReportFigures twoDays = reports.compute(ReportPeriod.custom(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15)))
			.figures();
		assertThat(twoDays.totals().airings()).isEqualTo(2);
		assertThat(twoDays.period().code()).isEqualTo("2026-03-14..2026-03-15");

		ReportFigures year2025 = reports.compute(ReportPeriod.parse("2025-statutory")).figures();
		assertThat(year2025.totals().airings()).isEqualTo(1);
		assertThat(year2025.byMonth()).hasSize(13);
		assertThat(year2025.targets()).isEmpty();
		assertThat(year2025.plan().name()).isNull();
	}

	@Test
	void aPeriodWithoutRecordsHasZeros() {
		ReportFigures f = reports.compute(ReportPeriod.parse("2030-Q3")).figures();
		assertThat(f.totals()).isEqualTo(new ReportFigures.Totals(0, 0, 0.0, 0, 0, 0, 0, 0.0));
		assertThat(f.byKind()).hasSize(ClipKind.values().length).allMatch(r -> r.airings() == 0);
		assertThat(f.byZone()).isEmpty();
		assertThat(f.byMonth()).extracting(r -> r.month()).containsExactly("2030-07", "2030-08", "2030-09");
	}
}
