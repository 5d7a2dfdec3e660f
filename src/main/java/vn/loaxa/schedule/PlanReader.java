package vn.loaxa.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import vn.loaxa.media.Topic;
import vn.loaxa.web.Formats;

/**
 * Reads the plan files: {@code zones.yaml} (channels, zones, groups, holidays) and one file of
 * slots per zone or group. Every mistake is a {@link PlanError} naming the file and the line
 * (from SnakeYAML's marks); all of them are collected, nothing half-read is ever returned.
 */
class PlanReader {

	static final String ZONES_FILE = "zones.yaml";
	/** An id of a channel, zone or group: lower-case letters without accents, digits and dashes. */
	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	record Result(Plan plan, List<PlanError> errors) {
		boolean ok() {
			return errors.isEmpty();
		}
	}

	private final List<PlanError> errors = new ArrayList<>();
	private final PlanNodes nodes = new PlanNodes(errors);
	private final PlanValues values;

	PlanReader(Path mediaDir) {
		this.values = new PlanValues(nodes, errors, mediaDir);
	}

	/** Reads every plan file of a directory: zones.yaml first, then the slot files by name. */
	Result readDirectory(Path dir) {
		List<OutputChannel> channels = new ArrayList<>();
		List<Zone> zones = new ArrayList<>();
		List<ZoneGroup> groups = new ArrayList<>();
		Map<LocalDate, String> holidays = new TreeMap<>();
		List<Slot> slots = new ArrayList<>();
		List<Relay> relays = new ArrayList<>();
		Path zonesFile = dir.resolve(ZONES_FILE);
		if (!Files.isRegularFile(zonesFile)) {
			errors.add(new PlanError(ZONES_FILE, 0, "noZonesFile", dir.toAbsolutePath().toString()));
			return new Result(null, List.copyOf(errors));
		}
		readZones(ZONES_FILE, text(zonesFile), channels, zones, groups, holidays, relays);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(PlanReader::isYaml).sorted().toList()) {
				if (!file.getFileName().toString().equals(ZONES_FILE)) {
					slots.addAll(readSlots(file.getFileName().toString(), text(file)));
				}
			}
		}
		catch (IOException e) {
			errors.add(new PlanError(dir.toString(), 0, "unreadable", e.getMessage()));
		}
		return result(channels, zones, groups, holidays, slots, relays);
	}

	Result result(List<OutputChannel> channels, List<Zone> zones, List<ZoneGroup> groups,
			Map<LocalDate, String> holidays, List<Slot> slots, List<Relay> relays) {
		if (!errors.isEmpty()) {
			return new Result(null, List.copyOf(errors));
		}
		return new Result(new Plan(channels, zones, groups, holidays, slots, relays), List.of());
	}

	List<PlanError> errors() {
		return errors;
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	private String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			errors.add(new PlanError(file.getFileName().toString(), 0, "unreadable", e.getMessage()));
			return "";
		}
	}

	// ------------------------------------------------------------------ zones.yaml

	void readZones(String file, String text, List<OutputChannel> channels, List<Zone> zones, List<ZoneGroup> groups,
			Map<LocalDate, String> holidays, List<Relay> relays) {
		MappingNode root = nodes.document(file, text);
		if (root == null) {
			return;
		}
		Map<String, Node> top = nodes.fields(file, root, Set.of("channels", "zones", "groups", "holidays", "relays"));
		for (MappingNode item : nodes.items(file, top.get("channels"), root, "channels", true)) {
			Map<String, Node> f = nodes.fields(file, item, Set.of("id", "name", "output"));
			String id = id(file, item, f);
			String output = nodes.optional(file, f, "output");
			channels.add(new OutputChannel(id, orElse(nodes.optional(file, f, "name"), id), orElse(output, "default")));
		}
		for (MappingNode item : nodes.items(file, top.get("zones"), root, "zones", true)) {
			Map<String, Node> f = nodes.fields(file, item, Set.of("id", "name", "channel", "switch"));
			String id = id(file, item, f);
			String channel = nodes.required(file, item, f, "channel");
			List<String> on = List.of();
			List<String> off = List.of();
			Duration settle = Duration.ZERO;
			if (f.get("switch") instanceof MappingNode sw) {
				Map<String, Node> s = nodes.fields(file, sw, Set.of("on", "off", "settle"));
				on = nodes.strings(file, s.get("on"));
				off = nodes.strings(file, s.get("off"));
				settle = s.containsKey("settle") ? values.length(file, s.get("settle"), true) : Duration.ofSeconds(2);
			}
			else if (f.containsKey("switch")) {
				errors.add(nodes.error(file, f.get("switch"), "notMap", "switch"));
			}
			zones.add(new Zone(id, orElse(nodes.optional(file, f, "name"), id), channel, on, off, settle));
		}
		for (MappingNode item : nodes.items(file, top.get("groups"), root, "groups", false)) {
			Map<String, Node> f = nodes.fields(file, item, Set.of("id", "name", "zones"));
			String id = id(file, item, f);
			if (!f.containsKey("zones")) {
				errors.add(nodes.error(file, item, "missing", "zones"));
			}
			groups.add(new ZoneGroup(id, orElse(nodes.optional(file, f, "name"), id), nodes.strings(file, f.get("zones"))));
		}
		for (MappingNode item : nodes.items(file, top.get("relays"), root, "relays", false)) {
			Map<String, Node> f = nodes.fields(file, item, Set.of("id", "name", "urls", "input"));
			String id = id(file, item, f);
			List<String> urls = f.containsKey("urls") ? nodes.strings(file, f.get("urls")) : List.of();
			String input = nodes.optional(file, f, "input");
			relays.add(new Relay(id, orElse(nodes.optional(file, f, "name"), id), urls, input));
		}
		for (MappingNode item : nodes.items(file, top.get("holidays"), root, "holidays", false)) {
			Map<String, Node> f = nodes.fields(file, item, Set.of("date", "name"));
			LocalDate date = values.date(file, f.get("date"));
			if (!f.containsKey("date")) {
				errors.add(nodes.error(file, item, "missing", "date"));
			}
			if (date != null) {
				holidays.put(date, orElse(nodes.optional(file, f, "name"), ""));
			}
		}
	}

	// ------------------------------------------------------------------ slot files

	List<Slot> readSlots(String file, String text) {
		List<Slot> slots = new ArrayList<>();
		MappingNode root = nodes.document(file, text);
		if (root == null) {
			return slots;
		}
		Map<String, Node> top = nodes.fields(file, root, Set.of("target", "slots"));
		String target = nodes.required(file, root, top, "target");
		for (MappingNode item : nodes.items(file, top.get("slots"), root, "slots", true)) {
			Slot slot = slot(file, target, item);
			if (slot != null) {
				slots.add(slot);
			}
		}
		return slots;
	}

	/** One slot (from a file, or built from the web form); null, with {@link #errors()}, when refused. */
	Slot readSlot(String file, String target, MappingNode item) {
		if (target == null || target.isBlank()) {
			errors.add(nodes.error(file, item, "missing", "target"));
			return null;
		}
		return slot(file, target.trim(), item);
	}

	private Slot slot(String file, String target, MappingNode item) {
		int before = errors.size();
		Map<String, Node> f = nodes.fields(file, item, Set.of("name", "days", "dates", "start", "length", "topics", "intro",
				"outro", "validFrom", "validUntil", "except", "relay"));
		String name = nodes.required(file, item, f, "name");
		if (name != null && name.length() > Slot.MAX_NAME) {
			errors.add(nodes.error(file, f.get("name"), "nameLength", name.substring(0, 40) + "…", Slot.MAX_NAME));
			name = null;
		}
		LocalTime start = f.containsKey("start") ? values.time(file, f.get("start")) : null;
		if (!f.containsKey("start")) {
			errors.add(nodes.error(file, item, "missing", "start"));
		}
		Duration length = f.containsKey("length") ? values.length(file, f.get("length"), false) : null;
		if (!f.containsKey("length")) {
			errors.add(nodes.error(file, item, "missing", "length"));
		}
		Set<DayOfWeek> days = values.days(file, f.get("days"));
		TreeSet<LocalDate> dates = values.dates(file, f.get("dates"));
		if (days.isEmpty() && dates.isEmpty() && !f.containsKey("days") && !f.containsKey("dates")) {
			errors.add(nodes.error(file, item, "noDays"));
		}
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		if (f.get("topics") != null) {
			for (Node t : nodes.list(file, f.get("topics"))) {
				String value = nodes.scalar(file, t);
				try {
					topics.add(Topic.valueOf(value.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					errors.add(nodes.error(file, t, "topic", value));
				}
			}
		}
		String intro = values.tune(file, f.get("intro"));
		String outro = values.tune(file, f.get("outro"));
		LocalDate validFrom = values.date(file, f.get("validFrom"));
		LocalDate validUntil = values.date(file, f.get("validUntil"));
		if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
			errors.add(nodes.error(file, f.get("validUntil"), "validity", Formats.date(validFrom), Formats.date(validUntil)));
		}
		TreeSet<LocalDate> except = values.dates(file, f.get("except"));
		String relay = nodes.optional(file, f, "relay");
		if (relay != null && !relay.isBlank() && !ID.matcher(relay.trim()).matches()) {
			errors.add(nodes.error(file, f.get("relay"), "id", relay));
		}
		if (relay != null && !relay.isBlank() && !topics.isEmpty()) {
			errors.add(nodes.error(file, f.get("topics"), "relayTopics", name, relay.trim()));
		}
		if (errors.size() > before) {
			return null;
		}
		return new Slot(target, name, new SlotDays(days, dates, validFrom, validUntil, except, Set.of()), start, length,
				new SlotFill(topics, intro, outro, relay == null ? null : relay.trim()),
				new SlotSource(file, PlanNodes.line(item)));
	}

	private String id(String file, MappingNode item, Map<String, Node> f) {
		String id = nodes.required(file, item, f, "id");
		if (id != null && !ID.matcher(id).matches()) {
			errors.add(nodes.error(file, f.get("id"), "id", id));
		}
		return id;
	}

	private static String orElse(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	/** {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m}, or ISO-8601 {@code PT15M}; null when it is none. */
	static Duration parseLength(String text) {
		return PlanValues.parseLength(text);
	}
}
