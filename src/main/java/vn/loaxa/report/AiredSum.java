package vn.loaxa.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import vn.loaxa.broadcast.Aired;
import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * A sum of airings by the reports' rules: distinct clips by their key, airings, played time and
 * airings on time, of clips only (a relay's PLAYED stretches are counted apart). The commune's report and the province's are summed by it, so a commune's row at
 * the province is its own report's figures by construction of the rules, not by a second copy.
 */
public final class AiredSum {

	private final Set<Object> clips = new HashSet<>();
	private long airings;
	private long playedMs;
	private long onTime;

	public static <G extends Aired> AiredSum of(List<G> groups, Predicate<? super G> which) {
		AiredSum sum = new AiredSum();
		for (G g : groups) {
			if (which.test(g)) {
				sum.add(g);
			}
		}
		return sum;
	}

	public void add(Aired g) {
		Object clip = g.clipIdentity();
		if (clip == null) {
			// PLAYED airings of no clip are a relay's stretches (tiếp sóng): not the commune's tin, bài
			return;
		}
		clips.add(clip);
		airings += g.airings();
		playedMs += g.playedMs();
		onTime += g.onTime();
	}

	public long clips() {
		return clips.size();
	}

	public long airings() {
		return airings;
	}

	public double minutes() {
		return ReportFigures.minutes(playedMs);
	}

	/** Figures of the whole: the sum, and the other outcomes' counts (PARTIAL, INTERRUPTED, MISSED, FAILED). */
	public ReportFigures.Totals totals(Map<String, Long> problems) {
		return new ReportFigures.Totals(clips(), airings, minutes(), problems.getOrDefault("PARTIAL", 0L),
				problems.getOrDefault("INTERRUPTED", 0L), problems.getOrDefault("MISSED", 0L),
				problems.getOrDefault("FAILED", 0L), airings == 0 ? 0.0 : ReportFigures.round(onTime / (double) airings, 3));
	}

	public static List<ReportFigures.KindRow> byKind(List<? extends Aired> groups) {
		List<ReportFigures.KindRow> rows = new ArrayList<>();
		for (ClipKind kind : ClipKind.values()) {
			AiredSum s = of(groups, g -> g.kind() == kind);
			rows.add(new ReportFigures.KindRow(kind, s.clips(), s.airings, s.minutes()));
		}
		return rows;
	}

	public static List<ReportFigures.TopicRow> byTopic(List<? extends Aired> groups) {
		List<ReportFigures.TopicRow> rows = new ArrayList<>();
		for (Topic topic : Topic.values()) {
			AiredSum s = of(groups, g -> g.topic() == topic);
			rows.add(new ReportFigures.TopicRow(topic, s.clips(), s.airings, s.minutes()));
		}
		return rows;
	}

	/**
	 * Each target of the plan against the airings of its kinds and topics (none: no targets). A target of
	 * relayed minutes counts none here: the province's hub, the caller, holds no relay's records.
	 */
	public static List<ReportFigures.TargetRow> targets(List<? extends Aired> groups, Plan plan, ReportPeriod period) {
		return targets(groups, plan, period, RelayTally.none());
	}

	/** Each target against what it counts: distinct clips or airings of its kinds and topics, or minutes relayed. */
	static List<ReportFigures.TargetRow> targets(List<? extends Aired> groups, Plan plan, ReportPeriod period,
			RelayTally relays) {
		List<ReportFigures.TargetRow> rows = new ArrayList<>();
		for (PlanTarget target : plan == null ? List.<PlanTarget>of() : plan.targets()) {
			long done;
			if (target.measure() == Measure.RELAY_MINUTES) {
				done = relays.wholeMinutes(target.relay());
			}
			else {
				AiredSum s = of(groups, g -> target.matches(g.kind(), g.topic()));
				done = target.measure() == Measure.CLIPS ? s.clips() : s.airings;
			}
			rows.add(ReportFigures.TargetRow.of(target, period, done));
		}
		return rows;
	}
}
