package vn.loaxa.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.loaxa.media.Topic;

/** Writes the plan back as YAML files in the format the reader takes (docs/schedule-files.md). */
final class PlanWriter {

	private PlanWriter() {
	}

	/** File name → YAML text: zones.yaml, then one file per slot file of the plan. */
	static Map<String, String> write(Plan plan) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(PlanReader.ZONES_FILE, zones(plan));
		Map<String, List<Slot>> byFile = plan.slots().stream()
			.collect(Collectors.groupingBy(Slot::file, LinkedHashMap::new, Collectors.toList()));
		byFile.forEach((file, slots) -> files.put(file, slots(slots)));
		return files;
	}

	private static String zones(Plan plan) {
		StringBuilder y = new StringBuilder("# Kênh phát, vùng loa và nhóm vùng (xuất từ LoaXa)\nchannels:\n");
		for (OutputChannel c : plan.channels()) {
			y.append("  - id: ").append(c.id()).append('\n');
			y.append("    name: ").append(q(c.name())).append('\n');
			y.append("    output: ").append(q(c.output())).append('\n');
		}
		y.append("zones:\n");
		for (Zone z : plan.zones()) {
			y.append("  - id: ").append(z.id()).append('\n');
			y.append("    name: ").append(q(z.name())).append('\n');
			y.append("    channel: ").append(z.channelId()).append('\n');
			if (z.hasSwitchCommand()) {
				y.append("    switch:\n");
				y.append("      on: ").append(list(z.switchOn())).append('\n');
				y.append("      off: ").append(list(z.switchOff())).append('\n');
				y.append("      settle: ").append(length(z.settle())).append('\n');
			}
		}
		if (!plan.groups().isEmpty()) {
			y.append("groups:\n");
			for (ZoneGroup g : plan.groups()) {
				y.append("  - id: ").append(g.id()).append('\n');
				y.append("    name: ").append(q(g.name())).append('\n');
				y.append("    zones: ").append(list(g.zoneIds())).append('\n');
			}
		}
		if (!plan.holidays().isEmpty()) {
			y.append("holidays:\n");
			plan.holidays().forEach((day, name) -> y.append("  - date: ").append(day).append('\n')
				.append("    name: ").append(q(name)).append('\n'));
		}
		return y.toString();
	}

	private static String slots(List<Slot> slots) {
		StringBuilder y = new StringBuilder("# Khung giờ phát (xuất từ LoaXa)\ntarget: ").append(slots.get(0).target())
			.append("\nslots:\n");
		for (Slot s : slots) {
			y.append("  - name: ").append(q(s.name())).append('\n');
			if (s.isWeekly()) {
				y.append("    days: ").append(list(s.days().stream().map(PlanWriter::day).toList())).append('\n');
			}
			if (!s.dates().isEmpty()) {
				y.append("    dates: ").append(dates(s.dates())).append('\n');
			}
			y.append("    start: \"").append(time(s)).append("\"\n");
			y.append("    length: ").append(length(s.length())).append('\n');
			if (!s.topics().isEmpty()) {
				y.append("    topics: ").append(list(s.topics().stream().map(Topic::name).toList())).append('\n');
			}
			if (s.intro() != null) {
				y.append("    intro: ").append(q(s.intro())).append('\n');
			}
			if (s.outro() != null) {
				y.append("    outro: ").append(q(s.outro())).append('\n');
			}
			if (s.validFrom() != null) {
				y.append("    validFrom: ").append(s.validFrom()).append('\n');
			}
			if (s.validUntil() != null) {
				y.append("    validUntil: ").append(s.validUntil()).append('\n');
			}
			if (!s.except().isEmpty()) {
				y.append("    except: ").append(dates(s.except())).append('\n');
			}
		}
		return y.toString();
	}

	private static String time(Slot s) {
		String t = s.start().toString();
		return t.length() > 8 ? t.substring(0, 8) : t;
	}

	private static String day(DayOfWeek d) {
		return d.name().substring(0, 3);
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

	private static String dates(Collection<LocalDate> dates) {
		return dates.stream().map(LocalDate::toString).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String list(Collection<String> items) {
		return items.stream().map(PlanWriter::q).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String q(String text) {
		if (text == null) {
			return "\"\"";
		}
		if (text.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && !text.matches("(?i)(true|false|yes|no|on|off|null|~)")) {
			return text;
		}
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
