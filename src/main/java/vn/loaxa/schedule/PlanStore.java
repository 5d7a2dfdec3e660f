package vn.loaxa.schedule;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.loaxa.media.Topic;

/** The plan in the database, the running truth: read at start, replaced as a whole on reload or edit. */
@Repository
class PlanStore {

	private final JdbcTemplate jdbc;
	private final ObjectMapper json = new ObjectMapper();

	PlanStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Plan load() {
		List<OutputChannel> channels = jdbc.query("SELECT id, name, output FROM schedule_channel ORDER BY position",
				(rs, i) -> new OutputChannel(rs.getString(1), rs.getString(2), rs.getString(3)));
		List<Zone> zones = jdbc.query(
				"SELECT id, name, channel_id, switch_on, switch_off, settle_ms FROM schedule_zone ORDER BY position",
				(rs, i) -> new Zone(rs.getString(1), rs.getString(2), rs.getString(3), list(rs.getString(4)),
						list(rs.getString(5)), Duration.ofMillis(rs.getLong(6))));
		List<ZoneGroup> groups = jdbc.query("SELECT id, name, zones FROM schedule_group ORDER BY position",
				(rs, i) -> new ZoneGroup(rs.getString(1), rs.getString(2), split(rs.getString(3))));
		Map<LocalDate, String> holidays = new LinkedHashMap<>();
		jdbc.query("SELECT holiday_date, name FROM schedule_holiday ORDER BY holiday_date",
				rs -> { holidays.put(rs.getDate(1).toLocalDate(), rs.getString(2)); });
		List<Slot> slots = jdbc.query("""
				SELECT target, name, days, dates, start_time, length_s, topics, intro, outro, valid_from, valid_until,
				       except_dates, source_file, position, relay
				FROM schedule_slot ORDER BY source_file, position""", (rs, i) -> new Slot(rs.getString(1),
				rs.getString(2), new SlotDays(days(rs.getString(3)), dates(rs.getString(4)), local(rs.getDate(10)),
						local(rs.getDate(11)), dates(rs.getString(12)), Set.of()),
				LocalTime.parse(rs.getString(5)), Duration.ofSeconds(rs.getLong(6)),
				new SlotFill(topics(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(15)),
				new SlotSource(rs.getString(13), rs.getInt(14))));
		List<Relay> relays = jdbc.query("SELECT id, name, urls, input FROM schedule_relay ORDER BY position",
				(rs, i) -> new Relay(rs.getString(1), rs.getString(2), list(rs.getString(3)), rs.getString(4)));
		return new Plan(channels, zones, groups, holidays, slots, relays);
	}

	@Transactional
	void replace(Plan plan) {
		jdbc.update("DELETE FROM schedule_slot");
		jdbc.update("DELETE FROM schedule_relay");
		jdbc.update("DELETE FROM schedule_holiday");
		jdbc.update("DELETE FROM schedule_group");
		jdbc.update("DELETE FROM schedule_zone");
		jdbc.update("DELETE FROM schedule_channel");
		int i = 0;
		for (OutputChannel c : plan.channels()) {
			jdbc.update("INSERT INTO schedule_channel (id, name, output, position) VALUES (?, ?, ?, ?)", c.id(),
					c.name(), c.output(), i++);
		}
		for (Zone z : plan.zones()) {
			jdbc.update("""
					INSERT INTO schedule_zone (id, name, channel_id, switch_on, switch_off, settle_ms, position)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", z.id(), z.name(), z.channelId(), text(z.switchOn()),
					text(z.switchOff()), z.settle().toMillis(), i++);
		}
		for (ZoneGroup g : plan.groups()) {
			jdbc.update("INSERT INTO schedule_group (id, name, zones, position) VALUES (?, ?, ?, ?)", g.id(), g.name(),
					String.join(",", g.zoneIds()), i++);
		}
		for (Relay r : plan.relays()) {
			jdbc.update("INSERT INTO schedule_relay (id, name, urls, input, position) VALUES (?, ?, ?, ?, ?)", r.id(),
					r.name(), text(r.urls()), r.input(), i++);
		}
		plan.holidays().forEach((day, name) -> jdbc
			.update("INSERT INTO schedule_holiday (holiday_date, name) VALUES (?, ?)", Date.valueOf(day), name));
		for (Slot s : plan.slots()) {
			jdbc.update("""
					INSERT INTO schedule_slot (slot_key, target, name, days, dates, start_time, length_s, topics, intro,
					    outro, valid_from, valid_until, except_dates, source_file, position, relay)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", s.key(), s.target(), s.name(),
					s.days().stream().map(DayOfWeek::name).collect(Collectors.joining(",")), join(s.dates()),
					s.start().toString(), s.length().toSeconds(),
					s.topics().stream().map(Topic::name).collect(Collectors.joining(",")), s.intro(), s.outro(),
					sql(s.validFrom()), sql(s.validUntil()), join(s.except()), s.file(), s.line(), s.relay());
		}
	}

	private String text(List<String> args) {
		if (args.isEmpty()) {
			return null;
		}
		try {
			return json.writeValueAsString(args);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<String> list(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		try {
			return json.readValue(text, new TypeReference<List<String>>() { });
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<String> split(String csv) {
		return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
	}

	private static Set<DayOfWeek> days(String csv) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		split(csv).forEach(d -> days.add(DayOfWeek.valueOf(d)));
		return days;
	}

	private static Set<Topic> topics(String csv) {
		Set<Topic> topics = EnumSet.noneOf(Topic.class);
		split(csv).forEach(t -> topics.add(Topic.valueOf(t)));
		return topics;
	}

	private static TreeSet<LocalDate> dates(String csv) {
		TreeSet<LocalDate> dates = new TreeSet<>();
		split(csv).forEach(d -> dates.add(LocalDate.parse(d)));
		return dates;
	}

	private static String join(Collection<LocalDate> dates) {
		return dates.isEmpty() ? null : dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
	}

	private static Date sql(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static LocalDate local(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	static List<Slot> sorted(List<Slot> slots) {
		return new ArrayList<>(slots);
	}
}
