package vn.loaxa.district;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.report.Plan;
import vn.loaxa.report.PlanTarget;
import vn.loaxa.report.ReportFigures;
import vn.loaxa.report.ReportPeriod;

/**
 * The district's report for a period, summed from the records the communes' verified bundles
 * brought, with the commune report's rules: only PLAYED counts as an airing, distinct clips by id,
 * minutes of played time, the other outcomes apart, a corrected record replaced by its correction.
 */
@Service
public class DistrictReports {

	/** {@code plan}: the name of the commune's plan for the period's year, null when it sent none. */
	public record CommuneRow(String commune, String name, ReportFigures.Totals totals, List<ReportFigures.KindRow> byKind,
			List<ReportFigures.TopicRow> byTopic, String plan, List<ReportFigures.TargetRow> targets,
			Instant lastRecordAt) {
	}

	public record Missing(String commune, String name) {
	}

	public record DistrictReport(ReportFigures.Period period, List<CommuneRow> communes, ReportFigures.Totals totals,
			List<Missing> missing) {
	}

	private record Group(String clipKey, ClipKind kind, Topic topic, long airings, long playedMs, long onTime) {
	}

	private final JdbcTemplate jdbc;
	private final HubStore store;
	private final LoaxaClock clock;

	DistrictReports(JdbcTemplate jdbc, HubStore store, LoaxaClock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	public DistrictReport compute(ReportPeriod period) {
		Instant from = period.from().atStartOfDay(clock.zone()).toInstant();
		Instant to = period.to().plusDays(1).atStartOfDay(clock.zone()).toInstant();
		// three grouped queries for the whole district, not three per commune
		Map<String, List<Group>> played = played(from, to);
		Map<String, Map<String, Long>> problems = problems(from, to);
		Map<String, Instant> last = lastRecordAt(from, to);
		Map<String, Plan> plans = store.plans(period.planYear());
		List<CommuneRow> rows = new ArrayList<>();
		List<Missing> missing = new ArrayList<>();
		List<Group> all = new ArrayList<>();
		Map<String, Long> problemsAll = new LinkedHashMap<>();
		for (HubStore.Commune c : store.communes()) {
			if (!last.containsKey(c.id())) {
				missing.add(new Missing(c.id(), c.name()));
				continue;
			}
			List<Group> groups = played.getOrDefault(c.id(), List.of());
			Map<String, Long> communeProblems = problems.getOrDefault(c.id(), Map.of());
			groups.forEach(g -> all.add(new Group(g.clipKey() == null ? null : c.id() + "/" + g.clipKey(), g.kind(),
					g.topic(), g.airings(), g.playedMs(), g.onTime())));
			communeProblems.forEach((k, v) -> problemsAll.merge(k, v, Long::sum));
			Plan plan = plans.get(c.id());
			rows.add(new CommuneRow(c.id(), c.name(), totals(groups, communeProblems), byKind(groups), byTopic(groups),
					plan == null ? null : plan.name(), targets(groups, plan, period), last.get(c.id())));
		}
		return new DistrictReport(new ReportFigures.Period(period.code(), period.from(), period.to()), rows,
				totals(all, problemsAll), missing);
	}

	private Map<String, List<Group>> played(Instant from, Instant to) {
		Map<String, List<Group>> byCommune = new java.util.HashMap<>();
		jdbc.query("SELECT r.commune_id, CASE WHEN r.clip_id IS NOT NULL THEN CONCAT('id:', CAST(r.clip_id AS VARCHAR(20))) "
				+ "WHEN r.clip_sha256 IS NOT NULL THEN CONCAT('sha:', r.clip_sha256) END AS clip_key, r.clip_kind, "
				+ "r.clip_topic, COUNT(*), SUM(r.played_ms), SUM(CASE WHEN r.actual_start >= r.scheduled_start - "
				+ "INTERVAL '1' MINUTE AND r.actual_start <= r.scheduled_start + INTERVAL '1' MINUTE THEN 1 ELSE 0 END) "
				+ "FROM district_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ? "
				+ "AND r.outcome = 'PLAYED' AND " + NOT_CORRECTED + " GROUP BY r.commune_id, clip_key, r.clip_kind, r.clip_topic",
				rs -> {
					byCommune.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
						.add(new Group(rs.getString(2), enumOf(ClipKind.class, rs.getString(3)),
								enumOf(Topic.class, rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
				}, HubStore.odt(from), HubStore.odt(to));
		return byCommune;
	}

	private Map<String, Map<String, Long>> problems(Instant from, Instant to) {
		Map<String, Map<String, Long>> byCommune = new java.util.HashMap<>();
		jdbc.query("SELECT r.commune_id, r.outcome, COUNT(*) FROM district_record r WHERE r.scheduled_start >= ? "
				+ "AND r.scheduled_start < ? AND r.outcome <> 'PLAYED' AND " + NOT_CORRECTED
				+ " GROUP BY r.commune_id, r.outcome", rs -> {
					byCommune.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
				}, HubStore.odt(from), HubStore.odt(to));
		return byCommune;
	}

	private Map<String, Instant> lastRecordAt(Instant from, Instant to) {
		Map<String, Instant> last = new java.util.HashMap<>();
		jdbc.query("SELECT r.commune_id, MAX(r.scheduled_start) FROM district_record r WHERE r.scheduled_start >= ? "
				+ "AND r.scheduled_start < ? GROUP BY r.commune_id", rs -> {
					last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
				}, HubStore.odt(from), HubStore.odt(to));
		return last;
	}

	/** A record replaced by a correction of the same commune does not count; the correction does. */
	private static final String NOT_CORRECTED = "NOT EXISTS (SELECT 1 FROM district_record c "
			+ "WHERE c.commune_id = r.commune_id AND c.corrects_id = r.record_id)";

	private static ReportFigures.Totals totals(List<Group> groups, Map<String, Long> problems) {
		Sum s = sum(groups, g -> true);
		return new ReportFigures.Totals(s.clips.size(), s.airings, ReportFigures.minutes(s.ms), problems.getOrDefault("PARTIAL", 0L),
				problems.getOrDefault("INTERRUPTED", 0L), problems.getOrDefault("MISSED", 0L),
				problems.getOrDefault("FAILED", 0L), s.airings == 0 ? 0.0 : ReportFigures.round(s.onTime / (double) s.airings, 3));
	}

	private static List<ReportFigures.KindRow> byKind(List<Group> groups) {
		List<ReportFigures.KindRow> rows = new ArrayList<>();
		for (ClipKind kind : ClipKind.values()) {
			Sum s = sum(groups, g -> g.kind() == kind);
			rows.add(new ReportFigures.KindRow(kind, s.clips.size(), s.airings, ReportFigures.minutes(s.ms)));
		}
		return rows;
	}

	private static List<ReportFigures.TopicRow> byTopic(List<Group> groups) {
		List<ReportFigures.TopicRow> rows = new ArrayList<>();
		for (Topic topic : Topic.values()) {
			Sum s = sum(groups, g -> g.topic() == topic);
			rows.add(new ReportFigures.TopicRow(topic, s.clips.size(), s.airings, ReportFigures.minutes(s.ms)));
		}
		return rows;
	}

	private static List<ReportFigures.TargetRow> targets(List<Group> groups, Plan plan, ReportPeriod period) {
		List<ReportFigures.TargetRow> rows = new ArrayList<>();
		for (PlanTarget target : plan == null ? List.<PlanTarget>of() : plan.targets()) {
			Sum s = sum(groups, g -> target.matches(g.kind(), g.topic()));
			rows.add(ReportFigures.TargetRow.of(target, period, s.clips.size(), s.airings));
		}
		return rows;
	}

	private static Sum sum(List<Group> groups, java.util.function.Predicate<Group> which) {
		Sum sum = new Sum();
		groups.stream().filter(which).forEach(sum::add);
		return sum;
	}

	private static final class Sum {
		final Set<String> clips = new HashSet<>();
		long airings;
		long ms;
		long onTime;

		void add(Group g) {
			if (g.clipKey() != null) {
				clips.add(g.clipKey());
			}
			airings += g.airings();
			ms += g.playedMs();
			onTime += g.onTime();
		}
	}


	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
