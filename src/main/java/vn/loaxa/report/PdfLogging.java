package vn.loaxa.report;

import java.util.logging.Level;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

/**
 * Routes openhtmltopdf's messages to SLF4J at debug level (warnings stay warnings), instead of its
 * own console output on every PDF.
 */
final class PdfLogging implements XRLogger {

	private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

	private PdfLogging() {
	}

	static synchronized void install() {
		if (!(XRLog.getLoggerImpl() instanceof PdfLogging)) {
			XRLog.setLoggerImpl(new PdfLogging());
		}
	}

	@Override
	public void log(String where, Level level, String msg) {
		log(where, level, msg, null);
	}

	@Override
	public void log(String where, Level level, String msg, Throwable th) {
		if (level.intValue() >= Level.WARNING.intValue()) {
			log.warn("{}: {}", where, msg, th);
		}
		else if (log.isDebugEnabled()) {
			log.debug("{}: {}", where, msg, th);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		return diagnostic.getLevel().intValue() >= Level.WARNING.intValue() || log.isDebugEnabled();
	}
}
