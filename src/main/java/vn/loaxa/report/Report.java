package vn.loaxa.report;

import java.util.List;
import java.util.Map;

import vn.loaxa.media.Topic;

/**
 * A computed report: the figures, the commune it is for, and airings per month by topic for the
 * chart (months in the order of {@code figures.byMonth}).
 */
public record Report(ReportPeriod period, ReportFigures figures, CommuneSettings commune,
		Map<Topic, long[]> airingsByTopicAndMonth) {

	public List<String> months() {
		return figures.byMonth().stream().map(ReportFigures.MonthRow::month).toList();
	}
}
