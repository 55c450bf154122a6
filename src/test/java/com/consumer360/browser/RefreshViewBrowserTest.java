package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static com.consumer360.support.TestDatabase.superuserText;
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
            assertThat(browser.gridMisalignment("#refresh-history")).as("header over its columns").isZero();
            browser.screenshot("refresh-admin");

            // The audit trail names the admin who started the run, not only "system".
            String audited = "SELECT count(*) FROM audit_event WHERE username = 'admin' AND action = 'REFRESH' "
                    + "AND detail = 'refresh run " + run + " (manual, started by admin) published snapshot " + run + "'";
            for (long deadline = System.currentTimeMillis() + 30_000;
                 superuserLong(audited) == 0 && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(200);
            }
            assertThat(superuserLong(audited)).as("the run's audit entry in admin's name").isEqualTo(1);

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

            // A long message with long words (as an exception's) is shown whole under its run, at desktop and tablet
            // width: wrapped, not cut off, and within the window without scrolling sideways.
            String message = "CLV left out: org.springframework.dao.DataIntegrityViolationException: "
                    + "snap_customer_clv_parameters_check_violated_by_the_fitted_model "
                    + "(the BG/NBD fit did not converge in 200 iterations; r, alpha, a, b were NaN). ".repeat(4)
                    + "· digests: 3 sent, 1 not sent (north@consumer360.example: 550 mailbox unavailable) · the end.";
            // On the run before this one: the new run's digests may still add a line to its own message.
            String before = superuserText("SELECT error_message FROM refresh_run WHERE run_id = " + lastRunBefore);
            setMessage(lastRunBefore, message);
            try {
                String find = "const m = Array.from(document.querySelectorAll('#refresh-history .c360-run-message'))"
                        + ".find(e => e.textContent.startsWith('Message of run #' + arguments[0] + ': '));";
                for (int[] size : new int[][] {{1280, 800}, {820, 1000}}) {
                    browser.resize(size[0], size[1]);
                    browser.open("admin/refresh");
                    browser.waitUntilScript(find + "return m !== undefined && m.textContent.endsWith('the end.')",
                            lastRunBefore);
                    browser.settle();
                    String at = size[0] + " px";
                    assertThat(browser.script(find + "return m.textContent", lastRunBefore)).as(at)
                            .isEqualTo("Message of run #" + lastRunBefore + ": " + message);
                    browser.script(find + "m.scrollIntoView({block: 'center'})", lastRunBefore);
                    browser.settle();
                    assertThat(browser.script(find + "const r = m.getBoundingClientRect();"
                            + "return m.scrollWidth <= m.clientWidth && m.scrollHeight <= m.clientHeight + 1"
                            + " && r.left >= 0 && r.right <= window.innerWidth", lastRunBefore))
                            .as(at + ": all of it in view").isEqualTo(true);
                    browser.movePointerAway();
                    browser.screenshot(size[0] == 1280 ? "refresh-message" : "refresh-message-tablet");
                }
            } finally {
                setMessage(lastRunBefore, before);
            }
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

    private static void setMessage(long run, String message) throws java.sql.SQLException {
        try (java.sql.Connection db = com.consumer360.support.TestDatabase.connectAs("postgres");
             java.sql.PreparedStatement update = db.prepareStatement(
                     "UPDATE refresh_run SET error_message = ? WHERE run_id = ?")) {
            update.setString(1, message);
            update.setLong(2, run);
            update.executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> stagesSeen(Browser browser) {
        return ((List<Map<String, Object>>) browser.script("return window.c360Seen")).stream()
                .map(state -> (String) state.get("stage")).toList();
    }
}
