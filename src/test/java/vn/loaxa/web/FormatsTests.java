package vn.loaxa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.loaxa.config.UserError;

class FormatsTests {

	@Test
	void durationsAreMinutesAndSeconds() {
		assertThat(Formats.duration(0)).isEqualTo("00:00");
		assertThat(Formats.duration(7_499)).isEqualTo("00:07");
		assertThat(Formats.duration(7_500)).isEqualTo("00:08");
		assertThat(Formats.duration(275_000)).isEqualTo("04:35");
		assertThat(Formats.duration(75 * 60_000)).isEqualTo("75:00");
	}

	@Test
	void datesAreDayMonthYear() {
		assertThat(Formats.date(LocalDate.of(2026, 1, 5))).isEqualTo("05/01/2026");
		assertThat(Formats.date(null)).isEmpty();
	}

	@Test
	void datesAreReadStrictlyInBothForms() {
		assertThat(Formats.parseDate("05/01/2026")).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(Formats.parseDate(" 2026-01-05 ")).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(Formats.parseDate("5/1/2026")).isEqualTo(LocalDate.of(2026, 1, 5));
		assertThat(Formats.parseDate("29/02/2028")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(Formats.parseDate("")).isNull();
		for (String bad : new String[] { "31/02/2026", "29/02/2026", "2026-02-30", "5/1/2026x", "hôm nay" }) {
			assertThatThrownBy(() -> Formats.parseDate(bad)).as(bad)
				.isInstanceOfSatisfying(UserError.class, e -> assertThat(e.code()).isEqualTo("invalid_date"));
		}
	}

	@Test
	void enumsAreReadCaseInsensitivelyAndUnknownOnesRefused() {
		enum Colour { RED }
		assertThat(Formats.parseEnum(Colour.class, " red ", "invalid_colour")).isEqualTo(Colour.RED);
		assertThat(Formats.parseEnum(Colour.class, null, "invalid_colour")).isNull();
		assertThatThrownBy(() -> Formats.parseEnum(Colour.class, "BLUE", "invalid_colour"))
			.isInstanceOfSatisfying(UserError.class, e -> {
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.code()).isEqualTo("invalid_colour");
			});
	}
}
