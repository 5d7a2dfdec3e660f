package vn.loaxa.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code loaxa.mode=province} (or the older {@code district}) turns LoaXa into the province's hub:
 * no playout, no slot triggers, no media scan, no plan files; it takes the communes' evidence, sums
 * it and sends bulletins down. Settings given explicitly still win over these defaults.
 */
public class ModeEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "loaxaProvinceMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!LoaxaMode.of(environment).isProvince()) {
			return;
		}
		Map<String, Object> hub = new LinkedHashMap<>();
		hub.put("loaxa.playout.enabled", "false");
		hub.put("spring.quartz.auto-startup", "false");
		hub.put("loaxa.media.import-on-start", "false");
		hub.put("loaxa.schedule.load-files-at-start", "false");
		// above application.yml (which turns these on for a commune), below the command line and environment
		var sources = environment.getPropertySources();
		String firstFile = sources.stream().map(ps -> ps.getName()).filter(n -> n.startsWith("Config resource"))
			.findFirst().orElse(null);
		if (firstFile == null) {
			sources.addLast(new MapPropertySource(SOURCE, hub));
		}
		else {
			sources.addBefore(firstFile, new MapPropertySource(SOURCE, hub));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
