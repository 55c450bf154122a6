package com.consumer360.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.consumer360.security.SystemScope;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
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

    private static final String[] INFRASTRUCTURE = {"com.consumer360.database..", "com.consumer360.warehouse..",
        "com.consumer360.jooq.."};

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
    static final ArchRule jooqStaysOutOfPublicSignatures = methods().that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackages(INFRASTRUCTURE)
            .should(new ArchCondition<JavaMethod>("not take or return jOOQ types") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<JavaClass> involved = new ArrayList<>(method.getReturnType().getAllInvolvedRawTypes());
                    method.getParameterTypes().forEach(type -> involved.addAll(type.getAllInvolvedRawTypes()));
                    involved.stream().filter(ArchitectureTest::isJooq).findFirst().ifPresent(type -> events.add(
                            SimpleConditionEvent.violated(method, method.getFullName() + " exposes " + type.getName())));
                }
            })
            .because("jOOQ is an implementation detail of each feature's package-private queries; only the database "
                    + "and warehouse infrastructure may hand jOOQ types to other modules");

    @ArchTest
    static final ArchRule servicesStateTheRolesThatMayCallThem = classes()
            .that().areAnnotatedWith(Service.class).and().arePublic()
            .should(new ArchCondition<JavaClass>("state the roles that may call each public method") {
                @Override
                public void check(JavaClass service, ConditionEvents events) {
                    boolean classLevel = service.tryGetAnnotationOfType(PreAuthorize.class)
                            .map(a -> namesRoles(a.value())).orElse(false);
                    for (JavaMethod method : service.getMethods()) {
                        if (!method.getModifiers().contains(JavaModifier.PUBLIC)) {
                            continue;
                        }
                        boolean methodLevel = method.tryGetAnnotationOfType(PreAuthorize.class)
                                .map(a -> namesRoles(a.value())).orElse(false);
                        if (!classLevel && !methodLevel) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " has no @PreAuthorize naming roles (on the method or the class)"));
                        }
                    }
                }
            })
            .because("a view annotation alone is a privilege escalation waiting to happen; isAuthenticated() would "
                    + "let a signed-in user without a role read data");

    @ArchTest
    static final ArchRule onlyBatchEntryPointsEnterTheSystemScope = noClasses()
            .that().resideOutsideOfPackages("com.consumer360.security..")
            .and().doNotHaveFullyQualifiedName("com.consumer360.refresh.RefreshRunner")
            .and().doNotHaveFullyQualifiedName("com.consumer360.demodata.DemoDataInitializer")
            .and().doNotHaveFullyQualifiedName("com.consumer360.sources.ScheduledSourceRun")
            .and().resideOutsideOfPackage("com.consumer360.ingest")
            .should().callMethod(SystemScope.class, "call", String.class, Set.class, Callable.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.consumer360.security.CurrentRegionScope")
            .because("the all-region system scope is for the refresh, the demo load, imports and scheduled source runs only");

    @ArchTest
    static final ArchRule onlyTheDigestJobActsAsARecipient = noClasses()
            .that().resideOutsideOfPackages("com.consumer360.security..")
            .and().doNotHaveFullyQualifiedName("com.consumer360.summary.DigestJob")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.consumer360.security.RecipientScope")
            .because("running as another user is for producing that user's own scheduled reports only");

    private static boolean isJooq(JavaClass type) {
        return type.getPackageName().startsWith("org.jooq") || type.getPackageName().startsWith("com.consumer360.jooq");
    }

    private static boolean namesRoles(String expression) {
        return expression.contains("hasRole") || expression.contains("hasAnyRole");
    }

    @ArchTest
    static final ArchRule viewsLiveInUiPackages = classes().that().areAnnotatedWith(Route.class)
            .should().resideInAPackage("..ui..");
}
