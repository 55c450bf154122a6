package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The behaviour map in a real Chromium as a regional manager and as an executive: the scatter with its sample
 * note, a filter, two groups compared, the exports fetched with the browser's session, a point clicked through
 * to the customer. Expected rows and figures come from the database as superuser.
 */
@PortalIntegration
class BehaviourViewBrowserTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String LAPSED = "recency_days >= 181 AND frequency >= 4";
    private static final String BIG_RARE = "frequency <= 2 AND m_score >= 5";

    @LocalServerPort
    int port;

    @Test
    void northFiltersComparesExportsAndOpensACustomerOnlyInNorth() throws Exception {
        Set<Long> northIds = new HashSet<>(ids("region_id = 1"));
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).containsSubsequence("RFM matrix", "Behaviour map", "Segments");
            openMap(browser);
            assertThat(browser.script("return document.querySelector('#region-filter')")).as("one region: no filter")
                    .isNull();
            long plotted = count("region_id = 1 AND monetary > 0");
            assertThat(browser.find("#sample-note").getText()).startsWith("Showing all " + String.format("%,d", plotted)
                    + " customers");
            assertThat(markers(browser)).isEqualTo(plotted);
            assertThat(browser.find("#behaviour-summary").getText())
                    .startsWith(String.format("%,d", count("region_id = 1")));

            // A filter: recency of at least 181 days.
            type(browser, "#recency-min", "181");
            browser.waitForText("#behaviour-summary", String.format("%,d", count("region_id = 1 AND recency_days >= 181"))
                    + " customers");
            browser.waitUntilScript("return document.querySelectorAll('#behaviour-map .apexcharts-series path, "
                    + "#behaviour-map .apexcharts-series circle').length === arguments[0]",
                    count("region_id = 1 AND recency_days >= 181 AND monetary > 0"));
            List<String> mapCsv = browser.download("#map-export");
            assertThat(mapCsv.getFirst()).startsWith("customer_id,name,region,recency_days,recency_band,");
            assertThat(mapCsv).hasSize((int) count("region_id = 1 AND recency_days >= 181 AND monetary > 0") + 1);
            assertThat(northIds).containsAll(firstColumn(mapCsv));
            List<List<Object>> mapXlsx = Spreadsheets.rows(browser.downloadBytes("#map-export-xlsx"));
            assertThat(mapXlsx.stream().skip(1).map(r -> ((Double) r.get(0)).longValue()).toList())
                    .containsExactlyElementsOf(firstColumn(mapCsv));
            assertThat(mapXlsx.stream().skip(1).map(r -> r.get(2))).containsOnly("North");

            // An inverted range gives a message, not an error.
            type(browser, "#recency-max", "90");
            browser.waitForText("#filter-error", "the minimum (181) is larger than the maximum (90)");
            clear(browser, "#recency-max");
            browser.waitUntilScript("return document.querySelector('#filter-error').hidden");

            // The two preset groups, compared within the filter.
            click(browser, "#compare-button");
            browser.waitFor("#comparison-grid");
            browser.waitFor("#hist-frequency .apexcharts-bar-area");
            browser.settle();
            String shown = "region_id = 1 AND recency_days >= 181";
            long a = count(shown + " AND " + LAPSED);
            long b = count(shown + " AND " + BIG_RARE);
            assertThat(a).isPositive();
            assertThat(b).isPositive();
            String grid = gridText(browser, "#comparison-grid");
            assertThat(grid).contains(String.format("%,d", a), String.format("%,d", b));
            assertThat(grid).contains(Browser.money(superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer "
                    + "WHERE snapshot_id = " + CURRENT + " AND " + shown + " AND " + LAPSED)));
            List<String> comparison = browser.download("#comparison-export");
            assertThat(comparison).contains("summary,customers," + a + "," + b,
                    "summary,customers_shown," + count(shown) + "," + count(shown));
            browser.movePointerAway();
            browser.script("document.querySelector('#groups-section').scrollIntoView()");
            browser.screenshot("behaviour-north-comparison");

            click(browser, "#list-a");
            browser.waitFor("#group-customers-grid a");
            browser.settle();
            List<Long> listed = browser.linkedCustomerIds("#group-customers-grid");
            assertThat(listed).isNotEmpty();
            Set<Long> groupA = new HashSet<>(ids(shown + " AND " + LAPSED));
            assertThat(groupA).containsAll(listed);
            List<String> groupCsv = browser.download("#group-export");
            assertThat(firstColumn(groupCsv)).containsExactlyInAnyOrderElementsOf(groupA);
            List<List<Object>> groupXlsx = Spreadsheets.rows(browser.downloadBytes("#group-export-xlsx"));
            assertThat(groupXlsx.stream().skip(1).map(r -> ((Double) r.get(0)).longValue()).toList())
                    .containsExactlyInAnyOrderElementsOf(groupA);
            List<List<Object>> comparisonXlsx = Spreadsheets.rows(browser.downloadBytes("#comparison-export-xlsx"));
            assertThat(comparisonXlsx).anySatisfy(r -> assertThat(r)
                    .containsExactly("summary", "customers", (double) a, (double) b));
            String page = browser.pageText();
            assertThat(page).doesNotContain("South", "East", "West", "Central");

            // A refused filter leaves nothing of the one before on screen.
            type(browser, "#recency-max", "100");
            browser.waitFor("#filter-error");
            assertThat(browser.find("#filter-error").isDisplayed()).isTrue();
            assertThat(browser.find("#behaviour-map").isDisplayed()).as("no map of the filter before").isFalse();
            assertThat(browser.find("#comparison").isDisplayed()).as("no comparison of the filter before").isFalse();
            clear(browser, "#recency-max");
            browser.waitUntilScript("return !document.querySelector('#filter-error').checkVisibility()"
                    + " && document.querySelector('#behaviour-map').checkVisibility()");

            // Clicking a point opens that North customer.
            clear(browser, "#recency-min");
            browser.waitForText("#sample-note", "Showing all");
            browser.script("window.scrollTo(0, 0)");
            browser.settle();
            browser.movePointerAway();
            browser.screenshot("behaviour-north");
            browser.script("document.querySelector('#behaviour-map').scrollIntoView({block: 'center'})");
            clickAPoint(browser);
            browser.waitFor("#customer-name");
            String url = browser.currentUrl();
            long opened = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertThat(northIds).contains(opened);

            browser.resize(820, 1180);
            openMap(browser);
            assertThat(browser.fitsWidth())
                    .as("no horizontal scrolling at tablet width").isTrue();
            browser.screenshot("behaviour-north-tablet");
        }
    }

    @Test
    void executiveSeesASampleOfAllRegionsAndComparesGroups() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            openMap(browser);
            assertThat(browser.find("#region-filter").isDisplayed()).isTrue();
            long plottable = count("monetary > 0");
            assertThat(plottable).isGreaterThan(3_000);
            assertThat(browser.find("#sample-note").getText()).startsWith("Showing 3,000 of "
                    + String.format("%,d", plottable) + " customers");
            assertThat(markers(browser)).isEqualTo(3_000);
            List<String> mapCsv = browser.download("#map-export");
            assertThat(mapCsv).hasSize(3_001);
            assertThat(mapCsv.stream().skip(1).map(l -> l.split(",")[2]).distinct().count()).isEqualTo(5);
            browser.movePointerAway();
            browser.screenshot("behaviour-exec");

            click(browser, "#compare-button");
            browser.waitFor("#comparison-grid");
            browser.waitFor("#hist-monetary .apexcharts-bar-area");
            browser.settle();
            assertThat(gridText(browser, "#comparison-grid")).contains(String.format("%,d", count(LAPSED)),
                    String.format("%,d", count(BIG_RARE)));
            List<String> comparison = browser.download("#comparison-export");
            assertThat(comparison).contains("summary,customers," + count(LAPSED) + "," + count(BIG_RARE));
            click(browser, "#list-b");
            browser.waitFor("#group-customers-grid a");
            browser.settle();
            assertThat(new HashSet<>(ids(BIG_RARE))).containsAll(browser.linkedCustomerIds("#group-customers-grid"));
            browser.movePointerAway();
            browser.script("document.querySelector('#comparison').scrollIntoView()");
            browser.screenshot("behaviour-exec-comparison");

            // A score out of range is explained at the field, and no comparison of the rule before stays.
            type(browser, "#group-b-mscore-min", "9");
            browser.waitUntilScript("return document.querySelector('#group-b-mscore-min').invalid");
            assertThat(browser.script("return document.querySelector('#group-b-mscore-min').errorMessage"))
                    .isEqualTo("A score from 1 to 5.");
            click(browser, "#compare-button");
            // The error is sent to the browser only once it is shown: wait for it to exist.
            browser.waitUntilScript("const e = document.querySelector('#group-error');"
                    + " return !!e && e.checkVisibility() && !document.querySelector('#comparison').checkVisibility()");
        }
    }

    private static void openMap(Browser browser) {
        browser.open("behaviour");
        browser.waitFor("#behaviour-map .apexcharts-series");
        browser.waitFor("#sample-note");
        browser.settle();
    }

    private static long markers(Browser browser) {
        return ((Number) browser.script("return document.querySelectorAll('#behaviour-map .apexcharts-series path, "
                + "#behaviour-map .apexcharts-series circle').length")).longValue();
    }

    /** Types into a Vaadin field's input and leaves it, as a user would. */
    private static void type(Browser browser, String field, String text) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});"
                + "document.querySelector(arguments[0]).focus()", field);
        WebElement input = browser.find(field + " > input");
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
        browser.settle();
    }

    private static void clear(Browser browser, String field) {
        type(browser, field, "");
    }

    /** Clicks a button wherever it is on the page (a real click, after scrolling it into view). */
    private static void click(Browser browser, String css) {
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
        browser.find(css).click();
    }

    /** Clicks a plotted marker that no other marker covers, as a user would. */
    private static void clickAPoint(Browser browser) {
        browser.script("const markers = Array.from(document.querySelectorAll('#behaviour-map .apexcharts-marker'));"
                + "const free = markers.find(m => { const r = m.getBoundingClientRect();"
                + "  return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m; });"
                + "free.setAttribute('data-test-point', 'true');");
        browser.find("#behaviour-map [data-test-point]").click();
    }

    private static String gridText(Browser browser, String grid) {
        return (String) browser.script("return Array.from(document.querySelectorAll(arguments[0] + "
                + "' vaadin-grid-cell-content')).map(c => c.textContent).join('\\n')", grid);
    }




    private static List<Long> firstColumn(List<String> csv) {
        return csv.stream().skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
    }

    private static long count(String where) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND " + where);
    }

    private static List<Long> ids(String where) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT customer_id FROM snap_customer WHERE snapshot_id = "
                     + CURRENT + " AND " + where)) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }
}
