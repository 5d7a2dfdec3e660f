package vn.loaxa.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import vn.loaxa.media.Topic;

/**
 * Reads the plan files: {@code zones.yaml} (channels, zones, groups, holidays) and one file of
 * slots per zone or group. Every mistake is a {@link PlanError} naming the file and the line
 * (from SnakeYAML's marks); all of them are collected, nothing half-read is ever returned.
 */
class PlanReader {

	static final String ZONES_FILE = "zones.yaml";
	/** An id of a channel, zone or group: lower-case letters without accents, digits and dashes. */
	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
	private static final Pattern LENGTH = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");
	private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	/** Strict: 31/02/2026 is refused, not quietly read as 28/02/2026. */
	private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	record Result(Plan plan, List<PlanError> errors) {
		boolean ok() {
			return errors.isEmpty();
		}
	}

	private final Path mediaDir;
	private final List<PlanError> errors = new ArrayList<>();
	/** The key each value node was read under, so every error names its field (the API's {@code field}). */
	private final Map<Node, String> fieldOf = new IdentityHashMap<>();

	PlanReader(Path mediaDir) {
		this.mediaDir = mediaDir;
	}

	/** Reads every plan file of a directory: zones.yaml first, then the slot files by name. */
	Result readDirectory(Path dir) {
		List<OutputChannel> channels = new ArrayList<>();
		List<Zone> zones = new ArrayList<>();
		List<ZoneGroup> groups = new ArrayList<>();
		Map<LocalDate, String> holidays = new TreeMap<>();
		List<Slot> slots = new ArrayList<>();
		Path zonesFile = dir.resolve(ZONES_FILE);
		if (!Files.isRegularFile(zonesFile)) {
			errors.add(new PlanError(ZONES_FILE, 0, "noZonesFile", dir.toAbsolutePath().toString()));
			return new Result(null, List.copyOf(errors));
		}
		readZones(ZONES_FILE, text(zonesFile), channels, zones, groups, holidays);
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
		return result(channels, zones, groups, holidays, slots);
	}

	Result result(List<OutputChannel> channels, List<Zone> zones, List<ZoneGroup> groups,
			Map<LocalDate, String> holidays, List<Slot> slots) {
		if (!errors.isEmpty()) {
			return new Result(null, List.copyOf(errors));
		}
		return new Result(new Plan(channels, zones, groups, holidays, slots), List.of());
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
			Map<LocalDate, String> holidays) {
		MappingNode root = document(file, text);
		if (root == null) {
			return;
		}
		Map<String, Node> top = fields(file, root, Set.of("channels", "zones", "groups", "holidays"));
		for (MappingNode item : items(file, top.get("channels"), root, "channels", true)) {
			Map<String, Node> f = fields(file, item, Set.of("id", "name", "output"));
			String id = id(file, item, f);
			String output = optional(file, f, "output");
			channels.add(new OutputChannel(id, orElse(optional(file, f, "name"), id), orElse(output, "default")));
		}
		for (MappingNode item : items(file, top.get("zones"), root, "zones", true)) {
			Map<String, Node> f = fields(file, item, Set.of("id", "name", "channel", "switch"));
			String id = id(file, item, f);
			String channel = required(file, item, f, "channel");
			List<String> on = List.of();
			List<String> off = List.of();
			Duration settle = Duration.ZERO;
			if (f.get("switch") instanceof MappingNode sw) {
				Map<String, Node> s = fields(file, sw, Set.of("on", "off", "settle"));
				on = strings(file, s.get("on"));
				off = strings(file, s.get("off"));
				settle = s.containsKey("settle") ? length(file, s.get("settle"), true) : Duration.ofSeconds(2);
			}
			else if (f.containsKey("switch")) {
				errors.add(error(file, f.get("switch"), "notMap", "switch"));
			}
			zones.add(new Zone(id, orElse(optional(file, f, "name"), id), channel, on, off, settle));
		}
		for (MappingNode item : items(file, top.get("groups"), root, "groups", false)) {
			Map<String, Node> f = fields(file, item, Set.of("id", "name", "zones"));
			String id = id(file, item, f);
			if (!f.containsKey("zones")) {
				errors.add(error(file, item, "missing", "zones"));
			}
			groups.add(new ZoneGroup(id, orElse(optional(file, f, "name"), id), strings(file, f.get("zones"))));
		}
		for (MappingNode item : items(file, top.get("holidays"), root, "holidays", false)) {
			Map<String, Node> f = fields(file, item, Set.of("date", "name"));
			LocalDate date = date(file, f.get("date"));
			if (!f.containsKey("date")) {
				errors.add(error(file, item, "missing", "date"));
			}
			if (date != null) {
				holidays.put(date, orElse(optional(file, f, "name"), ""));
			}
		}
	}

