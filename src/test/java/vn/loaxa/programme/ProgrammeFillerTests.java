package vn.loaxa.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

import vn.loaxa.media.Clip;
import vn.loaxa.media.Priority;
import vn.loaxa.media.Topic;
import vn.loaxa.schedule.Slot;
import vn.loaxa.schedule.SlotDays;
import vn.loaxa.schedule.SlotFill;
import vn.loaxa.schedule.SlotSource;

/** How a slot is filled: order, fit including pauses and tunes, topic filter, pins and drops, no repeats. */
class ProgrammeFillerTests {

	private static long ids = 1;

	@Test
	void urgentFirstThenLeastAiredAndAsManyAsFitIncludingPausesAndTunes() {
		Clip normalAired = clip(Priority.NORMAL, 5, 60_000, Topic.PROCEDURES);
		Clip normalFresh = clip(Priority.NORMAL, 0, 60_000, Topic.PROCEDURES);
		Clip high = clip(Priority.HIGH, 9, 120_000, Topic.PROCEDURES);
		Clip emergency = clip(Priority.EMERGENCY, 20, 90_000, Topic.OTHER);
		List<Clip> queue = List.of(normalAired, normalFresh, high, emergency);
		// 5 min: intro 10 s + 90 + 120 + 60 + outro 10 s + 4 pauses of 1 s = 294 s; the last 60 s clip would overrun
		List<Clip> chosen = ProgrammeFiller.choose(queue, slot(Duration.ofMinutes(5), Set.of()), Set.of(), Set.of(),
				300_000, 1000, 10_000, 10_000, Map.of());
		assertThat(chosen).containsExactly(emergency, high, normalFresh);
	}

	@Test
	void aClipLongerThanTheSlotNeverStartsAndSmallerOnesStillFill() {
		Clip huge = clip(Priority.EMERGENCY, 0, 16 * 60_000, Topic.OTHER);
		Clip small = clip(Priority.NORMAL, 0, 30_000, Topic.OTHER);
		assertThat(ProgrammeFiller.choose(List.of(huge, small), slot(Duration.ofMinutes(15), Set.of()), Set.of(), Set.of(),
				15 * 60_000, 1000, 0, 0, Map.of())).containsExactly(small);
	}

	@Test
	void topicFilterPinsDropsAndNoClipTwice() {
		Clip cds = clip(Priority.NORMAL, 3, 30_000, Topic.DIGITAL_TRANSFORMATION);
		Clip other = clip(Priority.HIGH, 0, 30_000, Topic.PROCEDURES);
		Clip pinned = clip(Priority.NORMAL, 50, 30_000, Topic.PROCEDURES);
		Clip dropped = clip(Priority.EMERGENCY, 0, 30_000, Topic.DIGITAL_TRANSFORMATION);
		List<Clip> chosen = ProgrammeFiller.choose(List.of(cds, other, pinned, dropped, cds),
				slot(Duration.ofMinutes(10), Set.of(Topic.DIGITAL_TRANSFORMATION)), Set.of(pinned.getId()),
				Set.of(dropped.getId()), 600_000, 1000, 0, 0, Map.of());
		assertThat(chosen).containsExactly(pinned, cds);
	}

	@Test
	void exactFitIsAllowedAndPauseZeroWorks() {
		Clip a = clip(Priority.NORMAL, 0, 5000, Topic.OTHER);
		Clip b = clip(Priority.NORMAL, 1, 5000, Topic.OTHER);
		assertThat(ProgrammeFiller.choose(List.of(a, b), slot(Duration.ofSeconds(10), Set.of()), Set.of(), Set.of(),
				10_000, 0, 0, 0, Map.of())).containsExactly(a, b);
		assertThat(ProgrammeFiller.choose(List.of(a, b), slot(Duration.ofSeconds(10), Set.of()), Set.of(), Set.of(),
				10_000, 1, 0, 0, Map.of())).containsExactly(a);
	}

	private static Slot slot(Duration length, Set<Topic> topics) {
		return new Slot("toan-xa", "Sáng", SlotDays.weekly(Set.of(DayOfWeek.MONDAY)), LocalTime.of(5, 30), length,
				SlotFill.of(topics), new SlotSource("toan-xa.yaml", 1));
	}

	private static Clip clip(Priority priority, int airCount, long durationMs, Topic topic) {
		try {
			var constructor = ReflectionUtils.accessibleConstructor(Clip.class);
			Clip clip = constructor.newInstance();
			ReflectionTestUtils.setField(clip, "id", ids++);
			ReflectionTestUtils.setField(clip, "priority", priority);
			ReflectionTestUtils.setField(clip, "airCount", airCount);
			ReflectionTestUtils.setField(clip, "durationMs", durationMs);
			ReflectionTestUtils.setField(clip, "topic", topic);
			ReflectionTestUtils.setField(clip, "uploadedAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ids));
			return clip;
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
