package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
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

            browser.resize(820, 1100);
            browser.settle();
            assertThat(browser.fitsWidth()).as("no horizontal scrolling at tablet width").isTrue();
            browser.screenshot("summary-north-tablet");
        }
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
            long oldest = superuserLong("SELECT snapshot_id FROM snapshot ORDER BY as_of_date, snapshot_id LIMIT 1");
            long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
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
