package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static com.consumer360.support.TestDatabase.superuserText;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.util.List;
import com.consumer360.refresh.WeeklyHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The weekly summary in Chromium: North's figures, a movement cell's customers and exports, exec's regions. */
@PortalIntegration
class SummaryViewBrowserTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void weeklyHistory() throws Exception {
        WeeklyHistory.ensure(context);
    }

    @LocalServerPort
    int port;

    @Test
    void northSeesNorthsWeekMoversAndExportsOnly() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("summary");
            browser.waitFor("#summary-headline");
            browser.waitForText("#summary-text", "compared with");
            browser.waitFor("#summary-active-spark .apexcharts-canvas");
            long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
            long active = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ? AND region_id = 1 "
                    + "AND recency_days <= 90", current);
            assertThat(browser.find("#summary-active").getText()).isEqualTo(String.format("%,d", active));
            assertThat(browser.script("return document.querySelector('#region-filter')")).as("no region filter").isNull();
            browser.settle();
            browser.screenshot("summary-north");
            String page = browser.pageText();
            assertThat(page).doesNotContain("South", "East", "West", "Central");

            assertThat(browser.script("return document.querySelector('#summary-movement').innerText")).asString()
                    .contains("Champions");
            // Column names written upwards and each count over its share: the whole matrix fits its card at 1280 px.
            browser.script("document.querySelector('#summary-movement').scrollIntoView({block: 'center'})");
            browser.settle();
            assertThat(browser.script("const box = document.querySelector('#summary-movement');"
                    + "return box.scrollWidth <= box.clientWidth")).as("the matrix fits at 1280 px").isEqualTo(true);
            browser.screenshot("summary-movement-north");
            WebElement move = browser.find("#summary-movement vaadin-button");
            String label = move.getText();
            browser.script("arguments[0].click()", move);
            browser.waitFor("#movers-customers-grid");
            browser.waitForText("#movers-title", "customers");
            List<String> csv = browser.download("#movers-export");
            assertThat(csv).hasSizeGreaterThan(1);
            assertThat(label.replace(",", "")).startsWith(String.valueOf(csv.size() - 1));
            assertThat(csv.subList(1, csv.size())).allSatisfy(line -> assertThat(line).contains(",North,"));
            List<String> summary = browser.download("#summary-export");
            assertThat(String.join("\n", summary)).contains("region,North").doesNotContain("South", "East");

            Flow flow = clickWidestFlow(browser, false);
            List<String> flowMovers = browser.download("#movers-export");
            assertThat(flowMovers).hasSize((int) flow.customers() + 1);
            assertThat(flowMovers.subList(1, flowMovers.size())).allSatisfy(line -> assertThat(line).contains(",North,"));
            assertThat(flow.customers()).isEqualTo(moversInSql(flow, " AND region_id = 1"))
                    .isLessThan(moversInSql(flow, ""));
            browser.script("document.querySelector('#summary-flow').scrollIntoView({block: 'center'})");
            browser.movePointerAway();
            browser.settle();
            browser.screenshot("summary-sankey-north");
            assertThat(browser.script(LABELS_INSIDE)).as("every end label inside the diagram").isEqualTo(true);
            // Counts of a large warehouse make the labels longer: they still fit, whole, at 1280 px.
            browser.script(LONG_LABELS);
            assertThat(browser.script(LABELS_INSIDE)).as("long end labels inside the diagram").isEqualTo(true);
            assertThat(browser.script("return Array.from(document.querySelectorAll('#summary-flow .c360-sankey-label'))"
                    + ".every(l => l.firstChild.nodeValue.endsWith(' · 123,456'))")).as("not shortened at 1280 px").isEqualTo(true);
            browser.screenshot("summary-sankey-north-long-labels");
            browser.script("const f = document.querySelector('#summary-flow'); f.config = f.dataset.original");

            browser.resize(820, 1100);
            browser.settle();
            assertThat(browser.fitsWidth()).as("no horizontal scrolling at tablet width").isTrue();
            browser.waitUntilScript("const svg = document.querySelector('#summary-flow svg');"
                    + "return !!svg && svg.getAttribute('width') <= window.innerWidth");
            assertThat(browser.script(LABELS_INSIDE)).as("end labels inside the diagram at 820 px").isEqualTo(true);
            browser.screenshot("summary-sankey-north-tablet");
            browser.script(LONG_LABELS);
            assertThat(browser.script(LABELS_INSIDE)).as("long end labels inside at 820 px").isEqualTo(true);
            browser.script("const f = document.querySelector('#summary-flow'); f.config = f.dataset.original");
            browser.script("arguments[0].click()", browser.find("#summary-tab-matrix"));
            browser.script("document.querySelector('#summary-movement-tabs').scrollIntoView({block: 'center'})");
            browser.settle();
            assertThat(browser.script("const box = document.querySelector('#summary-movement');"
                    + "box.scrollLeft = 10000; const row = box.querySelector('tbody th').getBoundingClientRect();"
                    + "return row.left >= box.getBoundingClientRect().left - 1"))
                    .as("row headers stay in view should the matrix scroll at 820 px").isEqualTo(true);
            browser.script("document.querySelector('#summary-movement').scrollLeft = 0");
            browser.screenshot("summary-north-tablet");
        }
    }

    /** Whether every end label of the flow diagram lies inside its SVG (none cut off at either edge). */
    private static final String LABELS_INSIDE = "const svg = document.querySelector('#summary-flow svg')"
            + ".getBoundingClientRect(); const labels = Array.from(document.querySelectorAll('#summary-flow "
            + ".c360-sankey-label')); return labels.length > 0 && labels.every(l => { const r = "
            + "l.getBoundingClientRect(); return r.left >= svg.left - 0.5 && r.right <= svg.right + 0.5; })";
    /** Redraws the flow diagram with six-digit counts in its labels, keeping the data shown in data-original. */
    private static final String LONG_LABELS = "const f = document.querySelector('#summary-flow');"
            + "f.dataset.original = f.config; const c = JSON.parse(f.config);"
            + "c.nodes.forEach(n => n.label = n.name + ' · 123,456'); f.config = JSON.stringify(c)";

    /** Customers in one cell of the default pair's movement, by superuser SQL over the regions given. */
    private static long moversInSql(Flow flow, String region) throws java.sql.SQLException {
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        long previous = superuserLong("SELECT snapshot_id FROM snapshot s WHERE s.as_of_date < (SELECT as_of_date FROM "
                + "snapshot WHERE snapshot_id = ?) ORDER BY as_of_date DESC, snapshot_id DESC LIMIT 1", current);
        return superuserLong("SELECT count(*) FROM (SELECT * FROM snap_customer WHERE snapshot_id = ?" + region + ") x "
                + "FULL JOIN (SELECT * FROM snap_customer WHERE snapshot_id = ?" + region + ") y "
                + "ON x.customer_id = y.customer_id "
                + "WHERE coalesce(x.segment, '(new)') = ? AND coalesce(y.segment, '(gone)') = ?",
                previous, current, flow.from(), flow.to());
    }

    private record Flow(String from, String to, long customers) {
    }

    /**
     * Opens the movement's Flow tab, checks that it draws one link per non-zero cell off the matrix's diagonal and
     * clicks the widest link between two segments (or presses Enter on it); the movers list shows that cell.
     */
    private static Flow clickWidestFlow(Browser browser, boolean keyboard) {
        browser.script("arguments[0].click()", browser.find("#summary-tab-flow"));
        try {
            browser.waitFor("#summary-flow svg path.c360-sankey-link");
        } catch (RuntimeException e) {
            System.out.println("Flow not drawn; browser console:\n" + browser.console() + "element: " + browser.script(
                    "const f = document.querySelector('#summary-flow'); return f && JSON.stringify({width: f.clientWidth,"
                    + " display: getComputedStyle(f).display, defined: !!customElements.get('c360-sankey')})"));
            throw e;
        }
        browser.settle();
        long cells = (Long) browser.script("return document.querySelectorAll("
                + "'#summary-movement td:not(.c360-movement-stay) vaadin-button').length");
        long paths = (Long) browser.script("return document.querySelectorAll('#summary-flow path.c360-sankey-link').length");
        assertThat(paths).as("one link per non-zero cell off the diagonal").isEqualTo(cells).isPositive();
        assertThat((Long) browser.script("return document.querySelectorAll('#summary-flow rect').length")).isPositive();
        assertThat(browser.find("#summary-flow svg").getAttribute("aria-label")).contains("Matrix tab");
        assertThat((Long) browser.script("return document.querySelectorAll('#summary-flow path.c360-sankey-link"
                + "[role=button][tabindex=\"0\"][aria-label]').length")).as("every link is a labelled button")
                .isEqualTo(paths);
        WebElement widest = (WebElement) browser.script("return Array.from(document.querySelectorAll("
                + "'#summary-flow path.c360-sankey-link')).filter(p => p.dataset.source !== '(new)' "
                + "&& p.dataset.target !== '(gone)').sort((a, b) => b.dataset.value - a.dataset.value)[0]");
        Flow flow = new Flow(widest.getAttribute("data-source"), widest.getAttribute("data-target"),
                Long.parseLong(widest.getAttribute("data-value")));
        assertThat(flow.from()).isNotEqualTo(flow.to());
        if (keyboard) {
            browser.script("arguments[0].focus(); arguments[0].dispatchEvent(new KeyboardEvent('keydown', "
                    + "{key: 'Enter', bubbles: true}))", widest);
        } else {
            browser.script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", widest);
        }
        browser.waitForText("#movers-title", flow.from() + " → " + flow.to() + ": ");
        browser.settle();
        assertThat(browser.find("#movers-title").getText()).contains(String.format("%,d customers", flow.customers()));
        return flow;
    }

    @Test
    void northCannotOpenAnotherUsersDigestByUrlAndReadsTheirOwn() throws Exception {
        long execs = superuserLong("SELECT max(digest_id) FROM digest WHERE username = 'exec'");
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("summary/digests?id=" + execs);
            browser.waitForText("#digest-message", "Digest not found");
            assertThat(browser.script("return document.querySelector('#digest-frame')")).isNull();
            assertThat(browser.pageText()).doesNotContain("South", "Central", "Eva Executive");
            browser.open("summary/digests?id=1;DROP");
            browser.waitForText("#digest-message", "Digest not found");
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("summary/digests");
            browser.waitFor("#digest-frame");
            browser.waitForText("#digest-mail-status", "e-mailed");
            browser.settle();
            browser.screenshot("digests-exec");
            assertThat(browser.find("#digest-subscribed input").isSelected()).isTrue();
        }
        // Administrators get no digest unless they opt in (only executives do by default), and no test opts admin in.
        assertThat(superuserLong("SELECT count(*) FROM digest WHERE username = 'admin'")).isZero();
        // Without the opt-in no digest is made: the empty page says what to do, not "after the next refresh".
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "demo");
            browser.waitFor("vaadin-side-nav-item");
            browser.open("summary/digests");
            browser.waitFor("#digest-subscribed");
            boolean subscribed = browser.find("#digest-subscribed input").isSelected();
            browser.waitForText("#digest-message", subscribed ? "after the next refresh" : "tick the box");
            browser.script("document.querySelector('#digest-subscribed input').click()");
            browser.waitForText("#digest-message", subscribed ? "tick the box" : "after the next refresh");
            browser.script("document.querySelector('#digest-subscribed input').click()");
            browser.waitForText("#digest-message", subscribed ? "after the next refresh" : "tick the box");
        }
    }

    @Test
    void executiveSeesEveryRegionAndCanCompareAnotherPair() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("summary");
            browser.waitFor("#summary-regions");
            browser.waitForText("#summary-regions", "Central");
            String regions = browser.find("#summary-regions").getText();
            assertThat(regions).contains("North", "South", "East", "West", "Central");
            browser.settle();
            browser.screenshot("summary-exec");
            String before = browser.find("#summary-new").getText();
            Flow flow = clickWidestFlow(browser, true);
            List<String> flowMovers = browser.download("#movers-export");
            assertThat(flowMovers).hasSize((int) flow.customers() + 1);
            assertThat(flow.customers()).isEqualTo(moversInSql(flow, ""));
            browser.script("document.querySelector('#summary-flow').scrollIntoView({block: 'center'})");
            browser.movePointerAway();
            browser.settle();
            browser.screenshot("summary-flow");
            long oldest = superuserLong("SELECT snapshot_id FROM snapshot ORDER BY as_of_date, snapshot_id LIMIT 1");
            long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
            String label = "SELECT as_of_date || ' (#' || snapshot_id || ')' FROM snapshot WHERE snapshot_id = ";
            browser.chooseItem("#summary-earlier", superuserText(label + current));
            browser.waitForText("#summary-error", "Cannot compare");
            assertThat(browser.find("#summary-headline").isDisplayed()).as("no figures of the pair before").isFalse();
            assertThat(browser.find("#summary-export").isDisplayed()).as("no export of the pair before").isFalse();
            assertThat(browser.currentUrl()).doesNotContain("from=" + current);
            browser.chooseItem("#summary-earlier", superuserText(label + oldest));
            browser.waitUntilScript("return location.search === arguments[0]", "?from=" + oldest + "&to=" + current);
            assertThat(browser.find("#summary-headline").isDisplayed()).isTrue();
            assertThat(browser.find("#summary-error").isDisplayed()).isFalse();
            browser.open("summary?from=" + oldest + "&to=" + current);
            browser.waitFor("#summary-headline");
            browser.settle();
            assertThat(browser.script("return document.querySelector('#summary-error')")).isNull();
            assertThat(browser.find("#summary-new").getText()).isNotEqualTo(before)
                    .isEqualTo(String.format("%,d", superuserLong("SELECT count(*) FROM snap_customer y WHERE "
                            + "y.snapshot_id = ? AND NOT EXISTS (SELECT 1 FROM snap_customer x WHERE x.snapshot_id = ? "
                            + "AND x.customer_id = y.customer_id)", current, oldest)));

            browser.open("summary?from=abc&to=999999");
            browser.waitForText("#summary-error", "is not a snapshot id");
            assertThat(browser.find("#summary-error").getText()).contains("There is no snapshot 999999");
            assertThat(browser.find("#summary-new").getText()).isEqualTo(before);
        }
    }
}
