package vn.loaxa.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vn.loaxa.web.Formats;

/**
 * Checks a plan as a whole: ids unique, every zone on a known channel, every group and slot on
 * known zones, slot names unique per target, relays unique with a source each and every relay slot's
 * relay known, and no two slots needing one channel at the same time.
 */
final class PlanChecker {

	/** How far ahead weekly slots are compared: two weeks cover every weekday twice. */
	private static final int HORIZON_DAYS = 14;

	private PlanChecker() {
	}

	static List<PlanError> check(Plan plan, LocalDate today) {
		List<PlanError> errors = new ArrayList<>();
		String zonesFile = PlanReader.ZONES_FILE;
		Set<String> ids = new HashSet<>();
		for (OutputChannel c : plan.channels()) {
			if (!ids.add("channel:" + c.id())) {
				errors.add(field("id", new PlanError(zonesFile, 0, "duplicate", c.id())));
			}
		}
		Set<String> targets = new HashSet<>();
		for (Zone z : plan.zones()) {
			if (!targets.add(z.id())) {
				errors.add(field("id", new PlanError(zonesFile, 0, "duplicate", z.id())));
			}
			if (plan.channel(z.channelId()).isEmpty()) {
				errors.add(field("channel", new PlanError(zonesFile, 0, "unknownChannel", z.channelId(), z.id())));
			}
		}
		for (ZoneGroup g : plan.groups()) {
			if (!targets.add(g.id())) {
				errors.add(field("id", new PlanError(zonesFile, 0, "duplicate", g.id())));
			}
			for (String zoneId : g.zoneIds()) {
				if (plan.zone(zoneId).isEmpty()) {
					errors.add(field("zones", new PlanError(zonesFile, 0, "unknownZone", zoneId)));
				}
			}
		}
		Set<String> relayIds = new HashSet<>();
		for (Relay r : plan.relays()) {
			if (!relayIds.add(r.id())) {
				errors.add(field("id", new PlanError(zonesFile, 0, "duplicateRelay", r.id())));
			}
			if (r.urls().isEmpty() && !r.isInput()) {
				errors.add(field("urls", new PlanError(zonesFile, 0, "relayNoSource", r.id())));
			}
			else if (!r.urls().isEmpty() && r.isInput()) {
				errors.add(field("input", new PlanError(zonesFile, 0, "relayBoth", r.id())));
			}
			for (String url : r.urls()) {
				if (!Relay.playableUrl(url)) {
					errors.add(field("urls", new PlanError(zonesFile, 0, "relayUrl", url, r.id())));
				}
			}
		}
		Set<String> keys = new HashSet<>();
		for (Slot s : plan.slots()) {
			if (s.isRelay() && plan.relay(s.relay()).isEmpty()) {
				errors.add(field("relay", new PlanError(s.file(), s.line(), "unknownRelay", s.relay(), s.name())));
			}
			if (!plan.isTarget(s.target())) {
				errors.add(field("target", new PlanError(s.file(), s.line(), "unknownZone", s.target())));
			}
			if (!keys.add(s.key())) {
				errors.add(field("name", new PlanError(s.file(), s.line(), "duplicateSlot", s.name(), s.target())));
			}
		}
		if (errors.isEmpty()) {
			errors.addAll(conflicts(plan, today));
		}
		return errors;
	}

	/** Slots that would air at once on one channel: each pair is named, both of them. */
	static List<PlanError> conflicts(Plan plan, LocalDate today) {
		List<PlanError> errors = new ArrayList<>();
		List<Slot> slots = plan.slots();
		for (int i = 0; i < slots.size(); i++) {
			for (int j = i + 1; j < slots.size(); j++) {
				Slot a = slots.get(i);
				Slot b = slots.get(j);
				Set<String> shared = new HashSet<>(plan.channelIdsOf(a));
				shared.retainAll(plan.channelIdsOf(b));
				if (shared.isEmpty()) {
					continue;
				}
				LocalDate clash = firstOverlap(a, b, today);
				if (clash != null) {
					errors.add(field("start", new PlanError(b.file(), b.line(), "overlap", b.name(), a.name(), a.file(),
							a.line(), Formats.date(clash), String.join(", ", shared))));
				}
			}
		}
		return errors;
	}

	/** The first date on which the two slots' windows overlap, or null. */
	static LocalDate firstOverlap(Slot a, Slot b, LocalDate today) {
		LocalDate from = today;
		if (a.validFrom() != null && a.validFrom().isAfter(from)) {
			from = a.validFrom();
		}
		if (b.validFrom() != null && b.validFrom().isAfter(from)) {
			from = b.validFrom();
		}
		TreeSet<LocalDate> candidates = new TreeSet<>();
		for (int d = 0; d < HORIZON_DAYS; d++) {
			candidates.add(from.plusDays(d));
		}
		candidates.addAll(a.dates());
		candidates.addAll(b.dates());
		for (LocalDate date : candidates) {
			for (LocalDate other : List.of(date.minusDays(1), date, date.plusDays(1))) {
				if (windowOn(a, date) != null && windowOn(b, other) != null
						&& overlaps(windowOn(a, date), windowOn(b, other))) {
					return date.isBefore(other) ? other : date;
				}
			}
		}
		return null;
	}

	private static LocalDateTime[] windowOn(Slot slot, LocalDate date) {
		boolean airs = slot.isValidOn(date) && !slot.except().contains(date)
				&& (slot.dates().contains(date) || slot.days().contains(date.getDayOfWeek()));
		if (!airs) {
			return null;
		}
		LocalDateTime start = date.atTime(slot.start());
		return new LocalDateTime[] { start, start.plus(slot.length()) };
	}

	private static boolean overlaps(LocalDateTime[] a, LocalDateTime[] b) {
		return a[0].isBefore(b[1]) && b[0].isBefore(a[1]);
	}

	/** A new or edited slot must still be able to air: not entirely in the past. */
	static List<PlanError> notInPast(List<Slot> slots, LocalDate today) {
		List<PlanError> errors = new ArrayList<>();
		for (Slot s : slots) {
			if (!s.hasFutureOn(today)) {
				errors.add(field("dates", new PlanError(s.file(), s.line(), "past", s.name(), Formats.date(today))));
			}
		}
		return errors;
	}

	/** The field an error of the whole plan is about (the API's {@code field}). */
	private static PlanError field(String name, PlanError error) {
		error.withField(name);
		return error;
	}
}
