package vn.loaxa.report;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import vn.loaxa.broadcast.AiringCounts;
import vn.loaxa.broadcast.AiringCounts.PlayedGroup;
import vn.loaxa.broadcast.AiringCounts.ProblemGroup;
import vn.loaxa.broadcast.BroadcastLog;
import vn.loaxa.broadcast.BroadcastRecord;
import vn.loaxa.broadcast.RelayRecords;
import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.ClipLibrary;
import vn.loaxa.media.Topic;
import vn.loaxa.report.ReportFigures.KindRow;
import vn.loaxa.report.ReportFigures.MonthRow;
import vn.loaxa.report.ReportFigures.TargetRow;
import vn.loaxa.report.ReportFigures.TopicRow;
import vn.loaxa.report.ReportFigures.ZoneRow;

/**
 * Computes a report's figures from the log's SQL aggregates (grouped by clip, zone and month, never
 * row by row) and compares them with the plan of the period's year.
 */
@Service
public class ReportService {

	/** Problems listed by reason, most frequent first; the counts in the totals are complete. */
	static final int MAX_PROBLEM_ROWS = 50;

	private final AiringCounts counts;
	private final BroadcastLog log;
	private final PlanTargets plans;
	private final CommuneSettingsStore settings;
	private final ZoneId zone;

	private final org.springframework.context.MessageSource messages;

	private final vn.loaxa.security.CommuneKey key;
	private final LoaxaClock clock;
	private final vn.loaxa.schedule.Schedule schedule;
	private final ClipLibrary library;
	private final RelayRecords relays;

	ReportService(AiringCounts counts, BroadcastLog log, PlanTargets plans, CommuneSettingsStore settings,
			LoaxaClock clock, org.springframework.context.MessageSource messages, vn.loaxa.security.CommuneKey key,
			vn.loaxa.schedule.Schedule schedule, ClipLibrary library, RelayRecords relays) {
		this.relays = relays;
		this.schedule = schedule;
		this.library = library;
		this.messages = messages;
		this.key = key;
		this.clock = clock;
		this.counts = counts;
		this.log = log;
		this.plans = plans;
		this.settings = settings;
		this.zone = clock.zone();
	}

	private ReportFigures.ProblemRow problem(ProblemGroup p) {
		if (p.code() == null) {
			return new ReportFigures.ProblemRow(p.outcome(), null, p.reason() == null ? "" : p.reason(), p.count());
		}
		String label = messages.getMessage(p.code().messageKey(), null, p.code().code(), ReportLabels.VIETNAMESE);
		return new ReportFigures.ProblemRow(p.outcome(), p.code().code(), label, p.count());
	}

	/** The name of a zone or group in the plan in force; its id when the plan no longer has it. */
	public String zoneName(String zoneId) {
		return zoneId == null ? "" : schedule.current().targetName(zoneId);
	}

	/** "Kế hoạch số 45/KH-UBND ngày 15/01/2026" of the period's plan, or empty. */
	String planCitation(ReportPeriod period) {
		return plans.document(period.planYear()).citation();
	}

	/** Today in the commune: the date of the PDF's place-and-date line. */
	java.time.LocalDate today() {
		return clock.today();
	}

	public ZoneId zone() {
		return zone;
	}

	public Report compute(ReportPeriod period) {
		return figures(period, counts.count(period.monthBounds(zone)));
	}

	/**
	 * The report counted from the log's records alone, not from the month totals kept to make
	 * reports quick: what a signed report is checked against.
	 */
	public Report computeFromLog(ReportPeriod period) {
		return figures(period, counts.countFromRecords(period.monthBounds(zone)));
	}

