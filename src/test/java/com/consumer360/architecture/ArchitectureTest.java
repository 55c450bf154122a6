package com.consumer360.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Packages by feature (shared/STYLE.md), kept honest: no cycles, views free of SQL, every view access-annotated. */
@AnalyzeClasses(packages = "com.consumer360", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("com.consumer360.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewsDoNotTouchTheDatabase = noClasses().that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "com.consumer360.jooq..", "java.sql..",
                    "javax.sql..")
            .because("views talk to application services only");

    @ArchTest
    static final ArchRule jooqTypesStayInsideTheirFeature = noClasses()
            .that().resideInAnyPackage("..ui..", "com.consumer360.analytics..", "com.consumer360.batch..")
            .should().dependOnClassesThat().resideInAPackage("com.consumer360.jooq..");

    @ArchTest
    static final ArchRule everyRouteIsAccessAnnotated = classes().that().areAnnotatedWith(Route.class)
            .should().beAnnotatedWith(RolesAllowed.class).orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(AnonymousAllowed.class)
            .because("views are denied by default and opened per role explicitly");

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes().that().areAnnotatedWith(Route.class)
            .should().resideInAPackage("..ui..");
}
