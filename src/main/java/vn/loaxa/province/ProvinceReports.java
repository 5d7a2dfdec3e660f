package vn.loaxa.province;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.broadcast.Aired;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;
import vn.loaxa.province.internal.HubStore;
import vn.loaxa.report.AiredSum;
import vn.loaxa.report.Plan;
import vn.loaxa.report.ReportFigures;
import vn.loaxa.report.ReportPeriod;

/**
 * The province's report for a period, summed from the records the communes' verified bundles
 * brought, with the commune report's rules: only PLAYED counts as an airing, distinct clips by id,
 * minutes of played time, the other outcomes apart, a corrected record replaced by its correction.
 */
@Service
public class ProvinceReports {

	/** {@code plan}: the name of the commune's plan for the period's year, null when it sent none. */
	public record CommuneRow(String commune, String name, ReportFigures.Totals totals, List<ReportFigures.KindRow> byKind,
			List<ReportFigures.TopicRow> byTopic, String plan, List<ReportFigures.TargetRow> targets,
			Instant lastRecordAt) {
	}

	public record Missing(String commune, String name) {
	}

	public record ProvinceReport(ReportFigures.Period period, List<CommuneRow> communes, ReportFigures.Totals totals,
			List<Missing> missing) {
	}

	private record Group(String clipKey, ClipKind kind, Topic topic, long airings, long playedMs, long onTime)
			implements Aired {
	}

	private final JdbcTemplate jdbc;
	private final HubStore store;
	private final LoaxaClock clock;

	ProvinceReports(JdbcTemplate jdbc, HubStore store, LoaxaClock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	public ProvinceReport compute(ReportPeriod period) {
		Instant from = period.from().atStartOfDay(clock.zone()).toInstant();
		Instant to = period.to().plusDays(1).atStartOfDay(clock.zone()).toInstant();
		// one pass over the period's records of the whole province, grouped by commune, outcome and clip
		Tally tally = tally(from, to);
		Map<String, List<Group>> played = tally.played();
		Map<String, Map<String, Long>> problems = tally.problems();
		Map<String, Instant> last = tally.last();
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
			rows.add(new CommuneRow(c.id(), c.name(), AiredSum.of(groups, g -> true).totals(communeProblems),
					AiredSum.byKind(groups), AiredSum.byTopic(groups), plan == null ? null : plan.name(),
					AiredSum.targets(groups, plan, period), last.get(c.id())));
		}
		return new ProvinceReport(new ReportFigures.Period(period.code(), period.from(), period.to()), rows,
				AiredSum.of(all, g -> true).totals(problemsAll), missing);
	}

	/** The period's counted records by commune: PLAYED ones by clip, the others by outcome, and the latest. */
	private record Tally(Map<String, List<Group>> played, Map<String, Map<String, Long>> problems,
			Map<String, Instant> last) {
	}

	private Tally tally(Instant from, Instant to) {
		Tally tally = new Tally(new HashMap<>(), new HashMap<>(), new HashMap<>());
		jdbc.query("SELECT r.commune_id, r.outcome, r.clip_id, r.clip_sha256, r.clip_kind, r.clip_topic, COUNT(*), "
				+ "SUM(r.played_ms), SUM(CASE WHEN r.actual_start >= r.scheduled_start - INTERVAL '1' MINUTE "
				+ "AND r.actual_start <= r.scheduled_start + INTERVAL '1' MINUTE THEN 1 ELSE 0 END), MAX(r.scheduled_start) "
				+ "FROM province_record r WHERE r.scheduled_start >= ? AND r.scheduled_start < ? AND " + NOT_CORRECTED
				+ " GROUP BY r.commune_id, r.outcome, r.clip_id, r.clip_sha256, r.clip_kind, r.clip_topic", rs -> {
					String commune = rs.getString(1);
					String outcome = rs.getString(2);
					if ("PLAYED".equals(outcome)) {
						String clipKey = Aired.clipKey(rs.getObject(3, Long.class), rs.getString(4));
						tally.played().computeIfAbsent(commune, k -> new ArrayList<>()).add(new Group(clipKey,
								enumOf(ClipKind.class, rs.getString(5)), enumOf(Topic.class, rs.getString(6)), rs.getLong(7),
								rs.getLong(8), rs.getLong(9)));
					}
					else {
						tally.problems().computeIfAbsent(commune, k -> new LinkedHashMap<>()).merge(outcome, rs.getLong(7),
								Long::sum);
					}
					tally.last().merge(commune, rs.getTimestamp(10).toInstant(), (a, b) -> a.isAfter(b) ? a : b);
				}, HubStore.odt(from), HubStore.odt(to));
		return tally;
	}

	/** A record replaced by a correction of the same commune does not count; the correction does. */
	private static final String NOT_CORRECTED = "NOT EXISTS (SELECT 1 FROM province_record c "
			+ "WHERE c.corrects_id IS NOT NULL AND c.corrects_id = r.record_id AND c.commune_id = r.commune_id)";

	private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}
}
