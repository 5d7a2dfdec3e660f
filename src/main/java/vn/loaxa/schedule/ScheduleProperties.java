package vn.loaxa.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Schedule settings ({@code loaxa.schedule.*}). The plan files are read at start only while the
 * database holds no plan (a fresh install); afterwards the database is the running truth and the
 * files are read again on "nạp lại".
 */
@Validated
@ConfigurationProperties("loaxa.schedule")
public record ScheduleProperties(@DefaultValue("true") boolean loadFilesAtStart) {
}
