package vn.loaxa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of STYLE.md: no module reaches into another's internals, no cycles. */
class ModularityTests {

	@Test
	void modulesKeepTheirBoundaries() {
		ApplicationModules.of(LoaxaApplication.class).verify();
	}
}
