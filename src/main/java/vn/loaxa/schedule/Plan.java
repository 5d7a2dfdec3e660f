package vn.loaxa.schedule;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The broadcast plan in force: channels, zones, groups, holidays, relays and slots. Immutable; a reload
 * or an edit builds a new one, checked as a whole, before it replaces this.
 */
public record Plan(List<OutputChannel> channels, List<Zone> zones, List<ZoneGroup> groups,
		Map<LocalDate, String> holidays, List<Slot> slots, List<Relay> relays) {

	public Plan {
		relays = relays == null ? List.of() : List.copyOf(relays);
		channels = List.copyOf(channels);
		zones = List.copyOf(zones);
		groups = List.copyOf(groups);
		holidays = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(holidays));
		Set<LocalDate> days = holidays.keySet();
		slots = slots.stream().map(s -> s.withHolidays(days)).toList();
	}

	/** A plan without relays. */
	public Plan(List<OutputChannel> channels, List<Zone> zones, List<ZoneGroup> groups,
			Map<LocalDate, String> holidays, List<Slot> slots) {
		this(channels, zones, groups, holidays, slots, List.of());
	}

	public static Plan empty() {
		return new Plan(List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());
	}

	public Optional<Relay> relay(String id) {
		return id == null ? Optional.empty() : relays.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/** The same plan with other slots (relays, channels, zones, groups and holidays kept). */
	public Plan withSlots(List<Slot> slots) {
		return new Plan(channels, zones, groups, holidays, slots, relays);
	}

	public boolean isEmpty() {
		return channels.isEmpty() && zones.isEmpty() && slots.isEmpty();
	}

	public Optional<OutputChannel> channel(String id) {
		return channels.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public Optional<Zone> zone(String id) {
		return zones.stream().filter(z -> z.id().equals(id)).findFirst();
	}

	public Optional<ZoneGroup> group(String id) {
		return groups.stream().filter(g -> g.id().equals(id)).findFirst();
	}

	public Optional<Slot> slot(String key) {
		return slots.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	public boolean isTarget(String id) {
		return zone(id).isPresent() || group(id).isPresent();
	}

	public String targetName(String id) {
		return zone(id).map(Zone::name).or(() -> group(id).map(ZoneGroup::name)).orElse(id);
	}

	/** The zones a slot airs in: its zone, or its group's zones. */
	public List<Zone> zonesOf(Slot slot) {
		Optional<Zone> zone = zone(slot.target());
		if (zone.isPresent()) {
			return List.of(zone.get());
		}
		return group(slot.target()).map(g -> g.zoneIds().stream().map(this::zone).flatMap(Optional::stream).toList())
			.orElse(List.of());
	}

	/** The zones of a slot grouped by channel: one playout per channel. */
	public Map<OutputChannel, List<Zone>> zonesByChannel(Slot slot) {
		Map<OutputChannel, List<Zone>> result = new LinkedHashMap<>();
		for (Zone zone : zonesOf(slot)) {
			channel(zone.channelId()).ifPresent(c -> result.computeIfAbsent(c, k -> new ArrayList<>()).add(zone));
		}
		return result;
	}

	public Set<String> channelIdsOf(Slot slot) {
		Set<String> ids = new LinkedHashSet<>();
		zonesOf(slot).forEach(z -> ids.add(z.channelId()));
		return ids;
	}

	/** Slots that air in the zone, directly or through a group. */
	public List<Slot> slotsOf(String zoneId) {
		return slots.stream().filter(s -> zonesOf(s).stream().anyMatch(z -> z.id().equals(zoneId))).toList();
	}

	public List<SlotOccurrence> occurrencesBetween(ZonedDateTime from, ZonedDateTime to) {
		return slots.stream()
			.flatMap(s -> s.occurrencesBetween(from, to).stream())
			.sorted(Comparator.comparing(SlotOccurrence::start).thenComparing(o -> o.slot().key()))
			.toList();
	}
}
