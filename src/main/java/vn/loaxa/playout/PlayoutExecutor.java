package vn.loaxa.playout;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/** Threads for programmes that do not run on a Quartz worker: Phát ngay, catch-up, extra channels. */
@Component
class PlayoutExecutor {

	private final AtomicInteger count = new AtomicInteger();
	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "playout-" + count.incrementAndGet());
		t.setDaemon(true);
		return t;
	});

	ExecutorService get() {
		return executor;
	}

	@PreDestroy
	void close() {
		executor.shutdownNow();
	}
}
