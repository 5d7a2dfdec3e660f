package vn.loaxa.backup;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * {@code loaxa.backup.*}: a daily online backup of the database and every clip file it names, into
 * {@code <data-dir>/backup/} and, when {@code copy-to} is set (a folder on a USB disk), there too.
 * No successful backup for {@code stale-after} (counted from the first start on a fresh install)
 * shows on the status strip and as DEGRADED in health.
 */
@ConfigurationProperties("loaxa.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String cron,
		@DefaultValue("14") int keep, @Nullable Path copyTo, @DefaultValue("48h") Duration staleAfter) {

	public BackupProperties {
		if (keep < 1) {
			throw new IllegalArgumentException("loaxa.backup.keep must be at least 1, not " + keep);
		}
	}
}
