package vn.loaxa.province.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The communes' open requests for bulletins (long-poll): each is answered as soon as the hub has
 * something for that commune, or empty when its wait runs out. Held without a server thread each
 * (Spring MVC's asynchronous requests), so the province's 168 communes cost 168 small objects.
 */
@Component
public class BulletinWaiters {

	private record Waiter(DeferredResult<List<SignedBulletin>> result, Supplier<List<SignedBulletin>> pending) {
	}

	private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();

	public DeferredResult<List<SignedBulletin>> await(String communeId, Duration wait, Supplier<List<SignedBulletin>> pending) {
		DeferredResult<List<SignedBulletin>> result = new DeferredResult<>(Math.max(1, wait.toMillis()));
		Waiter waiter = new Waiter(result, pending);
		Set<Waiter> mine = waiting.computeIfAbsent(communeId, k -> ConcurrentHashMap.newKeySet());
		mine.add(waiter);
		Runnable done = () -> mine.remove(waiter);
		result.onCompletion(done);
		result.onTimeout(() -> result.setResult(List.of()));
		result.onError(e -> done.run());
		// registered first, then asked: a bulletin published in between is not missed
		List<SignedBulletin> now = pending.get();
		if (!now.isEmpty() || wait.isZero()) {
			result.setResult(now);
		}
		return result;
	}

	public void wake(Collection<String> communes) {
		for (String id : communes) {
			for (Waiter w : waiting.getOrDefault(id, Set.of())) {
				List<SignedBulletin> pending = w.pending().get();
				if (!pending.isEmpty()) {
					w.result().setResult(pending);
				}
			}
		}
	}
}
