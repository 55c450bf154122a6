package com.consumer360.security.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.vaadin.flow.router.Route;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.consumer360.customsegments.SegmentPagesFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * The role × path matrix: discovers every public method of every {@code @Service} and every {@code @Route} view, fails
 * for any that {@link PathCoverage} neither probes nor explains, then runs every probe as every demo user and checks
 * with {@link ScopeObserver} that every row, name and figure lies in that user's scope.
 */
@PortalIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleByPathMatrixTest {

    static final List<String> USERS = List.of("north", "south", "east", "west", "central", "exec", "csops", "admin");

    @Autowired
    ApplicationContext context;

    @Autowired
    UserDetailsService users;

    /** Custom segments created by csops (no region criterion) with stored members at two snapshots. */
    @BeforeAll
    void createCustomSegments() throws Exception {
        PathCoverage.segments = new SegmentPagesFixture(context);
    }

    @AfterAll
    void deleteCustomSegments() throws Exception {
        if (PathCoverage.segments != null) {
            PathCoverage.segments.close();
            PathCoverage.segments = null;
        }
    }

    @Test
    void everyServiceMethodAndViewIsCoveredOrExplained() throws Exception {
        Set<String> discovered = discoveredServiceMethods();
        Set<String> uncovered = new TreeSet<>(discovered);
        uncovered.removeAll(PathCoverage.PROBES.keySet());
        uncovered.removeAll(PathCoverage.NOT_DATA_BEARING.keySet());
        assertThat(uncovered).as("service methods neither probed nor explained in PathCoverage "
                + "(add a probe or a reason, see docs/security.md)").isEmpty();

        Set<String> stale = new TreeSet<>(PathCoverage.PROBES.keySet());
        stale.addAll(PathCoverage.NOT_DATA_BEARING.keySet());
        stale.removeAll(discovered);
        assertThat(stale).as("PathCoverage entries for methods that no longer exist").isEmpty();

        List<String> problems = new ArrayList<>();
        for (Class<?> view : discovered(Route.class)) {
            if (!PathCoverage.VIEWS.containsKey(view.getSimpleName())) {
                problems.add(view.getSimpleName() + " is not in PathCoverage.VIEWS");
            }
            for (Constructor<?> constructor : view.getConstructors()) {
                for (Class<?> parameter : constructor.getParameterTypes()) {
                    if (!parameter.isAnnotationPresent(Service.class)
                            && !PathCoverage.VIEW_DEPENDENCIES.containsKey(parameter.getName())) {
                        problems.add(view.getSimpleName() + " takes " + parameter.getName()
                                + ", which is no service of the matrix: a view reads data only through services");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserSeesOnlyTheirScopeOnEveryPath() throws Exception {
        ScopeObserver.Truth truth = ScopeObserver.Truth.read();
        Map<String, String> cells = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        long rows = 0;
        long values = 0;
        long figures = 0;
        int calls = 0;
        int refused = 0;
        long refusedFilters = 0;
        for (String user : USERS) {
            ScopeObserver observer = new ScopeObserver(truth, user);
            assertThat(observer.regions()).as(user + "'s regions").isNotEmpty();
            for (Map.Entry<String, Probe> path : PathCoverage.PROBES.entrySet()) {
                observer.at(path.getKey());
                try {
                    SignedIn.call(users, user, () -> {
                        path.getValue().run(context, observer);
                        return null;
                    });
                    calls++;
                } catch (AccessDeniedException denied) {
                    refused++;
                    cells.put(user + " " + path.getKey(), "refused");
                }
            }
            leaks.addAll(observer.leaks());
            rows += observer.rowsChecked();
            values += observer.valuesChecked();
            figures += observer.figuresChecked();
            refusedFilters += observer.refusedFilters();
        }
        System.out.printf("Role x path matrix: %d paths x %d users = %d cells (%d run, %d refused by role, %d out-of-scope"
                        + " filters refused), %d rows, %d values and %d figures checked against superuser SQL, %d leaks%n",
                PathCoverage.PROBES.size(), USERS.size(), PathCoverage.PROBES.size() * USERS.size(), calls, refused,
                refusedFilters,
                rows, values, figures, leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(rows).isGreaterThan(10_000);
    }

    @Test
    void theObserverCatchesAForeignCustomerNameRegionAndFigure() throws Exception {
        ScopeObserver.Truth truth = ScopeObserver.Truth.read();
        ScopeObserver north = new ScopeObserver(truth, "north");
        long southern = truth.customerRegion().entrySet().stream().filter(e -> e.getValue() == 2).findFirst()
                .orElseThrow().getKey();
        String southernName = truth.customerName().get(southern);
        north.at("self-test");
        north.result(List.of(new com.consumer360.warehouse.RegionOption((short) 2, "South")));
        north.result(java.util.Optional.of(Map.of("k", southernName)));
        north.export(com.consumer360.export.ExportFormat.CSV, out -> out.writeBytes(
                ("customer_id,name\n" + southern + ",x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        north.figure("revenue", 1, 2);
        assertThat(north.leaks()).hasSizeGreaterThanOrEqualTo(4).anyMatch(l -> l.contains("region id 2"))
                .anyMatch(l -> l.contains("customer " + southern)).anyMatch(l -> l.contains("superuser SQL"));
    }

    private Set<String> discoveredServiceMethods() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> service : discovered(Service.class)) {
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                        && !Modifier.isStatic(method.getModifiers())) {
                    methods.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        return methods;
    }

    /** Classes under com.consumer360 carrying the annotation, found on the classpath (not only the beans in use). */
    static List<Class<?>> discovered(Class<? extends java.lang.annotation.Annotation> annotation) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.consumer360")) {
            try {
                classes.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
