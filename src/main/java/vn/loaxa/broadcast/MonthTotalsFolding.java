package vn.loaxa.broadcast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the new records into the {@link MonthTotals} soon after start (a log upgraded from a release
 * without them is summed then, once) and every few minutes after, off the start path and the
 * player's threads. A fold that fails (database busy) is tried again at the next turn; reports stay
 * exact meanwhile, counting more records from the log.
 */
@Component
@ConditionalOnWebApplication
class MonthTotalsFolding {

	private static final Logger log = LoggerFactory.getLogger(MonthTotalsFolding.class);

	private final MonthTotals totals;

	MonthTotalsFolding(MonthTotals totals) {
		this.totals = totals;
	}

	@Scheduled(initialDelayString = "${loaxa.report.totals-delay:20s}", fixedDelayString = "${loaxa.report.totals-interval:10m}")
	void fold() {
		try {
			long started = System.nanoTime();
			long folded = totals.fold();
			if (folded > 0) {
				log.info("month totals: {} records folded in {} ms", folded, (System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException e) {
			log.warn("month totals not folded, tried again later: {}", e.toString());
		}
	}
}
