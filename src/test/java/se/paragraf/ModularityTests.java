package se.paragraf;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules keep their boundaries: no cycles, no access to another module's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ParagrafApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicFaces() {
		this.modules.verify();
	}

}
