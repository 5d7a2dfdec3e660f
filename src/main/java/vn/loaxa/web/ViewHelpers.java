package vn.loaxa.web;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;

/** Formatting for templates: {@code ${@fmt.date(d)}}, {@code ${@fmt.duration(ms)}}. */
@Component("fmt")
public class ViewHelpers {

	private final LoaxaClock clock;

	ViewHelpers(LoaxaClock clock) {
		this.clock = clock;
	}

	public String date(LocalDate date) {
		return Formats.date(date);
	}

	public String dateTime(Instant instant) {
		return Formats.dateTime(instant, clock.zone());
	}

	public String duration(long ms) {
		return Formats.duration(ms);
	}

	public String now() {
		return Formats.DATE_TIME.format(clock.now());
	}
}
