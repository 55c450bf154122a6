package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.SegmentPagesFixture;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The custom segment pages in a real Chromium: north opens a segment csops shared with regional managers and sees
 * only North members, in the page and in its exports, cannot edit it, and cannot tell a segment not shared with it
 * from one that does not exist; exec compares three segments and opens an overlap cell's customers. Expected
 * numbers come from the database as superuser.
 */
@PortalIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomSegmentPagesBrowserTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    SegmentPagesFixture segments;

    @BeforeAll
    void createSegments() throws Exception {
        segments = new SegmentPagesFixture(context);
    }

    @AfterAll
    void deleteSegments() throws Exception {
        segments.close();
    }

    @Test
    void northOpensASharedSegmentAndSeesOnlyNorthMembers() throws Exception {
        Set<Long> north = ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1");
        long size = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1 AND " + SegmentPagesFixture.OFTEN_SQL);
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.open("custom-segments/" + segments.often + "/profile");
            browser.waitFor("#kpi-size");
            browser.waitFor("#segment-profile-chart .apexcharts-canvas");
            browser.waitFor("#segment-history-chart .apexcharts-canvas");
            browser.waitFor("#members-customers-grid a");
            browser.settle();
            assertThat(browser.find("#kpi-size").getText().replace(",", "")).isEqualTo(String.valueOf(size));
            assertThat(browser.find("#segment-summary").getText()).contains("Owner csops", "version 1",
                    "numbers from version 1");
            assertThat(browser.find("#segment-definition").getText()).startsWith("Definition: ").contains(" is ");
            assertThat(browser.script("return document.querySelector('#segment-edit-link')")).as("no edit for north")
                    .isNull();
            List<Long> listed = browser.linkedCustomerIds("#members-customers-grid");
            assertThat(listed).isNotEmpty();
            assertThat(north).containsAll(listed);
            browser.movePointerAway();
            browser.screenshot("custom-segment-profile-north");
            browser.script("document.querySelector('#segment-movement').scrollIntoView()");
            browser.screenshot("custom-segment-profile-north-movement");
            // Member counts are whole numbers: so are the size chart's y ticks. Amounts name their currency once.
            @SuppressWarnings("unchecked")
            List<String> ticks = (List<String>) browser.script("return Array.from(document.querySelectorAll("
                    + "'#segment-history-chart .apexcharts-yaxis-label')).map(t => t.textContent.trim())");
            assertThat(ticks).isNotEmpty().allSatisfy(t -> assertThat(t).matches("[0-9][0-9,]*"));
            assertThat(browser.script("return document.querySelector('#segment-kpis').textContent")).asString().contains("Revenue (£)", "AOV (£)", "Mean CLV (£)");
            browser.script("document.querySelector('#segment-history').scrollIntoView()");
            browser.screenshot("custom-segment-profile-north-history");
            browser.resize(820, 1000);
            browser.settle();
            assertThat(browser.fitsWidth()).as("no horizontal scrolling at 820 px").isTrue();
            browser.script("document.querySelector('#segment-kpis').scrollIntoView()");
            browser.screenshot("custom-segment-profile-north-tablet");
            browser.resize(1280, 800);
            browser.settle();

            List<String> csv = browser.download("#members-export");
            assertThat(csv).hasSize((int) size + 1);
            assertThat(north).containsAll(csv.stream().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList());
            assertThat(String.join("\n", csv)).doesNotContain(",South,", ",East,", ",West,", ",Central,");

            browser.script("document.querySelector('#movement-joined').click()");
            browser.waitFor("#movers-customers-grid a");
            browser.settle();
            assertThat(browser.find("#movers-title").getText()).startsWith("Joined: ");
            assertThat(north).containsAll(browser.linkedCustomerIds("#movers-customers-grid"));
            assertThat(north).containsAll(browser.download("#movers-export").stream().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList());

            long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                    + " AND region_id = 2 AND " + SegmentPagesFixture.OFTEN_SQL);
            explain(browser, south);
            assertThat(browser.script("return document.querySelector('#why-customer').errorMessage"))
                    .isEqualTo("No such customer in your regions.");
            assertThat(browser.find("#why-result").getText()).isEmpty();
            explain(browser, listed.getFirst());
            browser.waitFor("#why-verdict");
            assertThat(browser.find("#why-verdict").getText()).contains("is IN (version 1)");
            assertThat(browser.find("#why-checks").getText()).contains("holds");
            browser.script("document.querySelector('#segment-why').scrollIntoView()");
            browser.screenshot("custom-segment-why-north");

            explain(browser, 0);
            browser.script("Array.from(document.querySelectorAll('#members-customers-grid vaadin-grid-cell-content'))"
                    + ".find(c => c.textContent.trim() === arguments[0]).click()", String.valueOf(listed.get(1)));
            browser.waitFor("#why-verdict");
            assertThat(browser.find("#why-verdict").getText()).contains("(id " + listed.get(1) + ") is IN");

            String hidden = notFound(browser, segments.hidden);
            String missing = notFound(browser, Long.MAX_VALUE);
            assertThat(hidden).contains("No such segment").isEqualTo(missing).doesNotContain("Spent over");

            browser.open("custom-segments/compare?s=custom:" + segments.hidden + "&s=rfm:Champions");
            browser.waitFor("#compare-choice");
            browser.settle();
            assertThat(browser.script("return document.querySelector('#compare-choice').errorMessage"))
                    .isEqualTo("No such segment.");
            assertThat(browser.script("return document.querySelector('#compare-grid')")).isNull();
            assertThat(browser.pageText()).doesNotContain("Spent over");

            browser.open("custom-segments/compare?s=custom:" + segments.often + "&s=custom:" + segments.recent);
            browser.waitFor("#overlap-0-1");
            browser.settle();
            assertThat(browser.download("#compare-export").get(1)).contains("," + size + ",");
            browser.script("document.querySelector('#overlap-0-1').click()");
            browser.waitFor("#overlap-customers-grid a");
            browser.settle();
            assertThat(north).containsAll(browser.linkedCustomerIds("#overlap-customers-grid"));
            List<String> overlap = browser.download("#overlap-export");
            assertThat(overlap).hasSize((int) superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = "
                    + CURRENT + " AND region_id = 1 AND " + SegmentPagesFixture.OFTEN_SQL + " AND "
                    + SegmentPagesFixture.RECENT_SQL) + 1);
            assertThat(north).containsAll(overlap.stream().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList());
        }
    }

    private static void explain(Browser browser, long customerId) {
        var input = browser.find("#why-customer input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(String.valueOf(customerId), Keys.TAB);
        browser.settle();
        browser.script("document.querySelector('#why-explain').click()");
        browser.settle();
    }

    private static String notFound(Browser browser, long id) {
        browser.open("custom-segments/" + id + "/profile");
        browser.waitFor("#segment-not-found");
        browser.settle();
        return browser.find("#segment-not-found").getText();
    }

    @Test
    void execComparesThreeSegmentsAndOpensAnOverlapCell() throws Exception {
        String both = "(" + SegmentPagesFixture.OFTEN_SQL + ") AND (" + SegmentPagesFixture.RECENT_SQL + ")";
        Set<Long> shared = ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND " + both);
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("custom-segments/compare?s=custom:" + segments.often + "&s=custom:" + segments.recent
                    + "&s=rfm:Champions");
            browser.waitFor("#compare-grid");
            browser.waitFor("#compare-chart .apexcharts-canvas");
            browser.waitFor("#overlap-0-1");
            browser.settle();
            assertThat(browser.find("#overlap-0-1").getText().replace(",", "")).isEqualTo(String.valueOf(shared.size()));
            assertThat(browser.find("#overlap-2-2").getText().replace(",", "")).isEqualTo(String.valueOf(
                    superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                            + " AND segment = 'Champions'")));
            assertThat(browser.find("#compare-grid").getText()).contains(segments.oftenName, "Champions (RFM)");
            List<String> comparison = browser.download("#compare-export");
            assertThat(comparison).hasSize(4);
            assertThat(comparison.get(3)).startsWith("Champions (RFM),RFM segment map,");

            browser.script("document.querySelector('#overlap-0-1').click()");
            browser.waitFor("#overlap-customers-grid a");
            browser.settle();
            assertThat(browser.find("#overlap-title").getText()).contains(" and ");
            List<Long> listed = browser.linkedCustomerIds("#overlap-customers-grid");
            assertThat(listed).isNotEmpty();
            assertThat(shared).containsAll(listed);
            List<String> csv = browser.download("#overlap-export");
            assertThat(csv).hasSize(shared.size() + 1);
            browser.movePointerAway();
            browser.script("document.querySelector('#compare-view').scrollIntoView()");
            browser.screenshot("custom-segments-compare-exec");
            browser.script("document.querySelector('#overlap-card').scrollIntoView()");
            browser.screenshot("custom-segments-compare-exec-overlap");
        }
    }

    private static Set<Long> ids(String sql) throws Exception {
        return TestDatabase.superuserIds(sql);
    }
}
