package vn.loaxa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import vn.loaxa.report.ReportCommands;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaxaApplication {

	/** Settings for a command-line job: no web server, no scheduler, no playout, no media scan. */
	public static final String[] COMMAND_PROPERTIES = { "spring.main.web-application-type=none",
			"spring.quartz.auto-startup=false", "loaxa.playout.enabled=false", "loaxa.media.import-on-start=false",
			"loaxa.schedule.load-files-at-start=false", "loaxa.backup.enabled=false",
			"spring.main.banner-mode=off", "spring.main.log-startup-info=false", "logging.level.root=WARN" };

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("restore")) {
			System.exit(vn.loaxa.backup.Restore.command(args));
		}
		if (args.length > 0 && (args[0].equals("import") || args[0].equals("--import-only"))) {
			System.exit(runImport(args));
		}
		if (args.length > 0 && args[0].equals(vn.loaxa.province.EvidenceCommand.NAME)) {
			System.exit(vn.loaxa.province.EvidenceCommand.run(args, settings -> new SpringApplicationBuilder(
					LoaxaApplication.class).web(WebApplicationType.NONE).properties(COMMAND_PROPERTIES).run(settings),
					System.err));
		}
		if (args.length > 0 && ReportCommands.NAMES.contains(args[0])) {
			System.exit(runCommand(args));
		}
		SpringApplication application = new SpringApplication(LoaxaApplication.class);
		if (Boolean.getBoolean("loaxa.startup-steps")) {
			application.setApplicationStartup(new BufferingApplicationStartup(20_000));
		}
		application.run(args);
	}

	/**
	 * Runs {@code report …} or {@code verify} in a Spring context without the web server and returns
	 * the exit code. Arguments of the form {@code --spring.x=…} / {@code --loaxa.x=…} / {@code --server.x=…}
	 * / {@code --logging.x=…} are Spring settings; the rest belong to the command.
	 */
	public static int runCommand(String... args) {
		List<String> command = new ArrayList<>();
		List<String> spring = new ArrayList<>();
		for (String arg : args) {
			boolean setting = arg.startsWith("--") && arg.contains("=")
					&& Arrays.asList("spring.", "loaxa.", "server.", "logging.", "management.")
						.stream()
						.anyMatch(arg.substring(2)::startsWith);
			(setting ? spring : command).add(arg);
		}
		try {
			ReportCommands.options(command);
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.err.print(ReportCommands.USAGE_TEXT);
			return ReportCommands.USAGE;
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class)
			.web(WebApplicationType.NONE)
			.properties(COMMAND_PROPERTIES)
			.run(spring.toArray(String[]::new))) {
			return context.getBean(ReportCommands.class).run(command, System.out, System.err);
		}
		catch (RuntimeException e) {
			System.err.println("Lỗi / error: " + e);
			return ReportCommands.FAILED;
		}
	}

	/** {@code import} (or {@code --import-only}): imports the media folder and exits, for scripts. */
	public static int runImport(String... args) {
		String[] settings = java.util.Arrays.stream(args).skip(1).filter(a -> a.startsWith("--")).toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaxaApplication.class)
			.web(WebApplicationType.NONE)
			.properties(COMMAND_PROPERTIES)
			.run(settings)) {
			return context.getBean(vn.loaxa.media.MediaImport.class).runCommand(System.out, System.err);
		}
		catch (RuntimeException e) {
			System.err.println("Lỗi / error: " + e);
			return 1;
		}
	}
}
