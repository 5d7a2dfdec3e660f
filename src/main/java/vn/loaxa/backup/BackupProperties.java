package vn.loaxa.backup;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * {@code loaxa.backup.*}: a daily online backup of the database and every clip file it names, into
 * {@code <data-dir>/backup/} and, when {@code copy-to} is set (a folder on a USB disk), there too.
 * No successful backup for {@code stale-after} (counted from the first start on a fresh install)
 * shows on the status strip and as DEGRADED in health.
 */
@Validated
@ConfigurationProperties("loaxa.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String cron,
		@DefaultValue("14") @Min(1) int keep, @Nullable Path copyTo, @DefaultValue("48h") Duration staleAfter) {
}
