package com.consumer360.browser;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.TestRefresh;
import com.consumer360.sources.SourceDatabases;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An admin adds a SQL Server source (the PostgreSQL stand-in), is told at the field about a hostile table name,
 * tests the connection, runs it now and sees the run; the password never reaches the page; north sees only the
 * North lines loaded and may not open the page. The shared test warehouse is put back afterwards.
 */
@PortalIntegration
class SourcesViewBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void adminAddsTestsAndRunsASourceAndNorthIsRefused() throws Exception {
        String url = SourceDatabases.source("sources_browser_src");
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        long firstDate = superuserLong("SELECT min(date_key) FROM dim_date");
        long lastDate = superuserLong("SELECT max(date_key) FROM dim_date");
        LocalDate day = LocalDate.of((int) lastDate / 10_000, (int) lastDate / 100 % 100, (int) lastDate % 100);
        SourceDatabases.onSource(url, "INSERT INTO dbo.customer VALUES ('SRC-UK1', 'United Kingdom'), "
                + "('SRC-UK2', 'United Kingdom'), ('SRC-FR1', 'France')");
        String[] customers = {"SRC-UK1", "SRC-UK2", "SRC-FR1", "SRC-UK1", "SRC-FR1"};
        for (int id = 1; id <= customers.length; id++) {
            Timestamp time = Timestamp.valueOf(day.atTime(8 + id, 0));
            SourceDatabases.onSource(url, "INSERT INTO dbo.sales_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (long) id,
                    "SRC" + id, time, "SRC-P" + id, "Source product " + id, id, new java.math.BigDecimal("3.00"),
                    customers[id - 1], time);
        }
        try (Connection postgres = TestDatabase.connectAs("postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("INSERT INTO ingest_mapping (name, default_region_id) VALUES ('browser-src', 3)");
            statement.execute("INSERT INTO ingest_mapping_country VALUES ('browser-src', 'United Kingdom', 1), "
                    + "('browser-src', 'France', 4)");
        }
        long refreshes = superuserLong("SELECT count(*) FROM refresh_run");
        try {
            try (Browser browser = new Browser(port)) {
                browser.signIn("admin", "demo");
                browser.waitFor("#region-grid");
                assertThat(browser.navLabels()).contains("Sources");
                browser.open("admin/sources");
                browser.waitFor("#sources-add");
                browser.settle();
                click(browser, "#sources-add");
                browser.settle();
                browser.script("document.querySelector('#source-defaultRegion').scrollIntoView({block: 'center'})");
                browser.find("#source-defaultRegion input").click();
                // The regions by name (the select showed their codes, NORTH…).
                browser.waitUntilScript("return Array.from(document.querySelectorAll('vaadin-combo-box-item'))"
                        + ".map(i => i.textContent.trim()).join(',') === arguments[0]", "North,South,East,West,Central");
                browser.find("#source-defaultRegion input").sendKeys(org.openqa.selenium.Keys.ESCAPE);
                type(browser, "source-name", "browser-src");
                type(browser, "source-jdbcUrl", url);
                type(browser, "source-username", SourceDatabases.READER);
                type(browser, "source-password", SourceDatabases.READER_PASSWORD);
                type(browser, "source-fact-table", "dbo.sales_line; DROP TABLE fact_sales");
                for (String[] column : new String[][] {{"invoice-column", "invoice_no"},
                        {"invoice-ts-column", "invoice_date"}, {"product-column", "stock_code"},
                        {"description-column", "description"}, {"quantity-column", "quantity"},
                        {"unit-price-column", "unit_price"}, {"customer-column", "customer_no"},
                        {"customer-table", "dbo.customer"}, {"customer-key-column", "customer_no"},
                        {"country-column", "country"}, {"hwm-column", "sales_line_id"}}) {
                    type(browser, "source-" + column[0], column[1]);
                }
                pick(browser, "source-mappingName", "browser-src");
                click(browser, "#source-save");
                browser.settle();
                assertThat(browser.script("return document.getElementById('source-fact-table').invalid"))
                        .as("the hostile table name is refused at its field").isEqualTo(true);
                assertThat(browser.script("return document.getElementById('source-fact-table').errorMessage"))
                        .asString().contains("letters, digits and _ only");
                assertThat(superuserLong("SELECT count(*) FROM source_definition WHERE name = 'browser-src'")).isZero();

                type(browser, "source-fact-table", "dbo.sales_line");
                click(browser, "#source-test");
                browser.waitUntilScript("return document.getElementById('sources-status').textContent.length > 0"
                        + " || (document.getElementById('sources-error').textContent.length > 0 && !document"
                        + ".getElementById('sources-error').textContent.startsWith('the source was not saved'))");
                browser.settle();
                assertThat(browser.script("return document.getElementById('sources-error').textContent")).isEqualTo("");
                assertThat(browser.script("return document.getElementById('source-fact-table').invalid")).isEqualTo(false);
                assertThat(browser.script("return document.getElementById('sources-status').textContent"))
                        .asString().startsWith("Connected to PostgreSQL").contains("the extract query runs and returns lines");
                click(browser, "#source-save");
                browser.waitUntilScript("return document.getElementById('sources-status').textContent.includes('saved')"
                        + " || document.getElementById('sources-error').textContent.length > 0");
                assertThat(browser.script("return document.getElementById('sources-error').textContent")).isEqualTo("");
                assertThat(browser.script("return document.getElementById('source-password').value")).isEqualTo("");

                selectRow(browser, "browser-src");
                click(browser, "#sources-run");
                browser.waitForText("#sources-status", "Run ");
                browser.settle();
                assertThat(browser.script("return document.getElementById('sources-status').textContent"))
                        .asString().contains("5 lines read, 5 inserted, 0 already loaded; a refresh has started.");
                browser.movePointerAway();
                assertThat(browser.pageText()).contains("sql:browser-src", "SUCCEEDED");
                String html = (String) browser.script("return document.documentElement.outerHTML");
                assertThat(html + browser.pageText()).doesNotContain(SourceDatabases.READER_PASSWORD);
                browser.script("window.scrollTo(0, 0)");
                browser.screenshot("sources");
            }
            assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines + 5);
            assertThat(superuserLong("SELECT count(*) FROM ingest_run WHERE source = 'sql:browser-src' "
                    + "AND status = 'SUCCEEDED' AND lines_loaded = 5")).isEqualTo(1);
            assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE action = 'IMPORT' AND username = 'admin' "
                    + "AND row_count = 5 AND detail LIKE 'source browser-src (run %'")).isEqualTo(1);
            for (int i = 0; i < 150 && superuserLong("SELECT count(*) FROM refresh_run") == refreshes; i++) {
                Thread.sleep(200);
            }
            assertThat(superuserLong("SELECT count(*) FROM refresh_run")).as("the run started a refresh")
                    .isGreaterThan(refreshes);
            try (Connection north = TestDatabase.connectAs("c360_app")) {
                TestDatabase.bindScope(north, "1");
                try (Statement statement = north.createStatement();
                     ResultSet result = statement.executeQuery("SELECT count(*), string_agg(invoice_no, ',' ORDER BY "
                             + "invoice_no) FROM fact_sales WHERE line_key IS NOT NULL")) {
                    result.next();
                    assertThat(result.getString(2)).as("north sees the United Kingdom lines only")
                            .isEqualTo("SRC1,SRC2,SRC4");
                }
            }
            waitForRefreshes();
            try (Browser browser = new Browser(port)) {
                browser.signIn("north", "demo");
                browser.waitFor("#region-grid");
                assertThat(browser.navLabels()).doesNotContain("Sources");
                browser.open("admin/sources");
                browser.waitFor("#access-denied");
                assertThat(browser.pageText()).contains("Access denied").doesNotContain("browser-src");
            }
        } finally {
            waitForRefreshes();
            putTheWarehouseBack(firstDate);
        }
        assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
    }

    private static void type(Browser browser, String id, String value) {
        WebElement input = browser.find("#" + id + " input");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
        browser.settle();
    }

    private static void pick(Browser browser, String id, String value) {
        WebElement input = browser.find("#" + id + " input");
        browser.script("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(value);
        browser.settle();
        input.sendKeys(Keys.ENTER);
        browser.settle();
    }

    private static void click(Browser browser, String css) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
        browser.settle();
        browser.find(css).click();
    }

    private static void selectRow(Browser browser, String text) {
        browser.waitUntilScript("return [...document.querySelectorAll('#sources-grid vaadin-grid-cell-content')]"
                + ".some(c => c.textContent === arguments[0])", text);
        WebElement cell = (WebElement) browser.script("return [...document.querySelectorAll("
                + "'#sources-grid vaadin-grid-cell-content')].find(c => c.textContent === arguments[0])", text);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", cell);
        cell.click();
        browser.settle();
        browser.waitUntilScript("return !document.querySelector('#sources-run').hasAttribute('disabled')");
    }

    private static void waitForRefreshes() throws Exception {
        for (int i = 0; i < 600 && superuserLong("SELECT count(*) FROM refresh_run WHERE status = 'RUNNING'") > 0; i++) {
            Thread.sleep(200);
        }
    }

    private void putTheWarehouseBack(long firstDate) throws Exception {
        try (Connection postgres = TestDatabase.connectAs("postgres");
             Statement statement = postgres.createStatement()) {
            TestDatabase.bindScope(postgres, "1,2,3,4,5");
            statement.execute("DELETE FROM source_definition WHERE name = 'browser-src'");
            statement.execute("DELETE FROM ingest_mapping WHERE name = 'browser-src'");
            if (superuserLong("SELECT count(*) FROM fact_sales WHERE line_key IS NOT NULL") == 0) {
                return;
            }
            statement.execute("DELETE FROM fact_sales WHERE line_key IS NOT NULL");
            // Snapshots written while the imported customers existed would still name them (summary movers).
            statement.execute("DELETE FROM snap_customer WHERE customer_id >= 1000000000000");
            statement.execute("DELETE FROM snap_cohort_customer WHERE customer_id >= 1000000000000");
            statement.execute("DELETE FROM dim_customer WHERE customer_id >= 1000000000000");
            statement.execute("DELETE FROM dim_product WHERE category = 'Imported'");
            statement.execute("DELETE FROM dim_date WHERE date_key < " + firstDate);
        }
        TestRefresh.runNow(context, "test:sources-cleanup");
    }
}
