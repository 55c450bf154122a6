package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every page opened by its address as the first page of a browser tab (a bookmark, a shared link), and addresses
 * that are no page. The routes are found by scanning for {@code @Route}, so a new view is covered without editing
 * this test. Run it against a production build with {@code -Dportal.url=http://localhost:8080/
 * -Dportal.customer=<id>} (see docs/operations.md).
 */
@PortalIntegration
class FirstPageBrowserTest {

    /** Every element of Vaadin's and our own components on the page is an upgraded custom element. */
    private static final String NOT_UPGRADED = """
            const tags = new Set(Array.from(document.querySelectorAll('*')).map(e => e.localName)
                .filter(t => (t.startsWith('vaadin-') || t.startsWith('c360-')) && t !== 'vaadin-grid-cell-content'));
            return Array.from(tags).filter(t => !customElements.get(t));
            """;
    /** Visible grids whose header row has no height or no text (an un-styled or cut-off header). */
    private static final String BROKEN_GRID_HEADERS = """
            return Array.from(document.querySelectorAll('vaadin-grid')).filter(g => g.offsetParent !== null)
                .filter(g => { const head = g.shadowRoot && g.shadowRoot.querySelector('thead');
                    const text = Array.from(g.querySelectorAll('vaadin-grid-cell-content'))
                        .some(c => c.textContent.trim().length > 0);
                    return !head || head.getBoundingClientRect().height < 20 || !text; })
                .map(g => g.id || '(grid without id)');
            """;
    /** Header cells and dates cut off (ellipsis) in visible grids. */
    private static final String CUT_OFF_CELLS = """
            return Array.from(document.querySelectorAll('vaadin-grid')).filter(g => g.offsetParent !== null)
                .flatMap(g => Array.from(g.querySelectorAll('vaadin-grid-cell-content'))
                    .filter(c => c.assignedSlot && (c.assignedSlot.parentElement.localName === 'th'
                        || g.id === 'users-grid'
                        || /^\\d{4}-\\d{2}-\\d{2}/.test(c.textContent.trim())))
                    .filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
                    .map(c => (g.id || 'grid') + ': ' + c.textContent.trim()));
            """;
    /** Heatmap table cells whose text does not reach WCAG AA contrast (4.5:1) with their background. */
    private static final String LOW_CONTRAST_CELLS = """
            const lum = c => { const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number)
                .map(v => v / 255).map(v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            return Array.from(document.querySelectorAll('.c360-cohort-cell')).filter(td => td.textContent.trim())
                .map(td => { const s = getComputedStyle(td); const a = lum(s.color), b = lum(s.backgroundColor);
                    return [td.id, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
                .filter(([id, ratio]) => ratio < 4.5).map(([id, ratio]) => id + ' ' + ratio.toFixed(2));
            """;
    /** Collapsed details (the definitions panels) that are un-styled or show their content. */
    private static final String BROKEN_DETAILS = """
            return Array.from(document.querySelectorAll('vaadin-details'))
                .filter(d => !d.shadowRoot || (!d.opened && d.getBoundingClientRect().height > 80))
                .map(d => d.id || '(details without id)');
            """;

    @LocalServerPort
    int port;

    @Test
    void everyRouteRendersWhenItIsTheFirstPageOpened() throws Exception {
        long customer = Long.parseLong(System.getProperty("portal.customer", String.valueOf(superuserLong(
                "SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = "
                        + "(SELECT snapshot_id FROM snapshot WHERE is_current)"))));
        // A parameter with a pattern (the segment builder's ":id(new|[0-9]{1,18})") opens as a new segment.
        List<String> routes = routes().stream().map(r -> r.replaceAll(":id\\(new\\|[^)]*\\)", "new"))
                .map(r -> r.replace(":id", String.valueOf(customer)))
                .filter(r -> !r.equals("login")).toList();
        assertThat(routes).contains("", "sales", "customers/" + customer, "admin/users");
        try (Browser browser = browser()) {
            // A shared link opened before signing in: the sign-in page first, then the linked page.
            browser.open("customers/" + customer);
            browser.waitFor("vaadin-login-form");
            browser.settle();
            assertThat(browser.script(NOT_UPGRADED)).as("sign-in page").asList().isEmpty();
            browser.submitSignIn("admin", "demo");
            browser.waitFor("#customer-definitions");
            browser.settle();
            List<String> failures = new ArrayList<>();
            checkRoute(browser, "customers/" + customer + " (after signing in)", failures);
            for (String route : routes) {
                browser.open(route);
                browser.waitFor("vaadin-app-layout .c360-page, vaadin-app-layout [id]");
                browser.settle();
                Thread.sleep(300); // let the grids lay out their header rows
                checkRoute(browser, route, failures);
                browser.screenshot("first-page-" + (route.isEmpty() ? "root" : route.replace('/', '-')));
            }
            assertThat(failures).isEmpty();
        }
    }

