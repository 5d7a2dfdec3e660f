package vn.loaxa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quartz.Trigger;
import org.quartz.spi.OperableTrigger;

/**
 * The Quartz triggers of a slot, computed by Quartz itself: a pre-roll that crosses midnight fires
 * on the evening before the first valid day and not on the evening of the last.
 */
class SlotTriggersTests {

	static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
	static final Duration PREROLL = Duration.ofSeconds(3);

	@Test
	void aPreRollAcrossMidnightFiresForTheFirstValidDayAndNotAfterTheLast() {
		LocalDate from = LocalDate.of(2026, 12, 7);
		LocalDate until = LocalDate.of(2026, 12, 9);
		Slot slot = new Slot("ban-a", "Bản tin nửa đêm", SlotDays.weekly(EnumSet.allOf(DayOfWeek.class)).between(from, until),
				LocalTime.of(0, 0, 1), Duration.ofMinutes(5), SlotFill.ANY, SlotSource.NONE);
		Instant now = ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, HCM).toInstant();
		List<ZonedDateTime> fires = fires(SlotTriggers.triggersOf(slot, HCM, now, PREROLL), now, 10);
		assertThat(fires).containsExactly(
				ZonedDateTime.of(2026, 12, 6, 23, 59, 58, 0, HCM),
				ZonedDateTime.of(2026, 12, 7, 23, 59, 58, 0, HCM),
				ZonedDateTime.of(2026, 12, 8, 23, 59, 58, 0, HCM));
	}

	@Test
	void aSlotLaterInTheDayFiresItsPreRollOnEachValidDay() {
		LocalDate from = LocalDate.of(2026, 12, 7);
		Slot slot = new Slot("ban-a", "Bản tin sáng",
				SlotDays.weekly(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)).between(from, from.plusDays(7)),
				LocalTime.of(5, 30), Duration.ofMinutes(15), SlotFill.ANY, SlotSource.NONE);
		Instant now = ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, HCM).toInstant();
		assertThat(fires(SlotTriggers.triggersOf(slot, HCM, now, PREROLL), now, 10)).containsExactly(
				ZonedDateTime.of(2026, 12, 7, 5, 29, 57, 0, HCM), ZonedDateTime.of(2026, 12, 8, 5, 29, 57, 0, HCM),
				ZonedDateTime.of(2026, 12, 14, 5, 29, 57, 0, HCM));
	}

	private static List<ZonedDateTime> fires(List<Trigger> triggers, Instant now, int max) {
		List<ZonedDateTime> fires = new ArrayList<>();
		for (Trigger t : triggers) {
			OperableTrigger trigger = (OperableTrigger) t;
			Date next = trigger.getFireTimeAfter(Date.from(now));
			while (next != null && fires.size() < max) {
				fires.add(next.toInstant().atZone(HCM));
				next = trigger.getFireTimeAfter(next);
			}
		}
		fires.sort(null);
		return fires;
	}
}
