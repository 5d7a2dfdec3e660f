package vn.loaxa.report;

import java.util.List;
import java.util.Map;

import vn.loaxa.media.Topic;

/**
 * A computed report: the figures, the commune it is for, and airings per month by topic for the
 * chart (months in the order of {@code figures.byMonth}).
 */
public record Report(ReportPeriod period, ReportFigures figures, CommuneSettings commune,
		Map<Topic, long[]> airingsByTopicAndMonth, Map<String, String> zoneNames) {

	/**
	 * "Bản Na Lay" for {@code ban-na-lay}: the zone's (or group's) name in the plan now, the id for one
	 * no longer in the plan. Names are not part of the signed figures (a zone renamed later leaves
	 * the report verifiable).
	 */
	public String zoneName(String zoneId) {
		return zoneNames.getOrDefault(zoneId, zoneId);
	}

	public List<String> months() {
		return figures.byMonth().stream().map(ReportFigures.MonthRow::month).toList();
	}
}
