package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.RefreshStage;
import com.consumer360.support.PortalIntegration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin starts a refresh and watches it by server push; a regional manager then sees the new snapshot's date. */
@PortalIntegration
class RefreshViewBrowserTest {

    /** Records every state of the stage label and the bar as it changes, however briefly it is shown. */
    private static final String RECORD_PROGRESS = """
            const bar = document.getElementById('refresh-progress');
            const stage = document.getElementById('refresh-stage');
            window.c360Seen = [];
            const record = () => window.c360Seen.push({stage: stage.textContent, value: bar.value});
            new MutationObserver(record).observe(stage, {childList: true, characterData: true, subtree: true});
            new MutationObserver(record).observe(bar, {attributes: true});
            """;

    private static final String FIRST_RUN_ID = """
            const ids = Array.from(document.querySelectorAll('#refresh-history vaadin-grid-cell-content'))
                .map(c => c.textContent.trim()).filter(t => /^#\\d+$/.test(t));
            return ids.length ? ids[0] : null;
            """;

    @LocalServerPort
    int port;

    @Test
    void adminWatchesARefreshAndNorthSeesTheNewSnapshotDate() throws Exception {
        long lastRunBefore = superuserLong("SELECT max(run_id) FROM refresh_run");
        try (Browser north = new Browser(port); Browser browser = new Browser(port)) {
            // North has a page open before the refresh: it learns of the newer snapshot without navigating.
            north.signIn("north", "demo");
            north.waitFor("#region-grid");
            north.waitForText("#data-as-of", "Data as of");
            String northHeaderBefore = (String) north.script("return document.getElementById('data-as-of').textContent");
            assertThat(north.script("return !!document.getElementById('new-data') "
                    + "&& !document.getElementById('new-data').hidden")).as("no notice before the refresh").isEqualTo(false);

            browser.signIn("admin", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Refresh");
            browser.open("admin/refresh");
            browser.waitFor("#refresh-history");
            browser.settle();
            assertThat(browser.script(FIRST_RUN_ID)).isEqualTo("#" + lastRunBefore);
            browser.script(RECORD_PROGRESS);

            browser.waitFor("#refresh-now").click();
            browser.waitUntilScript("return /^Run #\\d+ succeeded$/.test("
                    + "document.getElementById('refresh-stage').textContent)");

            long run = superuserLong("SELECT max(run_id) FROM refresh_run");
            assertThat(run).as("a new run").isGreaterThan(lastRunBefore);
            assertThat(superuserLong("SELECT count(*) FROM refresh_run WHERE run_id = ? AND status = 'SUCCEEDED' "
                    + "AND started_by = 'admin' AND trigger_kind = 'MANUAL'", run)).isEqualTo(1);
            assertThat(superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current")).isEqualTo(run);
            assertThat(browser.script("return document.getElementById('refresh-stage').textContent"))
                    .isEqualTo("Run #" + run + " succeeded");
            assertThat(browser.script("return document.getElementById('refresh-progress').value")).isEqualTo(1L);
            assertThat(stagesSeen(browser)).as("stage labels pushed while the run was going")
                    .containsAnyElementsOf(Arrays.stream(RefreshStage.values()).map(RefreshStage::label).toList());

            browser.waitUntilScript("return (function() {" + FIRST_RUN_ID + "})() === arguments[0]", "#" + run);
            browser.settle();
            assertThat(browser.script("return document.querySelector('#refresh-history .c360-status').textContent"))
                    .isEqualTo("Succeeded");
            assertThat(browser.script("return document.getElementById('refresh-now').hasAttribute('disabled')"))
                    .isEqualTo(false);
            browser.screenshot("refresh-admin");

            // North's open page says that newer data is current (within the watch's interval, 1 s in tests) and
            // keeps the header of the snapshot it shows until reloaded.
            north.waitUntilScript("const n = document.getElementById('new-data');"
                    + "return !!n && !n.hidden && n.textContent.includes('Newer data')");
            assertThat(north.script("return document.getElementById('data-as-of').textContent"))
                    .isEqualTo(northHeaderBefore);
            assertThat((String) north.script("return document.querySelector('#new-data-reload > vaadin-tooltip').text"))
                    .contains("A newer snapshot is current (as of ");
            north.screenshot("new-data-north");
            north.waitFor("#new-data-reload").click();
            north.waitFor("#region-grid");
            north.waitUntilScript("const n = document.getElementById('new-data'); return !n || n.hidden");
            north.waitForText("#data-as-of", "Data as of");
            north.settle();
            assertThat(north.script("return document.getElementById('data-as-of').textContent"))
                    .isEqualTo(expectedHeader());
        }

        String expectedHeader = expectedHeader();
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            browser.waitForText("#data-as-of", "Data as of");
            assertThat(browser.script("return document.getElementById('data-as-of').textContent"))
                    .isEqualTo(expectedHeader);
            assertThat(browser.navLabels()).doesNotContain("Refresh");

            browser.open("admin/refresh");
            browser.waitFor("#access-denied");
            browser.settle();
            browser.screenshot("refresh-denied-north");
            assertThat(browser.pageText()).contains("Access denied")
                    .doesNotContain("Refresh now", "Job history", "system:startup");
        }
    }

    /** The header of a page opened on the current snapshot. */
    private static String expectedHeader() throws java.sql.SQLException {
        return "Data as of " + LocalDate.ofEpochDay(superuserLong(
                "SELECT as_of_date - DATE '1970-01-01' FROM snapshot WHERE is_current")) + " · refreshed "
                + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.ofEpochMilli(superuserLong(
                        "SELECT (extract(epoch FROM created_at) * 1000)::bigint FROM snapshot WHERE is_current"))
                        .atZone(ZoneId.systemDefault()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> stagesSeen(Browser browser) {
        return ((List<Map<String, Object>>) browser.script("return window.c360Seen")).stream()
                .map(state -> (String) state.get("stage")).toList();
    }
}