	// ------------------------------------------------------------------ slot files

	List<Slot> readSlots(String file, String text) {
		List<Slot> slots = new ArrayList<>();
		MappingNode root = document(file, text);
		if (root == null) {
			return slots;
		}
		Map<String, Node> top = fields(file, root, Set.of("target", "slots"));
		String target = required(file, root, top, "target");
		for (MappingNode item : items(file, top.get("slots"), root, "slots", true)) {
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
			errors.add(error(file, item, "missing", "target"));
			return null;
		}
		return slot(file, target.trim(), item);
	}

	private Slot slot(String file, String target, MappingNode item) {
		int before = errors.size();
		Map<String, Node> f = fields(file, item, Set.of("name", "days", "dates", "start", "length", "topics", "intro",
				"outro", "validFrom", "validUntil", "except"));
		String name = required(file, item, f, "name");
		if (name != null && name.length() > Slot.MAX_NAME) {
			errors.add(error(file, f.get("name"), "nameLength", name.substring(0, 40) + "…", Slot.MAX_NAME));
			name = null;
		}
		LocalTime start = f.containsKey("start") ? time(file, f.get("start")) : null;
		if (!f.containsKey("start")) {
			errors.add(error(file, item, "missing", "start"));
		}
		Duration length = f.containsKey("length") ? length(file, f.get("length"), false) : null;
		if (!f.containsKey("length")) {
			errors.add(error(file, item, "missing", "length"));
		}
		Set<DayOfWeek> days = days(file, f.get("days"));
		TreeSet<LocalDate> dates = dates(file, f.get("dates"));
		if (days.isEmpty() && dates.isEmpty() && !f.containsKey("days") && !f.containsKey("dates")) {
			errors.add(error(file, item, "noDays"));
		}
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		if (f.get("topics") != null) {
			for (Node t : list(file, f.get("topics"))) {
				String value = scalar(file, t);
				try {
					topics.add(Topic.valueOf(value.trim().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException e) {
					errors.add(error(file, t, "topic", value));
				}
			}
		}
		String intro = tune(file, f.get("intro"));
		String outro = tune(file, f.get("outro"));
		LocalDate validFrom = date(file, f.get("validFrom"));
		LocalDate validUntil = date(file, f.get("validUntil"));
		if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
			errors.add(error(file, f.get("validUntil"), "validity", format(validFrom), format(validUntil)));
		}
		TreeSet<LocalDate> except = dates(file, f.get("except"));
		if (errors.size() > before) {
			return null;
		}
		return new Slot(target, name, new SlotDays(days, dates, validFrom, validUntil, except, Set.of()), start, length,
				new SlotFill(topics, intro, outro), new SlotSource(file, line(item)));
	}

	// ------------------------------------------------------------------ values

	LocalTime time(String file, Node node) {
		String value = scalar(file, node);
		if (value == null) {
			return null;
		}
		String v = value.trim();
		if (v.matches("24:00(:00)?")) {
			errors.add(error(file, node, "start24", v));
			return null;
		}
		try {
			if (!v.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
				throw new DateTimeParseException(v, v, 0);
			}
			return LocalTime.parse(v.length() == 4 || v.length() == 7 ? "0" + v : v);
		}
		catch (DateTimeParseException e) {
			errors.add(error(file, node, "start", v));
			return null;
		}
	}

	Duration length(String file, Node node, boolean zeroAllowed) {
		String value = scalar(file, node);
		if (value == null) {
			return null;
		}
		Duration length = parseLength(value);
		if (length == null) {
			errors.add(error(file, node, "length", value));
			return null;
		}
		if ((!zeroAllowed && length.isZero()) || length.compareTo(Slot.MAX_LENGTH) > 0) {
			errors.add(error(file, node, "lengthRange", value));
			return null;
		}
		return length;
	}

	/** {@code 90s}, {@code 15m}, {@code 1h}, {@code 1h30m}, or ISO-8601 {@code PT15M}. */
	static Duration parseLength(String text) {
		String v = text.trim().toLowerCase(Locale.ROOT);
		if (v.startsWith("pt")) {
			try {
				Duration d = Duration.parse(v.toUpperCase(Locale.ROOT));
				return d.isNegative() ? null : d;
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
		Matcher m = LENGTH.matcher(v);
		if (v.isEmpty() || !m.matches()) {
			return null;
		}
		long seconds = 0;
		seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
		seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
		seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
		return Duration.ofSeconds(seconds);
	}

	private Set<DayOfWeek> days(String file, Node node) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		if (node == null) {
			return days;
		}
		if (node instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("daily")) {
			return EnumSet.allOf(DayOfWeek.class);
		}
		for (Node d : list(file, node)) {
			String value = scalar(file, d);
			DayOfWeek day = day(value);
			if (day == null) {
				errors.add(error(file, d, "day", value));
			}
			else {
				days.add(day);
			}
		}
		return days;
	}

	static DayOfWeek day(String value) {
		if (value == null) {
			return null;
		}
		String v = value.trim().toUpperCase(Locale.ROOT);
		for (DayOfWeek d : DayOfWeek.values()) {
			if (d.name().startsWith(v) && v.length() >= 2) {
				return d;
			}
		}
		return switch (v) {
			case "T2" -> DayOfWeek.MONDAY;
			case "T3" -> DayOfWeek.TUESDAY;
			case "T4" -> DayOfWeek.WEDNESDAY;
			case "T5" -> DayOfWeek.THURSDAY;
			case "T6" -> DayOfWeek.FRIDAY;
			case "T7" -> DayOfWeek.SATURDAY;
			case "CN" -> DayOfWeek.SUNDAY;
			default -> null;
		};
	}

	private TreeSet<LocalDate> dates(String file, Node node) {
		TreeSet<LocalDate> dates = new TreeSet<>();
		if (node != null) {
			for (Node d : list(file, node)) {
				LocalDate date = date(file, d);
				if (date != null) {
					dates.add(date);
				}
			}
		}
		return dates;
	}

	LocalDate date(String file, Node node) {
		String value = scalar(file, node);
		if (value == null) {
			return null;
		}
		try {
			String v = value.trim();
			return v.contains("/") ? LocalDate.parse(v, TYPED_DATE) : LocalDate.parse(v);
		}
		catch (DateTimeParseException e) {
			errors.add(error(file, node, "date", value));
			return null;
		}
	}

	private String tune(String file, Node node) {
		String value = scalar(file, node);
		if (value == null || value.isBlank()) {
			return null;
		}
		String name = value.trim();
		if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.length() > 200
				|| name.chars().anyMatch(Character::isISOControl)) {
			// a path, an over-long name or a control character (NUL) cannot name a file in media/
			errors.add(error(file, node, "tune", name.length() > 40 ? name.substring(0, 40) + "…" : name));
			return null;
		}
		if (mediaDir != null && !Files.isRegularFile(mediaDir.resolve(name))) {
			errors.add(error(file, node, "tune", name));
			return null;
		}
		return name;
	}

	// ------------------------------------------------------------------ YAML nodes with lines

	private MappingNode document(String file, String text) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int tab = lines[i].indexOf('\t');
			if (tab >= 0) {
				errors.add(new PlanError(file, i + 1, "tab", tab + 1));
				return null;
			}
		}
		Node root;
		try (Reader reader = new StringReader(text)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
					: e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
			errors.add(new PlanError(file, line, "syntax", e.getProblem() == null ? e.getMessage() : e.getProblem()));
			return null;
		}
		catch (YAMLException | IOException e) {
			errors.add(new PlanError(file, 0, "syntax", e.getMessage()));
			return null;
		}
		if (root == null) {
			errors.add(new PlanError(file, 1, "emptyFile"));
			return null;
		}
		if (!(root instanceof MappingNode map)) {
			errors.add(error(file, root, "notMap", file));
			return null;
		}
		return map;
	}

	private Map<String, Node> fields(String file, MappingNode node, Set<String> known) {
		Map<String, Node> result = new LinkedHashMap<>();
		for (NodeTuple tuple : node.getValue()) {
			String key = scalar(file, tuple.getKeyNode());
			if (key == null) {
				continue;
			}
			fieldOf.put(tuple.getKeyNode(), key);
			if (!known.contains(key)) {
				errors.add(error(file, tuple.getKeyNode(), "unknownField", key, String.join(", ", new TreeSet<>(known))));
				continue;
			}
			if (result.containsKey(key)) {
				errors.add(error(file, tuple.getKeyNode(), "duplicateField", key));
				continue;
			}
			result.put(key, tuple.getValueNode());
			mark(key, tuple.getValueNode());
		}
		return result;
	}

	private void mark(String key, Node value) {
		fieldOf.put(value, key);
		if (value instanceof SequenceNode seq) {
			seq.getValue().forEach(item -> fieldOf.putIfAbsent(item, key));
		}
	}

	private List<MappingNode> items(String file, Node node, Node parent, String field, boolean required) {
		List<MappingNode> result = new ArrayList<>();
		if (node == null) {
			if (required) {
				errors.add(error(file, parent, "missing", field));
			}
			return result;
		}
		for (Node item : list(file, node)) {
			if (item instanceof MappingNode map) {
				result.add(map);
			}
			else {
				errors.add(error(file, item, "notMap", field));
			}
		}
		return result;
	}

	private List<Node> list(String file, Node node) {
		if (node instanceof SequenceNode seq) {
			return seq.getValue();
		}
		if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
			return List.of(node);
		}
		if (node instanceof ScalarNode) {
			return List.of();
		}
		errors.add(error(file, node, "notList"));
		return List.of();
	}

	private List<String> strings(String file, Node node) {
		if (node == null) {
			return List.of();
		}
		return list(file, node).stream().map(n -> scalar(file, n)).filter(s -> s != null && !s.isBlank()).toList();
	}

	private String scalar(String file, Node node) {
		if (node == null) {
			return null;
		}
		if (node instanceof ScalarNode s) {
			return s.getValue();
		}
		errors.add(error(file, node, "notValue"));
		return null;
	}

	private String id(String file, MappingNode item, Map<String, Node> f) {
		String id = required(file, item, f, "id");
		if (id != null && !ID.matcher(id).matches()) {
			errors.add(error(file, f.get("id"), "id", id));
		}
		return id;
	}

	private String required(String file, Node parent, Map<String, Node> f, String field) {
		String value = optional(file, f, field);
		if (value == null || value.isBlank()) {
			errors.add(error(file, f.containsKey(field) ? f.get(field) : parent, "missing", field));
			return null;
		}
		return value.trim();
	}

	private String optional(String file, Map<String, Node> f, String field) {
		String value = scalar(file, f.get(field));
		return value == null ? null : value.trim();
	}

	private static String orElse(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	static int line(Node node) {
		return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private PlanError error(String file, Node node, String code, Object... details) {
		PlanError error = new PlanError(file, line(node), code, details);
		String field = "missing".equals(code) && details.length > 0 ? String.valueOf(details[0]) : fieldOf.get(node);
		if (field != null) {
			error.withField(field);
		}
		return error;
	}

	static String format(LocalDate date) {
		return date == null ? "" : VN_DATE.format(date);
	}
}
