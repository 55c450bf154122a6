package com.consumer360.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md decision 4: the engines are plain Java, so both feeds (SQL aggregates, CSV) can drive them. */
@AnalyzeClasses(packages = "com.consumer360.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineIsPlainJavaTest {

    @ArchTest
    static final ArchRule noFrameworksNoDatabaseNoFiles = noClasses()
            .that().resideInAPackage("com.consumer360.analytics..").and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.jooq..", "java.sql..", "javax.sql..", "java.io..",
                    "java.nio.file..", "com.vaadin..", "de.siegmar..", "tools.jackson..", "com.consumer360.jooq..")
            .because("engines take data from either feed and do no I/O (DESIGN.md decision 4); their package-info "
                    + "files carry only Spring Modulith's named-interface marker, metadata for the module check");

    @ArchTest
    static final ArchRule engineDoesNotKnowTheBatchRun = noClasses()
            .that().resideInAPackage("com.consumer360.analytics..")
            .should().dependOnClassesThat().resideInAPackage("com.consumer360.batch..");
}
