package vn.loaxa.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.media.Topic;
import vn.loaxa.web.Formats;

/**
 * The report page: a period chosen from a list (dates shown) or a custom range, the figures, two
 * charts (data in a {@code data-chart} attribute, drawn by {@code /js/reports.js}), and downloads.
 */
@Controller
class ReportController {

	private static final String REPORT = "reports/report";

	private final ReportService reports;
	private final ReportExports exports;
	private final PlanTargets plans;
	private final LoaxaClock clock;
	private final MessageSource messages;
	private final ObjectMapper json;

	ReportController(ReportService reports, ReportExports exports, PlanTargets plans, LoaxaClock clock,
			MessageSource messages, ObjectMapper json) {
		this.reports = reports;
		this.exports = exports;
		this.plans = plans;
		this.clock = clock;
		this.messages = messages;
		this.json = json;
	}

	/** A period in the picker: its code and "Quý I (theo NĐ 09/2019) · 15/12/2025 – 14/03/2026". */
	record Choice(String code, String label) {
	}

	@GetMapping("/reports")
	String page(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) Integer year, Model model,
			Locale locale) throws JsonProcessingException {
		boolean nothingChosen = (period == null || period.isBlank()) && (from == null || from.isBlank())
				&& (to == null || to.isBlank());
		boolean yearChosen = year != null && year >= ReportPeriod.MIN_YEAR && year <= ReportPeriod.MAX_YEAR;
		// a year picked alone shows that year's statutory report; nothing picked, the current quarter
		ReportPeriod chosen = !nothingChosen ? ReportPeriod.choose(period, from, to)
				: yearChosen ? ReportPeriod.parse(year + "-statutory") : currentQuarter();
		Report report = reports.compute(chosen);
		int shownYear = yearChosen ? year : chosen.planYear();
		model.addAttribute("report", report);
		model.addAttribute("f", report.figures());
		model.addAttribute("period", chosen);
		model.addAttribute("range", ReportLabels.range(chosen.from(), chosen.to()));
		model.addAttribute("custom", chosen.type() == ReportPeriod.Type.CUSTOM);
		model.addAttribute("customFrom", Formats.date(chosen.from()));
		model.addAttribute("customTo", Formats.date(chosen.to()));
		model.addAttribute("year", shownYear);
		model.addAttribute("years", years(shownYear));
		model.addAttribute("choices", ReportPeriod.choices(shownYear).stream().map(p -> choice(p, locale)).toList());
		model.addAttribute("chart", json.writeValueAsString(chart(report, locale)));
		model.addAttribute("formats", List.of(ReportFormat.XLSX, ReportFormat.DOCX, ReportFormat.PDF, ReportFormat.CSV,
				ReportFormat.JSON));
		model.addAttribute("forecasts", exports.forecastLines(chosen));
		model.addAttribute("today", clock.today());
		return REPORT;
	}

	/** The same files as the API, for the logged-in page. */
	@GetMapping("/reports/download")
	void download(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		ReportPeriod chosen = ReportPeriod.choose(period, from, to);
		ReportFormat chosenFormat = ReportFormat.parse(format);
		ReportApiController.send(chosen, chosenFormat, response, exports);
	}

	private ReportPeriod currentQuarter() {
		LocalDate today = clock.today();
		for (int year : new int[] { today.getYear(), today.getYear() + 1 }) {
			for (ReportPeriod p : ReportPeriod.choices(year)) {
				if (p.type() == ReportPeriod.Type.STATUTORY_QUARTER && !today.isBefore(p.from()) && !today.isAfter(p.to())) {
					return p;
				}
			}
		}
		return ReportPeriod.parse(today.getYear() + "-Q1");
	}

	private List<Integer> years(int shown) {
		java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
		int now = clock.today().getYear();
		for (int y = now - 3; y <= now + 1; y++) {
			years.add(y);
		}
		years.add(shown);
		years.addAll(plans.years());
		return new ArrayList<>(years);
	}

	private Choice choice(ReportPeriod p, Locale locale) {
		String number = switch (p.type()) {
			case MONTH -> p.code().substring(5);
			case QUARTER, STATUTORY_QUARTER -> roman(p.code().charAt(6) - '0');
			case HALF -> roman(p.code().charAt(6) - '0');
			default -> "";
		};
		String name = messages.getMessage("report.type." + p.type(), new Object[] { number }, locale);
		return new Choice(p.code(), name + " · " + ReportLabels.range(p.from(), p.to()));
	}

	private static String roman(int n) {
		return new String[] { "", "I", "II", "III", "IV" }[n];
	}

	/** Airings per month by topic (only topics with airings) and done vs planned per target. */
	private Map<String, Object> chart(Report report, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("months", report.months());
		List<Map<String, Object>> topics = new ArrayList<>();
		for (Map.Entry<Topic, long[]> e : report.airingsByTopicAndMonth().entrySet()) {
			if (java.util.Arrays.stream(e.getValue()).sum() > 0) {
				topics.add(Map.of("topic", e.getKey().name(), "label",
						messages.getMessage(e.getKey().messageKey(), null, locale), "data", e.getValue()));
			}
		}
		chart.put("topics", topics);
		chart.put("targets", report.figures().targets());
		chart.put("labels", Map.of("planned", messages.getMessage("report.col.planned", null, locale), "done",
				messages.getMessage("report.col.done", null, locale), "airings",
				messages.getMessage("report.col.airings", null, locale)));
		return chart;
	}
}
