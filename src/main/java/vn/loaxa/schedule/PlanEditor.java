package vn.loaxa.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import vn.loaxa.config.UserError;

/**
 * Channels, zones, groups and relays changed one at a time (the API, the forms), with the checks the plan
 * files get: each field checked ({@link PlanDrafts}), then the whole plan as a reload checks it
 * (duplicate ids, unknown channel or zone, slots that would overlap on a channel), and nothing
 * removed that a zone, group or slot still uses. Refused: a {@link UserError} naming the field,
 * nothing changed. The files follow on export, as for a slot saved from the web.
 */
@Service
public class PlanEditor {

	/** A channel as typed: {@code output} is a mixer name, {@code default} or {@code file}. */
	public record ChannelDraft(String id, String name, String output) {
	}

	/** A zone as typed: its loudspeaker switch commands are optional; {@code settle} like {@code 2s}. */
	public record ZoneDraft(String id, String name, String channel, List<String> switchOn, List<String> switchOff,
			String settle) {
	}

	public record GroupDraft(String id, String name, List<String> zones) {
	}

	/** A relay as typed: stream addresses ({@code urls}) or a sound card input ({@code input}), one of them. */
	public record RelayDraft(String id, String name, List<String> urls, String input) {
	}

	private final Schedule schedule;

	PlanEditor(Schedule schedule) {
		this.schedule = schedule;
	}

	public OutputChannel saveChannel(ChannelDraft draft, String existingId) {
		OutputChannel channel = PlanDrafts.channel(draft, existingId);
		Optional<OutputChannel> before = existing(existingId, Plan::channel);
		if (before.isEmpty()) {
			unusedId(channel.id(), schedule.current().channel(channel.id()).isPresent());
		}
		schedule.apply(plan -> new Plan(replace(plan.channels(), channel, OutputChannel::id, existingId), plan.zones(),
				plan.groups(), plan.holidays(), plan.slots(), plan.relays()), "channel.save", channel.id(),
				before.map(Object::toString).orElse(null), channel.toString());
		return channel;
	}

	public void deleteChannel(String id) {
		OutputChannel channel = found(id, Plan::channel);
		List<String> users = schedule.current().zones().stream().filter(z -> z.channelId().equals(id)).map(Zone::name)
			.toList();
		inUse(channel.name(), users);
		schedule.apply(plan -> new Plan(without(plan.channels(), id, OutputChannel::id), plan.zones(), plan.groups(),
				plan.holidays(), plan.slots(), plan.relays()), "channel.delete", id, channel.toString(), null);
	}

	public Zone saveZone(ZoneDraft draft, String existingId) {
		Zone zone = PlanDrafts.zone(draft, existingId);
		if (schedule.current().channel(zone.channelId()).isEmpty()) {
			throw new UserError(400, "unknown_channel", "schedule.edit.unknownChannel", zone.channelId())
				.withField("channel");
		}
		Optional<Zone> before = existing(existingId, Plan::zone);
		if (before.isEmpty()) {
			unusedId(zone.id(), schedule.current().isTarget(zone.id()));
		}
		schedule.apply(plan -> new Plan(plan.channels(), replace(plan.zones(), zone, Zone::id, existingId),
				plan.groups(), plan.holidays(), plan.slots(), plan.relays()), "zone.save", zone.id(),
				before.map(Object::toString).orElse(null), zone.toString());
		return zone;
	}

	public void deleteZone(String id) {
		Zone zone = found(id, Plan::zone);
		Plan plan = schedule.current();
		List<String> users = new ArrayList<>(plan.groups().stream().filter(g -> g.zoneIds().contains(id))
			.map(ZoneGroup::name).toList());
		plan.slots().stream().filter(s -> s.target().equals(id)).map(Slot::name).forEach(users::add);
		inUse(zone.name(), users);
		schedule.apply(p -> new Plan(p.channels(), without(p.zones(), id, Zone::id), p.groups(), p.holidays(),
				p.slots(), p.relays()), "zone.delete", id, zone.toString(), null);
	}

