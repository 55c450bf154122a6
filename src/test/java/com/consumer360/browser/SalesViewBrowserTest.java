package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.ui.DateFields;

import com.consumer360.support.PortalIntegration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signs in through a real Chromium and checks what each role sees on the sales page. */
@PortalIntegration
class SalesViewBrowserTest {

    private static final List<String> OTHER_REGIONS = List.of("South", "East", "West", "Central");

    @LocalServerPort
    int port;

    @Test
    void northSeesOnlyNorthsFigures() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.waitForText("#data-as-of", "Data as of");
            browser.waitFor("c360-apex-chart .apexcharts-canvas");
            // Both product rankings drawn.
            browser.waitUntilScript("return !document.querySelector('#sales-products .c360-loading')"
                    + " && document.querySelectorAll('#sales-products .apexcharts-canvas').length === 2");
            browser.settle();
            browser.screenshot("sales-north");
            assertThat(browser.script("return document.querySelectorAll('c360-apex-chart .apexcharts-canvas').length"))
                    .as("all four charts rendered").isEqualTo(4L);
            boolean partial = superuserLong("SELECT (max(invoice_ts)::date < (date_trunc('month', max(invoice_ts))"
                    + " + interval '1 month' - interval '1 day')::date)::int FROM fact_sales WHERE region_id = 1") == 1;
            assertThat(browser.script("return Array.from(document.querySelectorAll('#sales-trend .apexcharts-legend-text'))"
                    + ".map(t => t.textContent).join('|')")).as("the unfinished month is a series of its own")
                    .asString().contains(partial ? "month to date" : "Net revenue");
            assertThat((String) browser.script("return document.querySelector('#region-grid').innerText"))
                    .contains("Net revenue (£)");
            List<String> cells = gridCells(browser);
            String northRevenue = Browser.money(superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id = 1"));
            assertThat(cells).contains("North", northRevenue).doesNotContainAnyElementsOf(OTHER_REGIONS);
            String page = browser.pageText();
            assertThat(page).doesNotContain(OTHER_REGIONS);
            for (int region = 2; region <= 5; region++) {
                String theirs = Browser.money(superuserLong(
                        "SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id = ?", region));
                assertThat(page).doesNotContain(theirs);
            }
        }
    }

    @Test
    void executiveNarrowsByDateAndRegionAndExportsWhatTheyChose() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.settle();
            browser.chooseRegion("South");
            browser.waitUntilScript("return !document.querySelector('#region-grid').innerText.includes('North')");
            // Typed as a user types: a day-first or month-first date is no date here; ISO is, whatever the browser.
            typeDate(browser, "#sales-from", "01/06/2026");
            browser.waitUntilScript("return document.querySelector('#sales-from').invalid");
            assertThat(browser.script("return document.querySelector('#sales-from').errorMessage"))
                    .isEqualTo(DateFields.BAD_INPUT);
            assertThat(browser.find("#region-grid").isDisplayed()).as("no figures for the dates before").isFalse();
            typeDate(browser, "#sales-from", "2026-01-01");
            browser.waitUntilScript("return !document.querySelector('#sales-from').invalid"
                    + " && document.querySelector('#region-grid').checkVisibility()");
            assertThat(browser.find("#sales-from input").getAttribute("value")).isEqualTo("2026-01-01");
            browser.settle();
            browser.screenshot("sales-exec-filtered");
            long south = superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE region_id = 2"
                    + " AND invoice_ts >= date '2026-01-01'");
            assertThat(gridCells(browser)).contains("South", Browser.money(south)).doesNotContain("North", "East");
            List<String> csv = browser.download("#sales-region-export");
            assertThat(csv).hasSize(2);
            assertThat(csv.get(1)).startsWith("South," + java.math.BigDecimal.valueOf(south, 2).toPlainString());
            List<String> months = browser.download("#sales-month-export");
            assertThat(months.get(1)).startsWith("2026-01,");
        }
    }

    @Test
    void executiveSeesAllFiveRegions() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.waitFor("c360-apex-chart .apexcharts-canvas");
            browser.settle();
            browser.screenshot("sales-exec");
            assertThat(gridCells(browser)).contains("North", "South", "East", "West", "Central");
        }
    }

    @Test
    void wrongPasswordSaysOnlyInvalidUsernameOrPassword() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "wrong");
            browser.waitForText("vaadin-login-form", "Invalid username or password");
            browser.screenshot("login-failed");
            assertThat(browser.currentUrl()).contains("login?error");
            assertThat(browser.pageText()).doesNotContain("North", "Bad credentials", "Exception");
        }
    }

    @Test
    void managerOpeningAnAdminPageGetsAccessDeniedAndNoData() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("admin/users");
            browser.waitFor("#access-denied");
            browser.settle();
            browser.screenshot("access-denied");
            assertThat(browser.pageText()).contains("Access denied").doesNotContain("csops", "Ada Admin");
            assertThat(browser.script("return document.title")).as("the tab's title")
                    .isEqualTo("Access denied · Consumer360");
        }
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayOpen() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Sales").doesNotContain("Users");
        }
        try (Browser browser = new Browser(port)) {
            browser.signIn("admin", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Sales", "Users");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> gridCells(Browser browser) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll("
                + "'#region-grid vaadin-grid-cell-content')).map(c => c.textContent.trim()).filter(t => t)");
    }

    private static void typeDate(Browser browser, String field, String text) {
        org.openqa.selenium.WebElement input = browser.find(field + " input");
        input.click();
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text,
                org.openqa.selenium.Keys.ENTER);
        browser.settle();
    }
}
