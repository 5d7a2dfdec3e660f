package vn.loaxa.backup;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code loaxa.backup.*}: a daily online backup of the database and the clip store's manifest. */
@Validated
@ConfigurationProperties("loaxa.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 30 2 * * *") String cron,
		@DefaultValue("14") @Min(1) int keep) {
}