	public ZoneGroup saveGroup(GroupDraft draft, String existingId) {
		ZoneGroup group = PlanDrafts.group(draft, existingId);
		for (String zone : group.zoneIds()) {
			if (schedule.current().zone(zone).isEmpty()) {
				throw new UserError(400, "unknown_zone", "schedule.edit.unknownZone", zone).withField("zones");
			}
		}
		Optional<ZoneGroup> before = existing(existingId, Plan::group);
		if (before.isEmpty()) {
			unusedId(group.id(), schedule.current().isTarget(group.id()));
		}
		schedule.apply(plan -> new Plan(plan.channels(), plan.zones(),
				replace(plan.groups(), group, ZoneGroup::id, existingId), plan.holidays(), plan.slots(), plan.relays()), "group.save",
				group.id(), before.map(Object::toString).orElse(null), group.toString());
		return group;
	}

	public void deleteGroup(String id) {
		ZoneGroup group = found(id, Plan::group);
		inUse(group.name(), schedule.current().slots().stream().filter(s -> s.target().equals(id)).map(Slot::name)
			.toList());
		schedule.apply(p -> new Plan(p.channels(), p.zones(), without(p.groups(), id, ZoneGroup::id), p.holidays(),
				p.slots(), p.relays()), "group.delete", id, group.toString(), null);
	}

	public Relay saveRelay(RelayDraft draft, String existingId) {
		Relay relay = PlanDrafts.relay(draft, existingId);
		Optional<Relay> before = existing(existingId, Plan::relay);
		if (before.isEmpty() && schedule.current().relay(relay.id()).isPresent()) {
			throw new UserError(409, "duplicate_id", "schedule.edit.duplicate", relay.id()).withField("id");
		}
		schedule.apply(plan -> new Plan(plan.channels(), plan.zones(), plan.groups(), plan.holidays(), plan.slots(),
				replace(plan.relays(), relay, Relay::id, existingId)), "relay.save", relay.id(),
				before.map(Object::toString).orElse(null), relay.toString());
		return relay;
	}

	public void deleteRelay(String id) {
		Relay relay = found(id, Plan::relay);
		inUse(relay.name(), schedule.current().slots().stream().filter(s -> id.equals(s.relay())).map(Slot::name)
			.toList());
		schedule.apply(p -> new Plan(p.channels(), p.zones(), p.groups(), p.holidays(), p.slots(),
				without(p.relays(), id, Relay::id)), "relay.delete", id, relay.toString(), null);
	}

	/** The item being edited ({@code existingId} given): it must exist. Empty when creating. */
	private <T> Optional<T> existing(String existingId, java.util.function.BiFunction<Plan, String, Optional<T>> find) {
		if (existingId == null) {
			return Optional.empty();
		}
		return Optional.of(found(existingId, find));
	}

	private <T> T found(String id, java.util.function.BiFunction<Plan, String, Optional<T>> find) {
		return find.apply(schedule.current(), id)
			.orElseThrow(() -> new UserError(404, "not_found", "schedule.edit.notFound", id));
	}

	private static void unusedId(String id, boolean taken) {
		if (taken) {
			throw new UserError(409, "duplicate_id", "schedule.edit.duplicate", id).withField("id");
		}
	}

	private static void inUse(String name, List<String> users) {
		if (!users.isEmpty()) {
			throw new UserError(409, "in_use", "schedule.edit.inUse", name, String.join(", ", users));
		}
	}

	private static <T> List<T> replace(List<T> items, T item, Function<T, String> id, String existingId) {
		List<T> result = new ArrayList<>();
		boolean replaced = false;
		for (T t : items) {
			if (existingId != null && id.apply(t).equals(existingId)) {
				result.add(item);
				replaced = true;
			}
			else {
				result.add(t);
			}
		}
		if (!replaced) {
			result.add(item);
		}
		return result;
	}

	private static <T> List<T> without(List<T> items, String gone, Function<T, String> id) {
		return items.stream().filter(t -> !id.apply(t).equals(gone)).toList();
	}
}
