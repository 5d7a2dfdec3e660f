package vn.loaxa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries of schedule, programme and playout: only public top-level types used across, no cycles. */
class PlayoutModulesTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(LoaxaApplication.class).verify();
	}
}
