package vn.loaxa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are modules: each used only through its public API, no cycles. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(LoaxaApplication.class);

	@Test
	void theModulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theModulesAreDocumented() throws Exception {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
		assertThat(Files.readString(Path.of("target/spring-modulith-docs/components.puml"))).contains("\"Media\"", "\"Security\"", "\"Web\"", "\"Config\"");
	}
}
