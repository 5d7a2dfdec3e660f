package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.loaxa.config.UserError;

class ReportPeriodTests {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

	@ParameterizedTest
	@CsvSource({ "2026-03, 2026-03-01, 2026-03-31, 1", "2026-02, 2026-02-01, 2026-02-28, 1",
			"2026-Q1, 2026-01-01, 2026-03-31, 3", "2026-Q4, 2026-10-01, 2026-12-31, 3",
			"2026-H1, 2026-01-01, 2026-06-30, 6", "2026-H2, 2026-07-01, 2026-12-31, 6",
			"2026, 2026-01-01, 2026-12-31, 12", "2026-Q1-statutory, 2025-12-15, 2026-03-14, 3",
			"2026-Q2-statutory, 2026-03-15, 2026-06-14, 3", "2026-Q3-statutory, 2026-06-15, 2026-09-14, 3",
			"2026-Q4-statutory, 2026-09-15, 2026-12-14, 3", "2026-H1-statutory, 2025-12-15, 2026-06-14, 6",
			"2026-statutory, 2025-12-15, 2026-12-14, 12", "2024-02, 2024-02-01, 2024-02-29, 1" })
	void codes(String code, LocalDate from, LocalDate to, int months) {
		ReportPeriod period = ReportPeriod.parse(code);
		assertThat(period.code()).isEqualTo(code);
		assertThat(period.from()).isEqualTo(from);
		assertThat(period.to()).isEqualTo(to);
		assertThat(period.monthCount()).isEqualTo(months);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-H3", "2026-03-statutory", "26-Q1",
			"1999", "2026-Q1-legal", "Q1", "2026-02-30..2026-03-01", "<script>" })
	void invalidCodesAreUserErrors(String code) {
		assertThatThrownBy(() -> ReportPeriod.parse(code)).isInstanceOfSatisfying(UserError.class,
				e -> assertThat(e.status()).isEqualTo(400));
	}

	@Test
	void localDayBoundsInHoChiMinhCityWhateverTheJvmZone() {
		ReportPeriod q1 = ReportPeriod.parse("2026-Q1-statutory");
		assertThat(q1.start(HCM)).isEqualTo(Instant.parse("2025-12-14T17:00:00Z"));
		assertThat(q1.end(HCM)).isEqualTo(Instant.parse("2026-03-14T17:00:00Z"));
		assertThat(q1.monthBounds(HCM)).containsExactly(Instant.parse("2025-12-14T17:00:00Z"),
				Instant.parse("2025-12-31T17:00:00Z"), Instant.parse("2026-01-31T17:00:00Z"),
				Instant.parse("2026-02-28T17:00:00Z"), Instant.parse("2026-03-14T17:00:00Z"));
		assertThat(q1.planYear()).isEqualTo(2026);
	}

	@Test
	void customRanges() {
		ReportPeriod range = ReportPeriod.parse("2026-01-05..2026-02-10");
		assertThat(range.type()).isEqualTo(ReportPeriod.Type.CUSTOM);
		assertThat(range.monthCount()).isEqualTo(1);
		assertThat(ReportPeriod.custom(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).monthCount()).isEqualTo(3);
		assertThatThrownBy(() -> ReportPeriod.custom(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
			.isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("report.error.rangeReversed"));
		assertThat(ReportPeriod.choices(2026)).hasSize(25).first().extracting(ReportPeriod::code)
			.isEqualTo("2026-Q1-statutory");
	}
}
