package vn.loaxa.report;

import java.util.List;

/** The relays' rows added up, as every format shows their total: the sums of the rows' own figures. */
record RelayTotal(long airings, double minutes, long outages, double lostMinutes) {

	static RelayTotal of(List<ReportFigures.RelayRow> rows) {
		return new RelayTotal(rows.stream().mapToLong(ReportFigures.RelayRow::airings).sum(),
				ReportFigures.round(rows.stream().mapToDouble(ReportFigures.RelayRow::minutes).sum(), 1),
				rows.stream().mapToLong(ReportFigures.RelayRow::outages).sum(),
				ReportFigures.round(rows.stream().mapToDouble(ReportFigures.RelayRow::lostMinutes).sum(), 1));
	}
}
