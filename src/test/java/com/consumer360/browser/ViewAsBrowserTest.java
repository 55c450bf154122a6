package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.WeeklyHistory;
import com.consumer360.support.PortalIntegration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An admin views the portal as north in Chromium (banner, North only, an export in North's scope), exits, and finds
 * those actions in the audit trail; the pages render under the Content-Security-Policy with no refusal in the console;
 * an export link is dead once its session has ended.
 */
@PortalIntegration
class ViewAsBrowserTest {

    private static final List<String> OTHER_REGIONS = List.of("South", "East", "West", "Central");

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @BeforeEach
    void weeklyHistory() throws Exception {
        WeeklyHistory.ensure(context);
    }

    @Test
    void adminViewsAsNorthSeesNorthOnlyExitsAndFindsItInTheAuditTrail() throws Exception {
        long startsBefore = superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin'"
                + " AND viewed_as = 'north' AND action = 'VIEW_AS_START'");
        long deniedViewsBefore = deniedViews();
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "demo");
            browser.waitFor("#region-grid");
            browser.waitFor("c360-apex-chart .apexcharts-canvas");
            browser.settle();
            assertThat(gridCells(browser, "#region-grid")).contains("North", "South", "East", "West", "Central");
            assertThat(browser.script("return document.querySelector('#view-as-banner')")).isNull();

            browser.open("admin/view-as?username=north");
            browser.waitForText("#view-as-banner", "Viewing as north");
            browser.waitFor("#region-grid");
            browser.waitFor("c360-apex-chart .apexcharts-canvas");
            browser.settle();
            browser.movePointerAway();
            browser.screenshot("view-as-north-sales");
            assertThat(gridCells(browser, "#region-grid")).contains("North").doesNotContainAnyElementsOf(OTHER_REGIONS);
            assertThat(browser.pageText()).doesNotContain(OTHER_REGIONS).contains("signed in as admin");

            browser.open("summary");
            browser.waitFor("#summary-headline");
            browser.waitForText("#view-as-banner", "Viewing as north");
            browser.settle();
            List<String> summary = browser.download("#summary-export");
            assertThat(String.join("\n", summary)).contains("region,North").doesNotContain(OTHER_REGIONS);

            browser.open("admin/users");
            browser.waitFor("#access-denied");
            browser.waitForText("#view-as-banner", "Viewing as north");

            browser.script("arguments[0].click()", browser.find("#view-as-exit"));
            browser.waitUntilScript("return !!document.querySelector('#region-grid')"
                    + " && !document.querySelector('#view-as-banner')");
            browser.settle();
            assertThat(gridCells(browser, "#region-grid")).contains("North", "South", "East", "West", "Central");

            browser.open("admin/audit");
            browser.waitFor("#audit-grid");
            browser.settle();
            browser.find("#audit-user input").sendKeys("north");
            browser.waitUntilScript("const cells = Array.from(document.querySelectorAll('#audit-grid vaadin-grid-cell-content'))"
                    + ".map(c => c.textContent.trim()); return ['View as started', 'View as ended', 'Export', 'Page opened']"
                    + ".every(a => cells.includes(a)) && !cells.includes('/admin/audit')");
            browser.settle();
            browser.movePointerAway();
            browser.screenshot("audit-trail");
            List<String> cells = gridCells(browser, "#audit-grid");
            assertThat(cells).contains("admin", "north", "/summary");

            List<String> console = browser.consoleMessages();
            assertThat(console).as("no Content-Security-Policy refusal in the console")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        }
        assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin' AND viewed_as = 'north'"
                + " AND action = 'VIEW_AS_START'")).isEqualTo(startsBefore + 1);
        long northSummaryRows = superuserLong("SELECT row_count FROM audit_event WHERE username = 'admin'"
                + " AND viewed_as = 'north' AND action = 'EXPORT' ORDER BY event_id DESC LIMIT 1");
        assertThat(northSummaryRows).isPositive();
        assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin' AND viewed_as = 'north'"
                + " AND action = 'PAGE_VIEW' AND detail = '/summary'")).isPositive();
        assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin' AND viewed_as = 'north'"
                + " AND action = 'VIEW_AS_END'")).isPositive();
        assertThat(deniedViews()).as("one page view per navigation, also when access is denied")
                .isEqualTo(deniedViewsBefore + 1);
    }

    private static long deniedViews() throws Exception {
        return superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin' AND viewed_as = 'north'"
                + " AND action = 'PAGE_VIEW' AND detail = '/admin/users'");
    }

    @Test
    void anExportLinkIsDeadOnceTheSessionHasEnded() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("summary");
            browser.waitFor("#summary-headline");
            browser.settle();
            String href = (String) browser.script("return document.querySelector('#summary-export').href");
            String live = browser.fetch(href);
            assertThat(live).startsWith("200 text/csv").contains("region,North");

            browser.script("arguments[0].click()", browser.find("#sign-out"));
            browser.waitFor("vaadin-login-form");
            String after = browser.fetch(href);
            assertThat(after).as("the replayed export link after sign-out").doesNotContain("region,North")
                    .doesNotStartWith("200 text/csv");

            browser.signIn("south", "demo");
            browser.waitFor("#region-grid");
            String otherSession = browser.fetch(href);
            assertThat(otherSession).as("north's export link in south's session").doesNotContain("North")
                    .doesNotStartWith("200 text/csv");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> gridCells(Browser browser, String grid) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "arguments[0] + ' vaadin-grid-cell-content')).map(c => c.textContent.trim()).filter(t => t)", grid);
    }
}
