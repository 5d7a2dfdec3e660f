package vn.loaxa.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.loaxa.config.LoaxaClock;

/**
 * Writes the current quarter's JSON report once in the background after start, so the officer's
 * first report, of whichever period, does not run the counting code cold. Since the counts are
 * read from their index (V10), a period's data read cold costs little; what the first report after
 * a start paid was mostly code not yet compiled (ReportBenchmark on a busy 2-core VM: 2.1 s for the
 * first report in a fresh JVM, about 1 s for the first report of another quarter after it).
 */
@Component
@ConditionalOnWebApplication
class ReportWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ReportWarmUp.class);

	private final ReportExports exports;
	private final LoaxaClock clock;

	ReportWarmUp(ReportExports exports, LoaxaClock clock) {
		this.exports = exports;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			try {
				long started = System.nanoTime();
				int quarter = (clock.today().getMonthValue() + 2) / 3;
				// the JSON export, not the figures only: the anchor, its signature and JSON writing are
				// code the officer's first report runs too (0.5-1 s of it cold)
				exports.write(ReportPeriod.parse(clock.today().getYear() + "-Q" + quarter), ReportFormat.JSON,
						java.io.OutputStream.nullOutputStream());
				log.info("reports warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
			}
			catch (java.io.IOException | RuntimeException e) {
				log.warn("report warm-up: {}", e.toString());
			}
		}, "report-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}
}
