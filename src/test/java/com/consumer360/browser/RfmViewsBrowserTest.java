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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The RFM pages in a real Chromium as a regional manager and as an executive: a heatmap cell click lists the
 * cell's customers, the export holds the same rows, a customer opens with explanations, and another region's
 * customer reads exactly like a missing one. Expected rows come from the database as superuser.
 */
@PortalIntegration
class RfmViewsBrowserTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final Pattern CELL_TITLE = Pattern.compile("R = (\\d) and F = (\\d) \\(([\\d,]+)\\)");

    @LocalServerPort
    int port;

    @Test
    void northClicksACellOpensACustomerAndCannotOpenSouthsCustomer() throws Exception {
        Set<Long> northIds = ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1");
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("rfm");
            browser.waitFor("#rfm-heatmap .apexcharts-heatmap-rect");
            browser.settle();
            assertThat(browser.script("return document.querySelector('#region-filter')")).as("one region: no filter")
                    .isNull();
            assertThat(browser.script("return document.querySelectorAll('#segment-legend .c360-legend-item').length"))
                    .as("the legend names all eleven segments").isEqualTo(11L);
            assertThat((String) browser.script("return document.querySelector('#segment-legend').innerText"))
                    .contains("Champions", "R 4–5, FM 4–5", "Lost");
            int[] cell = clickLargestCell(browser);
            long expected = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 1 AND r_score = ? AND f_score = ?", (short) cell[0], (short) cell[1]);
            assertThat((long) cell[2]).isEqualTo(expected).isPositive();
            List<Long> listed = browser.linkedCustomerIds("#cell-customers-grid");
            assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo((int) expected);
            assertThat(northIds).containsAll(listed);
            browser.movePointerAway();
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("rfm-north");

            List<String> csv = browser.download("#cell-export");
            assertThat(csv.getFirst()).startsWith("customer_id,name,region,");
            assertThat(csv).hasSize((int) expected + 1);
            assertThat(northIds).containsAll(csv.stream().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList());
            assertThat(String.join("\n", csv)).doesNotContain(",South,", ",East,", ",West,", ",Central,");
            List<List<Object>> xlsx = Spreadsheets.rows(browser.downloadBytes("#cell-export-xlsx"));
            assertThat(xlsx).hasSize((int) expected + 1);
            assertThat(xlsx.getFirst()).containsExactly("customer_id", "name", "region", "recency_days", "frequency",
                    "monetary", "segment", "clv");
            assertThat(northIds).containsAll(xlsx.stream().skip(1).map(row -> ((Double) row.get(0)).longValue())
                    .toList());
            assertThat(xlsx.stream().skip(1).map(row -> row.get(2))).containsOnly("North");

            browser.script("Array.from(document.querySelectorAll('#cell-customers-grid vaadin-grid-sorter'))"
                    + ".find(s => s.textContent.includes('Recency')).click()");
            browser.settle();
            List<Integer> recency = browser.download("#cell-export").stream().skip(1)
                    .map(line -> line.split(",", -1)).map(f -> Integer.parseInt(f[f.length - 5])).toList();
            assertThat(recency).as("the export follows the grid's order").hasSize((int) expected).isSorted();

            browser.script("document.querySelector('#cell-customers-grid a').click()");
            browser.waitFor("#customer-name");
            browser.waitForText("#explain-r", "R = ");
            browser.settle();
            assertThat(browser.find("#explain-r").getText()).contains("before the as-of date");
            assertThat(browser.find("#segment-explanation").getText()).contains("FM = (F + M) / 2");
            assertThat(browser.find("#back-link").getText()).isEqualTo("← RFM matrix");
            browser.waitFor("#customer-invoices");
            browser.screenshot("customer-north");
            long shownCustomer = Long.parseLong(browser.currentUrl().substring(browser.currentUrl().lastIndexOf('/') + 1));
            List<List<Object>> invoices = Spreadsheets.rows(browser.downloadBytes("#invoices-export-xlsx"));
            assertThat(invoices).hasSize((int) superuserLong("SELECT count(DISTINCT invoice_no) FROM fact_sales "
                    + "WHERE customer_id = ?", shownCustomer) + 1);
            boolean shownHasPAliveOne = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = "
                    + CURRENT + " AND customer_id = ? AND p_alive = 1", shownCustomer) == 1;
            assertThat((Boolean) browser.script("return !!document.querySelector('#customer-palive-note')"))
                    .as("the note on P(alive) = 1 only where it is 1").isEqualTo(shownHasPAliveOne);
            long noRepeat = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 1 AND p_alive = 1 AND frequency = 1");
            browser.open("customers/" + noRepeat);
            browser.waitForText("#customer-palive-note", "no repeat purchase");

            long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 2");
            long missing = superuserLong("SELECT max(customer_id) + 1000 FROM dim_customer");
            String southPage = notFoundText(browser, south);
            String missingPage = notFoundText(browser, missing);
            assertThat(southPage).contains("Customer not found").isEqualTo(missingPage);
            assertThat(southPage).doesNotContain("South", String.valueOf(south));

            browser.open("segments");
            browser.waitFor("#segments-grid");
            browser.waitFor("#segments-chart .apexcharts-canvas");
            browser.settle();
            String segmentsPage = browser.pageText();
            assertThat(segmentsPage).contains(Browser.money(superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer "
                    + "WHERE snapshot_id = " + CURRENT + " AND region_id = 1 AND segment = 'Champions'")));
            for (int region = 2; region <= 5; region++) {
                assertThat(segmentsPage).as("region %d's Champions revenue", region).doesNotContain(Browser.money(superuserLong(
                        "SELECT round(sum(monetary) * 100) FROM snap_customer WHERE snapshot_id = " + CURRENT
                                + " AND region_id = ? AND segment = 'Champions'", (short) region)));
            }
            browser.script("Array.from(document.querySelectorAll('#segments-grid vaadin-grid-cell-content'))"
                    + ".find(c => c.textContent.trim() === 'At Risk').click()");
            browser.waitFor("#segment-customers-grid a");
            browser.waitFor("#segment-profile-chart .apexcharts-canvas");
            browser.settle();
            List<Long> atRisk = browser.linkedCustomerIds("#segment-customers-grid");
            assertThat(atRisk).isNotEmpty();
            assertThat(ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 1 AND segment = 'At Risk'")).containsAll(atRisk);
            assertThat(browser.pageText()).doesNotContain("South", "East", "West", "Central");
            browser.waitFor("#segment-products-chart .apexcharts-canvas");
            String topProduct = (String) browser.script("return document.querySelector('#segment-products "
                    + ".c360-figure-label').textContent");
            assertThat(topProduct.substring(0, topProduct.lastIndexOf(" · "))).isEqualTo(superuserString("SELECT p.description FROM snap_customer s JOIN "
                    + "fact_sales f ON f.customer_id = s.customer_id JOIN dim_product p USING (product_id) WHERE "
                    + "s.snapshot_id = " + CURRENT + " AND s.region_id = 1 AND s.segment = 'At Risk' GROUP BY "
                    + "p.product_id, p.product_code, p.description ORDER BY sum(f.net_amount) DESC, p.product_code "
                    + "LIMIT 1"));
            List<List<Object>> profile = Spreadsheets.rows(browser.downloadBytes("#segment-profile-export-xlsx"));
            assertThat(profile.stream().filter(row -> "R score".equals(row.get(1)))
                    .mapToLong(row -> ((Double) row.get(4)).longValue()).sum()).isEqualTo(superuserLong(
                    "SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND region_id = 1 "
                            + "AND segment = 'At Risk'"));
            List<List<Object>> segmentCustomers = Spreadsheets.rows(browser.downloadBytes(
                    "#segment-export-xlsx"));
            assertThat(segmentCustomers.stream().skip(1).map(row -> ((Double) row.get(0)).longValue()).toList())
                    .hasSize(ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                            + " AND region_id = 1 AND segment = 'At Risk'").size())
                    .allSatisfy(id -> assertThat(northIds).contains(id));
            browser.movePointerAway();
            browser.screenshot("segments-north");

            browser.resize(820, 1180);
            browser.open("rfm");
            browser.waitFor("#rfm-heatmap .apexcharts-heatmap-rect");
            browser.settle();
            assertThat(browser.fitsWidth())
                    .as("no horizontal scrolling at tablet width").isTrue();
            assertThat((Boolean) browser.script("const layout = document.querySelector('vaadin-app-layout'); "
                    + "return layout.hasAttribute('overlay') && !layout.drawerOpened"))
                    .as("the navigation folds away at tablet width").isTrue();
            assertThat((Boolean) browser.script("const line = document.querySelector('.c360-freshness'); "
                    + "return line.scrollWidth <= line.clientWidth"))
                    .as("the header's data-as-of line fits at tablet width").isTrue();
            browser.screenshot("rfm-north-tablet");
            long someNorthCustomer = northIds.iterator().next();
            for (String page : List.of("segments", "customers/" + someNorthCustomer)) {
                browser.open(page);
                browser.waitFor(page.equals("segments") ? "#segments-grid" : "#customer-name");
                browser.settle();
                assertThat(browser.fitsWidth())
                        .as("%s: no horizontal scrolling at tablet width", page).isTrue();
            }
            browser.screenshot("customer-north-tablet");
        }
    }

    @Test
    void executiveFiltersByRegionAndSeesTheSegmentTable() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("rfm");
            browser.waitFor("#rfm-heatmap .apexcharts-heatmap-rect");
            browser.settle();
            assertThat(browser.find("#region-filter").isDisplayed()).isTrue();
            long all = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT);
            assertThat(browser.find("#matrix-summary").getText()).startsWith(String.format("%,d", all));
            int[] cell = clickLargestCell(browser);
            assertThat((long) cell[2]).isEqualTo(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = "
                    + CURRENT + " AND r_score = ? AND f_score = ?", (short) cell[0], (short) cell[1]));
            assertThat(browser.linkedCustomerIds("#cell-customers-grid")).isNotEmpty();
            browser.movePointerAway();
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("rfm-exec");

            browser.open("segments");
            browser.waitFor("#segments-grid");
            browser.waitFor("#segments-chart .apexcharts-canvas");
            browser.settle();
            assertThat(browser.find("#segments-summary").getText()).startsWith(String.format("%,d", all));
            List<String> csv = browser.download("#segments-export");
            assertThat(csv).hasSize(12);
            assertThat(csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum()).isEqualTo(all);
            browser.screenshot("segments-exec");

            // Comparison: narrowed to South, the table, the summary and the XLSX export hold South only.
            chooseRegion(browser, "South");
            long south = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 2");
            browser.waitForText("#segments-summary", String.format("%,d", south));
            List<List<Object>> xlsx = Spreadsheets.rows(browser.downloadBytes("#segments-export-xlsx"));
            assertThat(xlsx).hasSize(12);
            assertThat(xlsx.stream().skip(1).mapToLong(row -> ((Double) row.get(1)).longValue()).sum())
                    .isEqualTo(south);
            assertThat(browser.find("#segments-definitions-version").getAttribute("textContent"))
                    .contains(com.consumer360.analytics.rfm.SegmentMap.VERSION);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csops", "admin"})
    void csOpsAndAdminOpenACellFromTheKeyboardAndExportItAsXlsx(String user) throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn(user, "demo");
            browser.waitFor("#data-as-of");
            browser.open("rfm");
            browser.waitFor("#rfm-heatmap .apexcharts-heatmap-rect[tabindex='0']");
            browser.settle();
            assertThat(browser.find("#matrix-summary").getText()).startsWith(String.format("%,d",
                    superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT)));
            // Tab order: the header's last control (the region filter), then the cells in reading order, R 5 F 1 first.
            browser.script("document.querySelector('#region-filter input').focus()");
            browser.activeElement().sendKeys(Keys.TAB);
            assertThat(browser.activeElement().getAttribute("aria-label")).startsWith("R 5, F 1: ");
            assertThat(browser.script("return getComputedStyle(document.activeElement).strokeWidth"))
                    .as("visible focus").isEqualTo("4px");
            browser.activeElement().sendKeys(Keys.ENTER);
            browser.waitForText("#cell-title", "Customers with R = 5 and F = 1");
            browser.settle();
            long expected = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND r_score = 5 AND f_score = 1");
            assertThat(browser.find("#cell-title").getText()).contains(String.format("(%,d)", expected));
            List<List<Object>> xlsx = Spreadsheets.rows(browser.downloadBytes("#cell-export-xlsx"));
            assertThat(xlsx).hasSize((int) expected + 1);
            assertThat(xlsx.stream().skip(1).map(row -> ((Double) row.get(0)).longValue()).toList())
                    .containsExactlyInAnyOrderElementsOf(ids("SELECT customer_id FROM snap_customer WHERE "
                            + "snapshot_id = " + CURRENT + " AND r_score = 5 AND f_score = 1"));
            browser.screenshot("rfm-keyboard-" + user);

            browser.open("segments");
            browser.waitFor("#segments-grid");
            browser.settle();
            assertThat(browser.find("#segments-summary").getText()).startsWith(String.format("%,d",
                    superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT)));
        }
    }

    /** Picks one region in the region filter as a user would: type its name, choose it. */
    private static void chooseRegion(Browser browser, String region) {
        browser.find("#region-filter input").click();
        browser.find("#region-filter input").sendKeys(region);
        browser.waitUntilScript("return Array.from(document.querySelectorAll('vaadin-multi-select-combo-box-item'))"
                + ".some(i => i.textContent.trim() === arguments[0])", region);
        browser.script("Array.from(document.querySelectorAll('vaadin-multi-select-combo-box-item'))"
                + ".find(i => i.textContent.trim() === arguments[0]).click()", region);
        browser.find("#region-filter input").sendKeys(Keys.ESCAPE);
        browser.settle();
    }

    /**
     * Clicks the heatmap rectangle with the most customers, as a user would; returns R, F and the count in the
     * cell grid's title.
     */
    private static int[] clickLargestCell(Browser browser) throws InterruptedException {
        browser.script("const rects = Array.from(document.querySelectorAll('#rfm-heatmap .apexcharts-heatmap-rect'));"
                + "const best = rects.reduce((a, b) => Number(b.getAttribute('val')) > Number(a.getAttribute('val')) ? b : a);"
                + "best.setAttribute('data-test-largest', 'true');");
        browser.find("#rfm-heatmap [data-test-largest]").click();
        browser.waitForText("#cell-title", "Customers with R =");
        browser.waitFor("#cell-customers-grid a");
        browser.settle();
        Matcher title = CELL_TITLE.matcher(browser.find("#cell-title").getText());
        assertThat(title.find()).isTrue();
        return new int[] {Integer.parseInt(title.group(1)), Integer.parseInt(title.group(2)),
                Integer.parseInt(title.group(3).replace(",", ""))};
    }





    private static String superuserString(String sql) throws SQLException {
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static String notFoundText(Browser browser, long customerId) {
        browser.open("customers/" + customerId);
        browser.waitFor("#customer-not-found");
        browser.settle();
        return browser.find("#customer-not-found").getText();
    }

    private static Set<Long> ids(String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                ids.add(result.getLong(1));
            }
        }
        return ids;
    }
}
