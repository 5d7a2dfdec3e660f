package vn.loaxa.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.sun.management.HotSpotDiagnosticMXBean;

import vn.loaxa.playout.Playout;

/**
 * Gives the start's garbage back to the operating system once LoaXa is up and nothing is on air.
 * A plain {@code java -jar} sizes the heap from the PC's memory and keeps what the start grew to
 * (about 150 MB of a 4 GB radio PC for 40 MB in use); after this the heap keeps at most 30 % free.
 * {@code loaxa.memory.return-after-start=false} turns it off.
 */
@Component
class IdleFootprint {

	private static final Logger log = LoggerFactory.getLogger(IdleFootprint.class);

	private static final Duration SETTLE = Duration.ofSeconds(20);

	private static final Duration RETRY = Duration.ofMinutes(1);

	private static final int ATTEMPTS = 30;

	private final ObjectProvider<Playout> playout;

	private final boolean enabled;

	private Thread waiting;

	IdleFootprint(ObjectProvider<Playout> playout,
			@Value("${loaxa.memory.return-after-start:true}") boolean enabled) {
		this.playout = playout;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		if (!enabled) {
			return;
		}
		Playout running = playout.getIfAvailable();
		waiting = new Thread(() -> returnWhenIdle(running), "idle-footprint");
		waiting.setDaemon(true);
		waiting.setPriority(Thread.MIN_PRIORITY);
		waiting.start();
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		if (waiting != null) {
			waiting.interrupt();
		}
	}

	private void returnWhenIdle(Playout running) {
		try {
			Thread.sleep(SETTLE.toMillis());
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				if (!onAir(running)) {
					returnHeap();
					return;
				}
				Thread.sleep(RETRY.toMillis());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException e) {
			log.debug("memory: not returned ({})", e.toString());
		}
	}

	/** A full collection pauses the JVM briefly: never while a clip is being written to a line. */
	private static boolean onAir(Playout running) {
		return running != null && !running.nowPlaying().isEmpty();
	}

	private void returnHeap() {
		long before = committedMegabytes();
		try {
			HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			vm.setVMOption("MinHeapFreeRatio", "10");
			vm.setVMOption("MaxHeapFreeRatio", "30");
		}
		catch (RuntimeException e) {
			log.debug("memory: heap ratios not settable on this Java ({})", e.toString());
		}
		System.gc();
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		log.info("memory: heap {} MB committed after the start, {} MB now ({} MB in use)", before,
				heap.getCommitted() >> 20, heap.getUsed() >> 20);
	}

	private static long committedMegabytes() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
	}
}