    private static void checkRoute(Browser browser, String route, List<String> failures) {
        Map<String, Object> checks = Map.of("not upgraded", browser.script(NOT_UPGRADED),
                "grid header missing", browser.script(BROKEN_GRID_HEADERS),
                "definitions not collapsed and styled", browser.script(BROKEN_DETAILS),
                "cut off", browser.script(CUT_OFF_CELLS),
                "low contrast", browser.script(LOW_CONTRAST_CELLS));
        checks.forEach((what, found) -> {
            if (!((List<?>) found).isEmpty()) {
                failures.add("/" + route + ": " + what + " " + found);
            }
        });
        if (browser.script("return document.querySelector('#not-found, #access-denied')") != null) {
            failures.add("/" + route + ": not found or denied for admin");
        }
    }

    @Test
    void aMistypedAddressShowsPageNotFoundInTheAppFrame() throws Exception {
        try (Browser browser = browser()) {
            browser.signIn("north", "demo");
            browser.waitFor("vaadin-side-nav-item");
            for (String wrong : List.of("salse", "customer", "admin/nothing/here", "rfm/extra")) {
                browser.open(wrong);
                browser.waitFor("#not-found");
                browser.settle();
                assertThat(browser.pageText()).as(wrong).contains("Page not found", "Sales")
                        .doesNotContain("HTTP ERROR", "Could not navigate", "Exception");
                assertThat(browser.navLabels()).as("the navigation is there").contains("Sales", "Customers");
                assertThat(browser.script("return document.title")).as("the tab's title").isEqualTo(
                        "Page not found · Consumer360");
            }
            browser.screenshot("not-found-north");
            browser.find("#not-found a").click();
            browser.waitFor("#region-grid");
        }
    }

    @Test
    void anAnonymousVisitorOfAnyAddressGetsTheSignInPage() throws Exception {
        try (Browser browser = browser()) {
            for (String wrong : List.of("salse", "customers/1", "admin/users", "actuator/health")) {
                browser.open(wrong);
                browser.waitFor("vaadin-login-form");
                assertThat(browser.currentUrl()).as(wrong).endsWith("/login");
                assertThat(browser.pageText()).doesNotContain("Page not found", "North");
            }
        }
    }

    @Test
    void technicalPathsStayClosedForASignedInUser() throws Exception {
        try (Browser browser = browser()) {
            browser.signIn("north", "demo");
            browser.waitFor("vaadin-side-nav-item");
            for (String path : List.of("VAADIN/../application.properties", "VAADIN/config/flow-build-info.json",
                    "META-INF/MANIFEST.MF", "WEB-INF/web.xml", "actuator/env")) {
                Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/' + arguments[0], {redirect: 'manual'}).then(r => r.text().then(t => done("
                        + "r.status + ' ' + (t.includes('spring.datasource') || t.includes('productionMode')))))",
                        path);
                assertThat((String) status).as(path).doesNotEndWith("true");
            }
        }
    }

    private Browser browser() throws Exception {
        String url = System.getProperty("portal.url");
        return url == null ? new Browser(port) : new Browser(url);
    }

    /** The route templates of every view ({@code @Route} and {@code @RouteAlias}), sorted. */
    static List<String> routes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        TreeSet<String> routes = new TreeSet<>();
        for (BeanDefinition view : scanner.findCandidateComponents("com.consumer360")) {
            Class<?> type = Class.forName(view.getBeanClassName());
            routes.add(type.getAnnotation(Route.class).value());
            for (RouteAlias alias : type.getAnnotationsByType(RouteAlias.class)) {
                routes.add(alias.value());
            }
        }
        return List.copyOf(routes);
    }
}
