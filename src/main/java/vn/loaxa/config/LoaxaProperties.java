package vn.loaxa.config;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where LoaXa keeps its things, and the one time zone everything is scheduled in.
 * The radio PC's own zone is never used: a PC set to UTC still airs at 05:30 Hà Nội time.
 */
@ConfigurationProperties("loaxa")
public record LoaxaProperties(
		@DefaultValue("data") Path dataDir,
		@DefaultValue("media") Path mediaDir,
		@DefaultValue("schedules") Path schedulesDir,
		@DefaultValue("Asia/Ho_Chi_Minh") ZoneId timeZone) {

	public Path clipStoreDir() {
		return dataDir.resolve("clips");
	}

	public Path exportDir() {
		return dataDir.resolve("exports");
	}

	public Path workDir() {
		return dataDir.resolve("tmp");
	}
}
