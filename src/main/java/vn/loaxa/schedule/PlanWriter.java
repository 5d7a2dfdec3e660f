package vn.loaxa.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the plan back as YAML files in the format the reader takes (docs/schedule-files.md). The
 * plan becomes maps and lists and SnakeYAML writes them, so quoting (a name with a colon, "yes", a
 * quote mark) is the library's, not ours; short lists stay on one line, as people write them.
 */
final class PlanWriter {

	private static final String ZONES_HEADER = "# Kênh phát, vùng loa và nhóm vùng (xuất từ LoaXa)\n";
	private static final String SLOTS_HEADER = "# Khung giờ phát (xuất từ LoaXa)\n";

	private PlanWriter() {
	}

	/** File name → YAML text: zones.yaml, then one file per slot file of the plan. */
	static Map<String, String> write(Plan plan) {
		Yaml yaml = yaml();
		Map<String, String> files = new LinkedHashMap<>();
		files.put(PlanReader.ZONES_FILE, ZONES_HEADER + yaml.dump(zones(plan)));
		Map<String, List<Slot>> byFile = plan.slots().stream()
			.collect(Collectors.groupingBy(Slot::file, LinkedHashMap::new, Collectors.toList()));
		byFile.forEach((file, slots) -> files.put(file, SLOTS_HEADER + yaml.dump(slots(slots))));
		return files;
	}

	private static Map<String, Object> zones(Plan plan) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("channels", each(plan.channels(), c -> fields("id", c.id(), "name", c.name(), "output", c.output())));
		file.put("zones", each(plan.zones(), PlanWriter::zone));
		if (!plan.groups().isEmpty()) {
			file.put("groups", each(plan.groups(),
					g -> fields("id", g.id(), "name", g.name(), "zones", new Inline(g.zoneIds()))));
		}
		if (!plan.relays().isEmpty()) {
			file.put("relays", each(plan.relays(), PlanWriter::relay));
		}
		if (!plan.holidays().isEmpty()) {
			file.put("holidays", each(plan.holidays().entrySet(), h -> fields("date", h.getKey(), "name", h.getValue())));
		}
		return file;
	}

	private static Map<String, Object> zone(Zone z) {
		Map<String, Object> zone = fields("id", z.id(), "name", z.name(), "channel", z.channelId());
		if (z.hasSwitchCommand()) {
			zone.put("switch", fields("on", new Inline(z.switchOn()), "off", new Inline(z.switchOff()), "settle",
					length(z.settle())));
		}
		return zone;
	}

	private static Map<String, Object> relay(Relay r) {
		Map<String, Object> relay = fields("id", r.id(), "name", r.name());
		if (!r.urls().isEmpty()) {
			relay.put("urls", new ArrayList<>(r.urls()));
		}
		putValue(relay, "input", r.input());
		return relay;
	}

	private static Map<String, Object> slots(List<Slot> slots) {
		return fields("target", slots.get(0).target(), "slots", each(slots, PlanWriter::slot));
	}

	/** The slot's text as {@link SlotDraft#of} writes it; its dates as dates, so they are written bare. */
	private static Map<String, Object> slot(Slot s) {
		SlotDraft text = SlotDraft.of(s);
		Map<String, Object> slot = fields("name", s.name());
		putList(slot, "days", text.days());
		putList(slot, "dates", s.dates());
		slot.put("start", new Quoted(text.start()));
		slot.put("length", text.length());
		putList(slot, "topics", text.topics());
		putValue(slot, "intro", s.intro());
		putValue(slot, "outro", s.outro());
		putValue(slot, "relay", s.relay());
		putValue(slot, "validFrom", s.validFrom());
		putValue(slot, "validUntil", s.validUntil());
		putList(slot, "except", s.except());
		return slot;
	}

	private static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static <T> List<Object> each(Collection<T> items, Function<T, Object> asYaml) {
		return items.stream().map(asYaml).collect(Collectors.toCollection(ArrayList::new));
	}

	private static void putValue(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static void putList(Map<String, Object> map, String key, Collection<?> items) {
		if (!items.isEmpty()) {
			map.put(key, new Inline(List.copyOf(items)));
		}
	}

	static String length(Duration d) {
		long s = d.toSeconds();
		if (s == 0) {
			return "0s";
		}
		StringBuilder text = new StringBuilder();
		if (s >= 3600) {
			text.append(s / 3600).append('h');
		}
		if (s % 3600 >= 60) {
			text.append(s % 3600 / 60).append('m');
		}
		if (s % 60 > 0) {
			text.append(s % 60).append('s');
		}
		return text.toString();
	}

	/** A list written on one line: {@code [MON, TUE]}. */
	private record Inline(List<?> items) {
	}

	/** A value always in double quotes ("05:30"), as the format documents a start time. */
	private record Quoted(String text) {
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(new PlanRepresenter(options), options);
	}

	private static final class PlanRepresenter extends Representer {

		PlanRepresenter(DumperOptions options) {
			super(options);
			representers.put(Inline.class, data -> representSequence(Tag.SEQ, ((Inline) data).items(),
					DumperOptions.FlowStyle.FLOW));
			representers.put(Quoted.class, data -> representScalar(Tag.STR, ((Quoted) data).text(),
					DumperOptions.ScalarStyle.DOUBLE_QUOTED));
			// a date as it is typed (2026-09-02), not quoted and not a timestamp with a time
			representers.put(LocalDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
		}
	}
}
