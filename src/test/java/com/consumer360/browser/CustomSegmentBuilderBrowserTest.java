package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.customsegments.SegmentPagesFixture;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import com.consumer360.ui.DateFields;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The custom segment list and builder in a real Chromium. csops builds a segment with a nested group, watches the
 * live preview follow each change (and the validator's message appear at an emptied field), saves it, edits it into
 * version 2, exports its JSON, compares it with another segment from the list and deletes it. north and exec see
 * the list read-only, north with the North members only, and both are refused the builder's routes. Expected
 * numbers come from the database as superuser.
 */
@PortalIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomSegmentBuilderBrowserTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String NAME = "Browser lapsed customers";

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
        try (Connection c = TestDatabase.connectAs("postgres"); Statement s = c.createStatement()) {
            s.execute("UPDATE custom_segment SET deleted_at = now() WHERE name = '" + NAME + "' AND deleted_at IS NULL");
        }
    }

    private static long count(String where) throws Exception {
        return superuserLong("SELECT count(*) FROM snap_customer sc JOIN dim_customer dc USING (customer_id) "
                + "WHERE sc.snapshot_id = " + CURRENT + " AND " + where);
    }

    private static long shown(Browser browser, String css) {
        return Long.parseLong(browser.find(css).getText().replace(",", ""));
    }

    @Test
    void csopsBuildsPreviewsSavesEditsComparesExportsAndDeletes() throws Exception {
        String country = text("SELECT dc.country FROM snap_customer sc JOIN dim_customer dc USING (customer_id) "
                + "WHERE sc.snapshot_id = " + CURRENT + " AND sc.recency_days > 90 GROUP BY dc.country "
                + "ORDER BY count(*) DESC, dc.country LIMIT 1");
        try (Browser browser = new Browser(port)) {
            browser.signIn("csops", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Custom segments");
            browser.open("custom-segments");
            browser.waitFor("#custom-segments-grid");
            browser.settle();
            browser.script("document.querySelector('#custom-segments-new').click()");
            browser.waitFor("#preview-count");
            browser.settle();
            assertThat(shown(browser, "#preview-count")).isEqualTo(count("sc.recency_days > 60"));

            type(browser, "[data-path='rules[0]'] .criterion-value", "120");
            waitForCount(browser, count("sc.recency_days > 120"));

            // An emptied value is unfinished, not wrong: the preview waits for it without marking the field.
            type(browser, "[data-path='rules[0]'] .criterion-value", "");
            browser.waitUntilScript("return document.querySelector('#preview-note').textContent"
                    + ".startsWith('Fill in the criteria')");
            assertThat(browser.script("return document.querySelector(\"[data-path='rules[0]'] .criterion-value\")"
                    + ".invalid")).isEqualTo(false);
            // Text that is not a number stays in the field; the message says so rather than "empty".
            type(browser, "[data-path='rules[0]'] .criterion-value", "1e");
            browser.waitUntilScript("return (document.querySelector(\"[data-path='rules[0]'] .criterion-value\")"
                    + ".errorMessage || '').startsWith('Not a number')");
            assertThat(browser.find("#preview-note").getText()).contains("Fix the marked fields");

            type(browser, "[data-path='rules[0]'] .criterion-value", "90");
            waitForCount(browser, count("sc.recency_days > 90"));
            browser.script("document.querySelector('.group-add-group').click()");
            browser.settle();
            browser.waitFor("[data-path='rules[1].rules[0]'] .criterion-value");
            chooseItem(browser, "[data-path='rules[1].rules[0]'] .criterion-value", country);
            String where = "sc.recency_days > 90 AND dc.country = '" + country.replace("'", "''") + "'";
            waitForCount(browser, count(where));
            assertThat(browser.linkedCustomerIds("#preview-rows")).isNotEmpty();

            // A name refused at its field is re-checked as it changes: the message follows the text, and goes once
            // the name is put right, before any save. A name over 100 characters stays whole (no silent cut).
            browser.script("document.querySelector('#segment-save').click()");
            browser.waitUntilScript("return document.querySelector('#segment-name').invalid === true");
            assertThat(browser.script("return document.querySelector('#segment-name').errorMessage"))
                    .isEqualTo("Give the segment a name.");
            String tooLong = NAME + " who bought often in the spring and then stopped buying for more than ninety days";
            assertThat(tooLong).hasSizeGreaterThan(100);
            type(browser, "#segment-name", tooLong);
            browser.waitUntilScript("return (document.querySelector('#segment-name').errorMessage || '')"
                    + ".startsWith('At most 100 characters')");
            assertThat(browser.script("return document.querySelector('#segment-name').value")).isEqualTo(tooLong);
            browser.movePointerAway();
            browser.screenshot("custom-segment-builder-name-too-long");
            assertThat(browser.script("return document.querySelector('#segment-name').errorMessage")).asString()
                    .contains("this name has " + tooLong.length());
            browser.script("document.querySelector('#segment-save').click()");
            browser.settle();
            assertThat(browser.currentUrl()).endsWith("custom-segments/new");
            assertThat(superuserLong("SELECT count(*) FROM custom_segment WHERE name LIKE ?", NAME + " who%"))
                    .as("nothing saved, not even a cut name").isZero();
            assertThat(browser.script("return document.querySelector('#segment-name').invalid")).isEqualTo(true);
            type(browser, "#segment-name", NAME);
            browser.waitUntilScript("return document.querySelector('#segment-name').invalid === false");
            browser.script("document.querySelector('#segment-save').click()");
            browser.waitFor("#segment-versions");
            browser.waitUntilScript("return location.pathname.match(/custom-segments\\/[0-9]+$/) !== null");
            browser.settle();
            long id = Long.parseLong(browser.currentUrl().substring(browser.currentUrl().lastIndexOf('/') + 1));
            assertThat(superuserLong("SELECT count(*) FROM custom_segment_version WHERE segment_id = ?", id))
                    .isEqualTo(1);
            assertThat(shown(browser, "#preview-count")).isEqualTo(count(where));
            browser.movePointerAway();
            browser.script("document.querySelector('#segment-criteria').scrollIntoView()");
            browser.screenshot("custom-segment-builder-csops");

            type(browser, "[data-path='rules[0]'] .criterion-value", "120");
            String edited = where.replace("> 90", "> 120");
            waitForCount(browser, count(edited));
            browser.script("document.querySelector('#segment-save').click()");
            browser.waitUntilScript("const p = document.querySelector('#builder-summary');"
                    + "return p !== null && p.textContent.includes('current version 2')");
            browser.settle();
            assertThat(superuserLong("SELECT current_version FROM custom_segment WHERE segment_id = ?", id))
                    .isEqualTo(2);
            assertThat(text("SELECT definition FROM custom_segment_version WHERE segment_id = " + id
                    + " AND version = 1")).contains("\"90\"");
            String versions = (String) browser.script("return Array.from(document.querySelectorAll("
                    + "'#segment-versions vaadin-grid-cell-content')).map(c => c.textContent).join('|')");
            assertThat(versions).contains("v2", "v1", "Recency is greater than 120", "csops");
            String json = String.join("\n", browser.download("#segment-export-json"));
            assertThat(json).contains("\"RECENCY_DAYS\"", "\"120\"", "\"COUNTRY\"", country);
            browser.script("document.querySelector('#segment-history-card').scrollIntoView()");
            browser.movePointerAway();
            browser.screenshot("custom-segment-builder-versions");

            // Text that is no date in a date criterion: the message at that field, and a save saves nothing.
            browser.script("document.querySelector('.group-add-criterion').click()");
            browser.waitFor("[data-path='rules[2]'] .criterion-attribute");
            browser.settle();
            // The attribute is a select: open it, click the item.
            browser.script("document.querySelector(\"[data-path='rules[2]'] .criterion-attribute\").opened = true");
            browser.waitUntilScript("return !!document.querySelector(\"[data-path='rules[2]'] vaadin-select-item"
                    + "[label='First purchase (date)']\")");
            browser.script("document.querySelector(\"[data-path='rules[2]'] vaadin-select-item"
                    + "[label='First purchase (date)']\").click()");
            browser.settle();
            browser.waitFor("[data-path='rules[2]'] vaadin-date-picker.criterion-value");
            String dateField = "document.querySelector(\"[data-path='rules[2]'] .criterion-value\")";
            // The new criterion's empty date is not marked before anything is typed; a save marks it.
            browser.waitUntilScript("return document.querySelector('#preview-note').textContent"
                    + ".startsWith('Fill in the criteria')");
            assertThat(browser.script("return " + dateField + ".invalid")).isEqualTo(false);
            browser.script("document.querySelector('#segment-save').click()");
            browser.waitUntilScript("return " + dateField + ".invalid === true");
            assertThat(browser.script("return " + dateField + ".errorMessage")).asString().contains("empty");
            browser.movePointerAway();
            browser.screenshot("custom-segment-builder-error");
            // Typed and committed with Enter, as a user does (the date picker's calendar opens on typing).
            var dateInput = browser.find("[data-path='rules[2]'] .criterion-value input");
            dateInput.click();
            dateInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-13-45", Keys.ENTER);
            browser.settle();
            // The field was marked "empty" by the save: wait for the message about the text typed.
            browser.waitUntilScript("return " + dateField + ".invalid === true && " + dateField + ".errorMessage === "
                    + "arguments[0]", DateFields.BAD_INPUT);
            assertThat(browser.find("#preview-note").getText()).contains("Fix the marked fields");
            browser.script("document.querySelector('#segment-save').click()");
            browser.settle();
            assertThat(browser.script("return " + dateField + ".errorMessage")).isEqualTo(DateFields.BAD_INPUT);
            assertThat(browser.script("return " + dateField + ".inputElement.value")).isEqualTo("2026-13-45");
            assertThat(superuserLong("SELECT current_version FROM custom_segment WHERE segment_id = ?", id))
                    .as("nothing saved").isEqualTo(2);
            browser.script(dateField + ".scrollIntoView({block: 'center'})");
            browser.movePointerAway();
            browser.screenshot("custom-segment-builder-bad-date");

            browser.open("custom-segments");
            browser.waitFor("#segment-open-" + id);
            browser.settle();
            String row = rowText(browser, id);
            assertThat(row).contains(NAME, "csops", "v2").contains(String.format("%,d", count(edited)));
            select(browser, id);
            select(browser, segments.often);
            browser.movePointerAway();
            assertThat(browser.gridMisalignment("#custom-segments-grid")).as("header over its columns").isZero();
            browser.screenshot("custom-segments-list-csops");
            // At a tablet's width the list fits: no sideways scrolling, in the page or in the grid, to reach Delete.
            browser.resize(820, 1000);
            browser.waitUntilScript("return document.documentElement.clientWidth < 830");
            browser.settle();
            assertThat(browser.fitsWidth()).as("no horizontal scrolling at 820 px").isTrue();
            assertThat(browser.script("const grid = document.querySelector('#custom-segments-grid');"
                    + "const table = grid.shadowRoot.querySelector('#table');"
                    + "const right = grid.getBoundingClientRect().right;"
                    + "const del = document.querySelector('#segment-delete-' + arguments[0]).getBoundingClientRect();"
                    + "return table.scrollWidth <= table.clientWidth && del.width > 0 && del.right <= right", id))
                    .as("Delete in view without scrolling the list sideways at 820 px").isEqualTo(true);
            assertThat(browser.gridMisalignment("#custom-segments-grid")).as("header over its columns at 820 px")
                    .isZero();
            browser.screenshot("custom-segments-list-csops-tablet");
            browser.resize(1280, 800);
            browser.settle();
            browser.script("document.querySelector('#custom-segments-compare').click()");
            browser.waitFor("#compare-grid");
            browser.settle();
            assertThat(java.net.URLDecoder.decode(browser.currentUrl(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("s=custom:" + id, "s=custom:" + segments.often);
            List<String> comparison = browser.download("#compare-export");
            assertThat(comparison).hasSize(3);
            assertThat(String.join("\n", comparison)).contains(NAME + ",");

            browser.open("custom-segments");
            browser.waitFor("#segment-delete-" + id);
            browser.settle();
            browser.script("document.querySelector('#segment-delete-" + id + "').click()");
            browser.waitFor("#segment-delete-dialog");
            browser.settle();
            browser.script("document.querySelector('#segment-delete-dialog [slot=\"confirm-button\"]').click()");
            browser.settle();
            browser.waitUntilScript("return document.querySelector('#segment-open-" + id + "') === null");
            assertThat(superuserLong("SELECT count(*) FROM custom_segment WHERE segment_id = ? AND deleted_at IS NOT "
                    + "NULL", id)).isEqualTo(1);
        }
    }

    @Test
    void northReadsTheSharedSegmentsWithNorthMembersAndCannotEdit() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("north", "demo");
            browser.waitFor("#region-grid");
            assertThat(browser.navLabels()).contains("Custom segments");
            browser.open("custom-segments");
            browser.waitFor("#segment-open-" + segments.often);
            browser.settle();
            assertThat(rowText(browser, segments.often)).contains(String.format("%,d",
                    count("sc.region_id = 1 AND sc." + SegmentPagesFixture.OFTEN_SQL)));
            assertThat(browser.script("return document.querySelector('#segment-open-" + segments.hidden + "')"))
                    .isNull();
            assertThat(browser.script("const b = document.querySelector('#custom-segments-new'); return !b || b.hidden"))
                    .isEqualTo(true);
            assertThat(browser.script("return document.querySelectorAll('[id^=segment-edit-], [id^=segment-delete-]')"
                    + ".length")).isEqualTo(0L);
            assertThat(String.join("\n", browser.download("#segment-json-" + segments.often))).contains("FREQUENCY");
            browser.movePointerAway();
            browser.screenshot("custom-segments-list-north");

            for (String path : List.of("custom-segments/new", "custom-segments/" + segments.often)) {
                browser.open(path);
                browser.waitFor("#access-denied");
                browser.settle();
                assertThat(browser.script("return document.querySelector('#segment-builder')")).isNull();
            }
            browser.open("custom-segments/" + segments.often + "/profile");
            browser.waitFor("#kpi-size");
            browser.settle();
            assertThat(shown(browser, "#kpi-size")).isEqualTo(count("sc.region_id = 1 AND sc."
                    + SegmentPagesFixture.OFTEN_SQL));
        }
    }

    @Test
    void execReadsEveryShareButCannotEdit() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.signIn("exec", "demo");
            browser.waitFor("#region-grid");
            browser.open("custom-segments");
            browser.waitFor("#segment-open-" + segments.hidden);
            browser.settle();
            assertThat(rowText(browser, segments.hidden)).contains(String.format("%,d", count("sc.monetary > 1000")));
            assertThat(browser.script("const b = document.querySelector('#custom-segments-new'); return !b || b.hidden"))
                    .isEqualTo(true);
            browser.open("custom-segments/" + segments.hidden);
            browser.waitFor("#access-denied");
        }
    }

    /** Replaces a text or number field's value as a user would, then leaves the field. */
    private static void type(Browser browser, String field, String text) {
        var input = browser.find(field + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        input.sendKeys(Keys.TAB);
        browser.settle();
    }

    private static void waitForCount(Browser browser, long expected) {
        browser.waitUntilScript("const c = document.querySelector('#preview-count'); "
                + "return c !== null && c.textContent.replaceAll(',', '') === arguments[0]", String.valueOf(expected));
        browser.settle();
    }

    /** Picks an item of a (multi-select) combo box: type its label, click it in the overlay. */
    private static void chooseItem(Browser browser, String comboBox, String label) {
        String items = "Array.from(document.querySelectorAll('vaadin-combo-box-item, "
                + "vaadin-multi-select-combo-box-item'))";
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", comboBox);
        browser.find(comboBox + " input").click();
        browser.find(comboBox + " input").sendKeys(label);
        browser.waitUntilScript("return " + items + ".some(i => i.textContent.trim() === arguments[0])", label);
        browser.script(items + ".find(i => i.textContent.trim() === arguments[0]).click()", label);
        browser.find(comboBox + " input").sendKeys(Keys.ESCAPE);
        browser.settle();
    }

    /** The text of the list's row of a segment (its cells are slotted into the grid's rows). */
    private static String rowText(Browser browser, long id) {
        return (String) browser.script("const link = document.querySelector('#segment-open-' + arguments[0]);"
                + "const row = link.closest('vaadin-grid-cell-content').assignedSlot.closest('tr');"
                + "return Array.from(row.querySelectorAll('slot')).flatMap(s => s.assignedElements())"
                + ".map(c => c.textContent.trim()).join(' | ')", id);
    }

    /** Ticks a segment's selection check box in the list. */
    private static void select(Browser browser, long id) {
        browser.script("const link = document.querySelector('#segment-open-' + arguments[0]);"
                + "const row = link.closest('vaadin-grid-cell-content').assignedSlot.closest('tr');"
                + "Array.from(row.querySelectorAll('slot')).flatMap(s => s.assignedElements())"
                + ".map(c => c.querySelector('vaadin-checkbox')).find(c => c).click()", id);
        browser.settle();
    }

    private static String text(String sql) throws Exception {
        try (Connection c = TestDatabase.connectAs("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
