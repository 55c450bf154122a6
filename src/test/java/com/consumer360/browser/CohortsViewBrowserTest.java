package com.consumer360.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.cohorts.CohortSql;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cohorts page in a real Chromium as a regional manager and as an executive: the heatmap's cells and tooltips,
 * the metric switch, the country and region filters, a cell's customers and the exports, each compared with the
 * figures computed from fact_sales as the superuser (CohortSql).
 */
@PortalIntegration
class CohortsViewBrowserTest {

    private static final Short[] NORTH = {1};
    private static final Short[] SOUTH = {2};

    @LocalServerPort
    int port;

    @Test
    void northSeesNorthsCohortsSwitchesFiltersAndListsACellsCustomers() throws Exception {
        Map<String, CohortSql.Cell> expected = CohortSql.cells(NORTH, null);
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Cohorts");
            browser.open("cohorts");
            browser.waitFor("#cohort-heatmap td");
            browser.settle();
            assertThat(browser.script("const r = document.querySelector('#cohort-region'); return r === null || r.hidden"))
                    .as("one region: no region filter").isEqualTo(true);

            String cohort = secondCohort(browser);
            String id = "#cohort-cell-" + cohort + "-1";
            CohortSql.Cell month1 = expected.get(CohortSql.key(java.time.YearMonth.parse(cohort), 1));
            CohortSql.Cell month0 = expected.get(CohortSql.key(java.time.YearMonth.parse(cohort), 0));
            assertThat(browser.find(id).getAttribute("title")).contains(String.format("%,d of %,d customers active",
                    month1.customers(), month0.customers()));
            assertThat(browser.find(id).getText()).endsWith("%");

            browser.script("Array.from(document.querySelectorAll('#cohort-metric vaadin-radio-button'))"
                    + ".find(b => b.textContent.includes('Active customers')).click()");
            browser.settle();
            assertThat(browser.find(id).getText()).isEqualTo(String.format("%,d", month1.customers()));

            browser.script("document.querySelector(arguments[0]).click()", id);
            browser.waitFor("#cohort-cell-customers-grid a");
            browser.settle();
            assertThat(browser.find(id).getAttribute("class")).as("the clicked cell is framed")
                    .contains("c360-cohort-selected");
            Set<Long> cellIds = CohortSql.cellCustomers(NORTH, java.time.YearMonth.parse(cohort), 1);
            assertThat(browser.find("#cohort-cell-title").getText()).endsWith(String.format("%,d", cellIds.size()));
            assertThat(cellIds).containsAll(browser.linkedCustomerIds("#cohort-cell-customers-grid"));
            List<String> csv = browser.download("#cohort-cell-export");
            assertThat(csv.stream().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                    .toList()).containsExactlyInAnyOrderElementsOf(cellIds);
            List<String> matrix = browser.download("#cohort-export");
            assertThat(matrix.getFirst()).startsWith("cohort_month,cohort_size,period,month,active_customers");
            assertThat(matrix).anyMatch(line -> line.startsWith(cohort + "," + month0.customers() + ",1,"
                    + java.time.YearMonth.parse(cohort).plusMonths(1) + "," + month1.customers() + ","));
            browser.movePointerAway();
            browser.script("document.querySelector('#cohorts-view').scrollIntoView()");
            browser.screenshot("cohorts-north");

            String country = northCountry();
            browser.chooseItem("#cohort-country", country);
            browser.waitForText("#cohort-summary", country);
            Map<String, CohortSql.Cell> inCountry = CohortSql.cells(NORTH, country);
            String first = firstCohort(browser);
            assertThat(browser.find("#cohort-heatmap tbody tr td.c360-cohort-size").getText()).isEqualTo(
                    String.format("%,d", inCountry.get(CohortSql.key(java.time.YearMonth.parse(first), 0)).customers()));

            browser.chooseItem("#cohort-to", first);
            browser.chooseItem("#cohort-from", java.time.YearMonth.parse(first).plusMonths(2).toString());
            browser.waitFor("#cohort-error");
            assertThat(browser.find("#cohort-error").isDisplayed()).isTrue();
            assertThat(browser.script("return document.querySelectorAll('#cohort-heatmap td').length"))
                    .as("no matrix of the months before under the refused range").isEqualTo(0L);
            assertThat(browser.find("#cohort-export").isDisplayed()).as("nor its export").isFalse();

            browser.open("cohorts?region=2");
            browser.waitForText("#cohort-error", "No region 2 in your scope.");
            assertThat(browser.script("return document.querySelectorAll('#cohort-heatmap td').length")).isEqualTo(0L);
            browser.open("cohorts?cohort=1990-01&period=1");
            browser.waitForText("#cohort-error", "No cohort 1990-01");
            browser.open("cohorts?from=2025-13");
            browser.waitForText("#cohort-error", "That link is not valid: not a month (yyyy-MM): 2025-13.");

            browser.resize(820, 1180);
            browser.open("cohorts");
            browser.waitFor("#cohort-heatmap td");
            browser.settle();
            assertThat(browser.fitsWidth()).as("no horizontal scrolling at tablet width").isTrue();
            browser.screenshot("cohorts-north-tablet");
        }
    }

    @Test
    void theExecutiveNarrowsToOneRegionOverlaysASegmentAndExportsXlsx() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("cohorts");
            browser.waitFor("#cohort-heatmap td");
            browser.settle();
            browser.chooseItem("#cohort-region", "South");
            browser.waitForText("#cohort-summary", "South");
            Map<String, CohortSql.Cell> south = CohortSql.cells(SOUTH, null);
            String cohort = secondCohort(browser);
            CohortSql.Cell month1 = south.get(CohortSql.key(java.time.YearMonth.parse(cohort), 1));
            CohortSql.Cell month0 = south.get(CohortSql.key(java.time.YearMonth.parse(cohort), 0));
            assertThat(browser.find("#cohort-cell-" + cohort + "-1").getAttribute("title"))
                    .contains(String.format("%,d of %,d customers active", month1.customers(), month0.customers()));

            browser.chooseItem("#cohort-overlay-a", "Segment Champions");
            browser.waitUntilScript("return document.querySelectorAll('#cohort-curve .apexcharts-series').length >= 2");
            browser.chooseItem("#cohort-overlay-b", "Cohort " + cohort);
            browser.waitUntilScript("return document.querySelectorAll('#cohort-curve .apexcharts-series').length >= 3");
            // The demo data ends before its last month does: the curves leave that month out, and say so.
            assertThat(browser.find("#cohort-curve-note").getText()).startsWith("The curves leave out ")
                    .contains("(month to date)");

            browser.script("Array.from(document.querySelectorAll('#cohort-metric vaadin-radio-button'))"
                    + ".find(b => b.textContent.includes('Revenue retention')).click()");
            browser.settle();
            List<List<Object>> xlsx = Spreadsheets.rows(browser.downloadBytes("#cohort-export-xlsx"));
            assertThat(xlsx.getFirst()).containsExactly("cohort_month", "cohort_size", "period", "month",
                    "active_customers", "customer_retention", "revenue", "revenue_retention");
            assertThat(xlsx.stream().skip(1).filter(row -> row.get(0).equals(cohort) && ((Double) row.get(2)) == 1.0))
                    .singleElement().satisfies(row -> assertThat(((Double) row.get(4)).longValue())
                            .isEqualTo(month1.customers()));
            browser.script("document.querySelector(arguments[0]).click()", "#cohort-cell-" + cohort + "-1");
            browser.waitFor("#cohort-cell-customers-grid a");
            browser.settle();
            assertThat(CohortSql.cellCustomers(SOUTH, java.time.YearMonth.parse(cohort), 1))
                    .containsAll(browser.linkedCustomerIds("#cohort-cell-customers-grid"));
            browser.movePointerAway();
            browser.script("document.querySelector('#cohort-cell-card').scrollIntoView()");
            browser.screenshot("cohorts-curves-exec");
            browser.movePointerAway();
            browser.script("document.querySelector('#cohorts-view').scrollIntoView()");
            browser.screenshot("cohorts-exec");
        }
    }

    private static String secondCohort(Browser browser) {
        return (String) browser.script("return document.querySelectorAll('#cohort-heatmap tbody th')[1].textContent");
    }

    private static String firstCohort(Browser browser) {
        return (String) browser.script("return document.querySelector('#cohort-heatmap tbody th').textContent");
    }

    /** North's country with the most customers, as the superuser reads it. */
    private static String northCountry() throws java.sql.SQLException {
        try (var connection = com.consumer360.support.TestDatabase.connectAs("postgres");
             var result = connection.createStatement().executeQuery("SELECT country FROM dim_customer "
                     + "WHERE region_id = 1 GROUP BY country ORDER BY count(*) DESC, country LIMIT 1")) {
            result.next();
            return result.getString(1);
        }
    }
}
