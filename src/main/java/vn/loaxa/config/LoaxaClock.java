package vn.loaxa.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

/** The wall clock of the commune: the PC's clock read in {@code loaxa.time-zone}. */
@Component
public class LoaxaClock {

	private final Clock clock;

	public LoaxaClock(LoaxaProperties properties) {
		this.clock = Clock.system(properties.timeZone());
	}

	public Clock clock() {
		return clock;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public ZonedDateTime now() {
		return ZonedDateTime.now(clock);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}
}
