package vn.loaxa.ops;

import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep.Tag;
import org.springframework.stereotype.Component;

/**
 * With {@code -Dloaxa.startup-steps=true}, logs the slowest steps of the start (bean creation,
 * configuration, refresh), so a technician can see where a slow radio PC spends its start.
 */
@Component
class StartupSteps {

	private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

	@EventListener(ApplicationReadyEvent.class)
	void report(ApplicationReadyEvent ready) {
		if (!(ready.getSpringApplication().getApplicationStartup() instanceof BufferingApplicationStartup steps)) {
			return;
		}
		steps.getBufferedTimeline()
			.getEvents()
			.stream()
			.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
			.limit(40)
			.forEach(event -> log.info("start-up step {} ms {} {}", event.getDuration().toMillis(),
					event.getStartupStep().getName(), tags(event)));
	}

	private static String tags(TimelineEvent event) {
		StringBuilder text = new StringBuilder();
		for (Tag tag : event.getStartupStep().getTags()) {
			text.append(tag.getKey()).append('=').append(tag.getValue()).append(' ');
		}
		return text.toString().trim();
	}

}
