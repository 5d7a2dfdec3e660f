package vn.loaxa.report;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.loaxa.config.UserError;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/** The plans and their targets, per plan year. */
@Service
public class PlanTargets {

	static final int MAX_NAME = 200;

	private final JdbcTemplate jdbc;
	private final vn.loaxa.schedule.Schedule schedule;

	PlanTargets(JdbcTemplate jdbc, vn.loaxa.schedule.Schedule schedule) {
		this.jdbc = jdbc;
		this.schedule = schedule;
	}

	/** The relays of the plan in force, that a target of relayed minutes may name. */
	public List<vn.loaxa.schedule.Relay> relays() {
		return schedule.current().relays();
	}

	/** The plan of a year, with its targets in order; empty if the commune has none for that year. */
	public Optional<Plan> plan(int year) {
		List<String> names = jdbc.queryForList("SELECT name FROM report_plan WHERE plan_year = ?", String.class, year);
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Plan(year, names.get(0), targets(year)));
	}

	public List<Integer> years() {
		return jdbc.queryForList("SELECT plan_year FROM report_plan ORDER BY plan_year DESC", Integer.class);
	}

	public List<PlanTarget> targets(int year) {
		return jdbc.query("SELECT * FROM plan_target WHERE plan_year = ? ORDER BY position, id", MAPPER, year);
	}

	public Optional<PlanTarget> target(long id) {
		return jdbc.query("SELECT * FROM plan_target WHERE id = ?", MAPPER, id).stream().findFirst();
	}

	/** Creates or renames the plan of a year. */
	@Transactional
	public void savePlan(int year, String name) {
		checkYear(year);
		String clean = name(name, "report.error.planName");
		if (jdbc.update("UPDATE report_plan SET name = ? WHERE plan_year = ?", clean, year) == 0) {
			jdbc.update("INSERT INTO report_plan (plan_year, name) VALUES (?, ?)", year, clean);
		}
	}

	/** The plan's number and date as the PDF cites it ("số 45/KH-UBND ngày 15/01/2026"). */
	public record PlanDocument(String number, java.time.LocalDate date) {

		/** "Kế hoạch số 45/KH-UBND ngày 15/01/2026", or empty when neither is set. */
		public String citation() {
			if ((number == null || number.isBlank()) && date == null) {
				return "";
			}
			return "Kế hoạch" + (number == null || number.isBlank() ? "" : " số " + number)
					+ (date == null ? "" : " ngày " + vn.loaxa.web.Formats.date(date));
		}
	}

	public PlanDocument document(int year) {
		return jdbc.query("SELECT plan_number, plan_date FROM report_plan WHERE plan_year = ?",
				(rs, n) -> new PlanDocument(rs.getString(1), rs.getObject(2, java.time.LocalDate.class)), year)
			.stream()
			.findFirst()
			.orElse(new PlanDocument("", null));
	}

	/** Creates or renames the plan of a year with its number and date (dd/MM/yyyy, may be blank); all or nothing. */
	@Transactional
	public void savePlan(int year, String name, String number, String date) {
		String cleanNumber = number == null ? "" : number.strip();
		if (cleanNumber.length() > 100 || cleanNumber.matches("(?s).*<\\s*/?\\s*[a-zA-Z!?].*")
				|| cleanNumber.chars().anyMatch(c -> c < 0x20)) {
			throw new UserError(400, "invalid_plan_number", "report.error.planNumber", 100);
		}
		java.time.LocalDate day = vn.loaxa.web.Formats.parseDate(date);
		savePlan(year, name);
		jdbc.update("UPDATE report_plan SET plan_number = ?, plan_date = ? WHERE plan_year = ?", cleanNumber, day, year);
	}

	/** Adds a target (id null) or changes one; the plan of its year must exist. */
	@Transactional
	public PlanTarget save(PlanTarget target) {
		checkYear(target.planYear());
		String name = name(target.name(), "report.error.targetName");
		if (target.planned() < 0) {
			throw new UserError(400, "invalid_target", "report.error.targetCount", String.valueOf(target.planned()));
		}
		if (plan(target.planYear()).isEmpty()) {
			throw new UserError(400, "no_plan", "report.error.noPlan", target.planYear());
		}
		checkRelay(target);
		if (target.id() == null) {
			Integer last = jdbc.queryForObject("SELECT COALESCE(MAX(position), 0) FROM plan_target WHERE plan_year = ?",
					Integer.class, target.planYear());
			jdbc.update("INSERT INTO plan_target (plan_year, name, planned, per_month, kinds, topics, measure, position, "
					+ "relay) VALUES (?,?,?,?,?,?,?,?,?)", target.planYear(), name, target.planned(), target.perMonth(),
					PlanTarget.join(target.kinds()), PlanTarget.join(target.topics()), target.measure().name(),
					last == null ? 1 : last + 1, target.relay());
			Long id = jdbc.queryForObject("SELECT MAX(id) FROM plan_target WHERE plan_year = ?", Long.class,
					target.planYear());
			return target(id).orElseThrow();
		}
		int changed = jdbc.update("UPDATE plan_target SET plan_year = ?, name = ?, planned = ?, per_month = ?, kinds = ?, "
				+ "topics = ?, measure = ?, relay = ? WHERE id = ?", target.planYear(), name, target.planned(),
				target.perMonth(), PlanTarget.join(target.kinds()), PlanTarget.join(target.topics()),
				target.measure().name(), target.relay(), target.id());
		if (changed == 0) {
			throw new UserError(404, "target_not_found", "report.error.targetNotFound", target.id());
		}
		return target(target.id()).orElseThrow();
	}

	/**
	 * A target's relay must be one of the plan in force, or the one it already counted (a relay retired
	 * since stays countable for the year's past).
	 */
	private void checkRelay(PlanTarget target) {
		String relay = target.relay();
		if (relay == null || schedule.current().relay(relay).isPresent()
				|| target.id() != null && target(target.id()).map(t -> relay.equals(t.relay())).orElse(false)) {
			return;
		}
		throw new UserError(400, "unknown_relay", "report.error.unknownRelay", relay).withField("relay");
	}

	@Transactional
	public void delete(long id) {
		if (jdbc.update("DELETE FROM plan_target WHERE id = ?", id) == 0) {
			throw new UserError(404, "target_not_found", "report.error.targetNotFound", id);
		}
	}

	/** Reads a typed count: digits only, 0 or more; anything else is a UserError with the text shown. */
	public static int parseCount(String text) {
		String value = text == null ? "" : text.strip();
		if (!value.matches("\\d{1,7}")) {
			String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
			throw new UserError(400, "invalid_target", "report.error.targetCount", shown);
		}
		return Integer.parseInt(value);
	}

	private static void checkYear(int year) {
		if (year < ReportPeriod.MIN_YEAR || year > ReportPeriod.MAX_YEAR) {
			throw new UserError(400, "invalid_year", "report.error.year", String.valueOf(year));
		}
	}

	private static String name(String text, String messageKey) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty() || value.length() > MAX_NAME) {
			throw new UserError(400, "invalid_name", messageKey, MAX_NAME);
		}
		return value;
	}

	private static final RowMapper<PlanTarget> MAPPER = (rs, n) -> new PlanTarget(rs.getLong("id"),
			rs.getInt("plan_year"), rs.getString("name"), rs.getInt("planned"), rs.getBoolean("per_month"),
			PlanTarget.split(ClipKind.class, rs.getString("kinds")), PlanTarget.split(Topic.class, rs.getString("topics")),
			Measure.valueOf(rs.getString("measure")), rs.getInt("position"), rs.getString("relay"));

}
