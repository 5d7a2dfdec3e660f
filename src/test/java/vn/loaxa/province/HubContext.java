package vn.loaxa.province;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The province's hub as a test context: its own data dir under {@code root}, no media or plan files,
 * the administrator's password {@code test-admin-pw}, a Quartz scheduler and a test database of its own.
 */
final class HubContext {

	static final String ADMIN_PASSWORD = "test-admin-pw";

	private HubContext() {
	}

	static void register(DynamicPropertyRegistry registry, Path root) {
		registry.add("loaxa.mode", () -> "province");
		registry.add("loaxa.data-dir", () -> root.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> root.resolve("no-media").toString());
		registry.add("loaxa.schedules-dir", () -> root.resolve("no-schedules").toString());
		registry.add("loaxa.admin.password", () -> ADMIN_PASSWORD);
		registry.add("spring.quartz.scheduler-name", () -> "loaxa-" + root.getFileName());
		vn.loaxa.support.TestDatabase.register(registry);
	}
}
