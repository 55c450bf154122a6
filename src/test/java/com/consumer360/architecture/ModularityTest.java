package com.consumer360.architecture;

import com.consumer360.Consumer360Application;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package is a Spring Modulith application module: its public API is its base package (a service
 * and the records it returns), sub-packages are internal, dependencies are declared and acyclic. The generated
 * jOOQ classes are not a module of ours: they are the schema, used only inside features' query classes (ArchitectureTest).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Consumer360Application.class,
            JavaClass.Predicates.resideInAPackage("com.consumer360.jooq.."));

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramAndCanvasesIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