	private Report figures(ReportPeriod period, AiringCounts.Tally tally) {
		List<PlayedGroup> played = tally.played();
		List<YearMonth> months = period.months();

		Map<String, Long> problemCounts = new java.util.HashMap<>();
		List<ReportFigures.ProblemRow> problems = new ArrayList<>();
		for (ProblemGroup p : tally.problems()) {
			problemCounts.merge(p.outcome().name(), p.count(), Long::sum);
			if (problems.size() < MAX_PROBLEM_ROWS) {
				problems.add(problem(p));
			}
		}
		ReportFigures.Totals totals = AiredSum.of(played, g -> true).totals(problemCounts);
		List<KindRow> byKind = AiredSum.byKind(played);
		List<TopicRow> byTopic = AiredSum.byTopic(played);
		Map<String, List<PlayedGroup>> zones = new TreeMap<>();
		// a zone that only relayed (PLAYED groups of no clip) has none of the commune's tin, bài to show
		played.stream().filter(g -> g.clipIdentity() != null)
			.forEach(g -> zones.computeIfAbsent(g.zoneId(), k -> new ArrayList<>()).add(g));
		List<ZoneRow> byZone = new ArrayList<>();
		zones.forEach((zoneId, groups) -> {
			AiredSum s = AiredSum.of(groups, g -> true);
			byZone.add(new ZoneRow(zoneId, s.clips(), s.airings(), s.minutes()));
		});
		List<MonthRow> byMonth = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			int bucket = i;
			AiredSum s = AiredSum.of(played, g -> g.bucket() == bucket);
			byMonth.add(new MonthRow(months.get(i).toString(), s.clips(), s.airings(), s.minutes()));
		}

		Map<Topic, long[]> chart = new EnumMap<>(Topic.class);
		for (Topic topic : Topic.values()) {
			chart.put(topic, new long[months.size()]);
		}
		for (PlayedGroup g : played) {
			if (g.topic() != null) {
				chart.get(g.topic())[g.bucket()] += g.airings();
			}
		}

		var plan = plans.plan(period.planYear());
		// relays are read from their records on both paths (few, and not in the month totals' tables)
		RelayTally relayed = RelayTally.of(relays.scheduledIn(period.start(zone), period.end(zone)));
		List<TargetRow> targets = AiredSum.targets(played, plan.orElse(null), period, relayed);
		ReportFigures figures = new ReportFigures(
				new ReportFigures.Period(period.code(), period.from(), period.to()), totals, byKind, byTopic, byZone,
				byMonth, targets, new ReportFigures.PlanRow(period.planYear(), plan.map(Plan::name).orElse(null)),
				problems, relayed.rows());
		Map<String, String> names = new TreeMap<>();
		byZone.forEach(z -> names.put(z.zone(), zoneName(z.zone())));
		return new Report(period, figures, settings.current(), chart, names);
	}

	/** Pins the report to the log as it is now, signed with the commune key. */
	public ReportAnchor anchor(Report report) {
		BroadcastLog.ChainHead head = log.head();
		var range = counts.records(report.period().monthBounds(zone), head.lastId());
		String text = ReportAnchor.text(report.figures(), report.commune().communeName(), range, head, key.fingerprint(),
				clock.now().toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return new ReportAnchor(range.map(BroadcastLog.IdRange::firstId).orElse(null),
				range.map(BroadcastLog.IdRange::lastId).orElse(null), head.lastId(), head.lastHash(),
				ReportAnchor.digest(report.figures()), key.fingerprint(), text, key.sign(bytes));
	}

	/** True when the signature over this text is the commune key's. */
	boolean signedHere(String text, String signature) {
		return vn.loaxa.security.CommuneKey.verify(vn.loaxa.security.CommuneKey.parsePublicKey(key.publicKeyPem()),
				text.getBytes(java.nio.charset.StandardCharsets.UTF_8), signature);
	}

	BroadcastLog log() {
		return log;
	}

	public void evidence(ReportPeriod period, Consumer<BroadcastRecord> each) {
		log.streamCounted(period.start(zone), period.end(zone), each);
	}

	/**
	 * The evidence as {@link #evidence} streams it, each record with the text its clip read out when
	 * the clip is a text bulletin (the texts are read once, from the clip library, before streaming).
	 */
	public void evidenceRows(ReportPeriod period, Consumer<EvidenceEntry> each) {
		Map<Long, String> texts = library.bulletinTexts();
		evidence(period, record -> each.accept(EvidenceEntry.of(record, texts)));
	}

}
