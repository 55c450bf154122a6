package com.consumer360.sources;

import static com.consumer360.sources.SourceDatabases.READER_PASSWORD;
import static com.consumer360.sources.SourceDatabases.onSource;
import static com.consumer360.sources.SourceDatabases.superuserLong;
import static com.consumer360.sources.SourceDatabases.superuserText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * The connector end to end over plain JDBC, against a PostgreSQL stand-in for a SQL Server warehouse and a warehouse
 * database of its own: incremental by line id and by timestamp, idempotent, regions applied so row-level security
 * filters the loaded lines, and every failure (bad URL, wrong password, missing column, a failure inside the load's
 * transaction) leaves lines and high-water mark unchanged, with a clear message and never the password in a message
 * or a log line (all logs captured).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceRunnerTest {

    private static final byte[] KEY = new byte[32];
    private static String warehouse;
    private static String source;
    private static Secrets secrets;
    private static SourceRunner runner;
    private static int lineSource;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void databases() throws Exception {
        Arrays.fill(KEY, (byte) 7);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        warehouse = SourceDatabases.warehouse("sources_warehouse");
        source = SourceDatabases.source("sources_src");
        try (Connection owner = java.sql.DriverManager.getConnection(warehouse, "c360_owner", "");
             var statement = owner.createStatement()) {
            statement.execute("INSERT INTO ingest_mapping (name, default_region_id) VALUES ('src-countries', NULL)");
            statement.execute("INSERT INTO ingest_mapping_country VALUES ('src-countries', 'United Kingdom', 1), "
                    + "('src-countries', 'France', 4)");
        }
        onSource(source, "INSERT INTO dbo.customer VALUES ('C1', 'United Kingdom'), ('C2', 'United Kingdom'), "
                + "('C3', 'France'), ('C4', NULL), ('C5', 'Germany')");
        for (int id = 1; id <= 6; id++) {
            line(id, new String[] {"C1", "C1", "C2", "C3", "C4", null}[id - 1]);
        }
        secrets = new Secrets(KEY, name -> null);
        runner = new SourceRunner(() -> SourceDatabases.runtime(warehouse, SourceDatabases.ALL_REGIONS), secrets);
        lineSource = save(withMapping(SourceDatabases.definition("erp", source, HwmKind.LINE_ID)), READER_PASSWORD);
    }

    @AfterAll
    static void stopCapture() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    static SourceDefinition withMapping(SourceDefinition d) {
        return new SourceDefinition(d.id(), d.name(), d.jdbcUrl(), d.username(), d.passwordSet(), d.factTable(),
                d.invoiceColumn(), d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(),
                d.unitPriceColumn(), d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(),
                d.hwmColumn(), d.hwmKind(), "src-countries", "EAST", d.cron(), d.enabled());
    }

    static int save(SourceDefinition definition, String password) throws SQLException {
        try (Connection connection = SourceDatabases.runtime(warehouse, SourceDatabases.ALL_REGIONS)) {
            return SourceStore.save(connection, definition, password == null ? null : secrets.seal(password));
        }
    }

    private static void line(long id, String customer) throws SQLException {
        LocalDateTime time = LocalDateTime.of(2026, 11, 2, 9, 0).plusHours(id);
        onSource(source, "INSERT INTO dbo.sales_line VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, "INV" + (100 + id / 2),
                Timestamp.valueOf(time), "P" + (id % 4), "Product " + (id % 4), (int) id, new java.math.BigDecimal("2.50"),
                customer, Timestamp.valueOf(time.plusMinutes(5)));
    }

    private static long lines() throws SQLException {
        return superuserLong(warehouse, "SELECT count(*) FROM fact_sales");
    }

    private static String mark(int id) throws SQLException {
        return superuserText(warehouse, "SELECT hwm_value FROM source_definition WHERE source_id = " + id);
    }

    @Test
    @Order(1)
    void firstRunLoadsEveryLineAndSetsTheMark() throws Exception {
        RunResult run = runner.run(lineSource);
        assertThat(run.linesRead()).isEqualTo(6);
        assertThat(run.linesInserted()).isEqualTo(6);
        assertThat(run.hwmBefore()).isNull();
        assertThat(run.hwmAfter()).isEqualTo("6");
        assertThat(lines()).isEqualTo(6);
        assertThat(mark(lineSource)).isEqualTo("6");
        assertThat(superuserLong(warehouse, "SELECT count(*) FROM ingest_run WHERE source = 'sql:erp' AND status = "
                + "'SUCCEEDED' AND lines_loaded = 6 AND run_id = " + run.runId())).isEqualTo(1);
        assertThat(superuserText(warehouse, "SELECT last_status || ' ' || last_lines_loaded FROM source_definition "
                + "WHERE source_id = " + lineSource)).isEqualTo("SUCCEEDED 6");
    }

    @Test
    @Order(2)
    void secondRunLoadsOnlyTheNewLines() throws Exception {
        line(7, "C1");
        line(8, "C3");
        line(9, "C5");
        RunResult run = runner.run(lineSource);
        assertThat(run.linesRead()).as("only the lines past the mark are read").isEqualTo(3);
        assertThat(run.linesInserted()).isEqualTo(3);
        assertThat(run.hwmAfter()).isEqualTo("9");
        assertThat(lines()).isEqualTo(9);
    }

    @Test
    @Order(3)
    void anUnchangedSourceLoadsNothing() throws Exception {
        long runs = superuserLong(warehouse, "SELECT count(*) FROM ingest_run");
        RunResult run = runner.run(lineSource);
        assertThat(run.linesRead()).isZero();
        assertThat(run.linesInserted()).isZero();
        assertThat(mark(lineSource)).isEqualTo("9");
        assertThat(lines()).isEqualTo(9);
        assertThat(superuserLong(warehouse, "SELECT count(*) FROM ingest_run WHERE status = 'SUCCEEDED'"
                + " AND lines_loaded = 0 AND source = 'sql:erp'")).isEqualTo(1);
        assertThat(superuserLong(warehouse, "SELECT count(*) FROM ingest_run")).isEqualTo(runs + 1);
    }

    @Test
    @Order(4)
    void readingEverythingAgainAddsNothing() throws Exception {
        onSource(source, "SELECT 1");
        try (Connection owner = java.sql.DriverManager.getConnection(warehouse, "postgres", "");
             var statement = owner.createStatement()) {
            statement.execute("UPDATE source_definition SET hwm_value = NULL WHERE source_id = " + lineSource);
        }
        RunResult run = runner.run(lineSource);
        assertThat(run.linesRead()).isEqualTo(9);
        assertThat(run.linesInserted()).isZero();
        assertThat(run.linesAlreadyLoaded()).isEqualTo(9);
        assertThat(lines()).isEqualTo(9);
        assertThat(mark(lineSource)).isEqualTo("9");
    }

    /** North sees exactly the lines of the source's United Kingdom customers (independent SQL over the source). */
    @Test
    @Order(5)
    void loadedLinesCarryTheirRegionSoRowSecurityApplies() throws Exception {
        long ukLines = superuserLong(source, "SELECT count(*) FROM dbo.sales_line s JOIN dbo.customer c "
                + "USING (customer_no) WHERE c.country = 'United Kingdom'");
        assertThat(ukLines).isEqualTo(4);
        try (Connection north = SourceDatabases.runtime(warehouse, "1");
             var statement = north.createStatement();
             var result = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE region_id <> 1), "
                     + "string_agg(DISTINCT invoice_no, ',' ORDER BY invoice_no) FROM fact_sales")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(ukLines);
            assertThat(result.getLong(2)).isZero();
            assertThat(result.getString(3)).isEqualTo("INV100,INV101,INV103");
        }
        try (Connection west = SourceDatabases.runtime(warehouse, "4");
             var statement = west.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM fact_sales")) {
            result.next();
            assertThat(result.getLong(1)).as("the France lines").isEqualTo(2);
        }
    }

    @Test
    @Order(6)
    void aTimestampMarkReadsChangedLines() throws Exception {
        int stamped = save(withMapping(SourceDatabases.definition("erp-modified", source, HwmKind.TIMESTAMP)),
                READER_PASSWORD);
        RunResult first = runner.run(stamped);
        assertThat(first.linesRead()).isEqualTo(9);
        assertThat(first.linesInserted()).as("the lines are in already (natural key)").isZero();
        assertThat(first.hwmAfter()).isEqualTo("2026-11-02T18:05");
        onSource(source, "UPDATE dbo.sales_line SET quantity = 90, modified_at = '2026-11-20 10:00' "
                + "WHERE sales_line_id = 9");
        RunResult second = runner.run(stamped);
        assertThat(second.linesRead()).isEqualTo(1);
        assertThat(second.linesInserted()).as("a changed line is a new line").isEqualTo(1);
        assertThat(second.hwmAfter()).isEqualTo("2026-11-20T10:00");
        assertThat(lines()).isEqualTo(10);
    }

    @Test
    @Order(7)
    void aBadUrlChangesNothing() throws Exception {
        String bad = source.replaceFirst(":\\d+/", ":1/");
        int id = save(withMapping(SourceDatabases.definition("erp-bad-url", bad, HwmKind.LINE_ID)), READER_PASSWORD);
        assertFailsAndChangesNothing(id, "cannot connect to the source");
    }

    @Test
    @Order(8)
    void aWrongPasswordChangesNothing() throws Exception {
        int id = save(withMapping(SourceDatabases.definition("erp-bad-password", source, HwmKind.LINE_ID)),
                READER_PASSWORD + "x");
        assertFailsAndChangesNothing(id, "password authentication failed");
    }

    @Test
    @Order(9)
    void aMissingColumnChangesNothing() throws Exception {
        SourceDefinition d = withMapping(SourceDatabases.definition("erp-no-column", source, HwmKind.LINE_ID));
        SourceDefinition missing = new SourceDefinition(0, d.name(), d.jdbcUrl(), d.username(), false, d.factTable(),
                d.invoiceColumn(), d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), "qty",
                d.unitPriceColumn(), d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(),
                d.hwmColumn(), d.hwmKind(), d.mappingName(), d.defaultRegion(), d.cron(), d.enabled());
        int id = save(missing, READER_PASSWORD);
        assertFailsAndChangesNothing(id, "f.qty does not exist");
    }

    /** The load fails after its lines are in (the mark's update is refused): both roll back together. */
    @Test
    @Order(10)
    void aFailureInsideTheLoadLeavesLinesAndMarkUnchanged() throws Exception {
        line(10, "C2");
        line(11, "C1");
        try (Connection owner = java.sql.DriverManager.getConnection(warehouse, "postgres", "");
             var statement = owner.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION refuse_mark() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'mark refused by the test'; END $$;
                    CREATE TRIGGER refuse_mark BEFORE UPDATE OF hwm_value ON source_definition
                        FOR EACH ROW WHEN (NEW.hwm_value IS DISTINCT FROM OLD.hwm_value) EXECUTE FUNCTION refuse_mark();""");
        }
        assertFailsAndChangesNothing(lineSource, "mark refused by the test");
        try (Connection owner = java.sql.DriverManager.getConnection(warehouse, "postgres", "");
             var statement = owner.createStatement()) {
            statement.execute("DROP TRIGGER refuse_mark ON source_definition");
        }
        RunResult run = runner.run(lineSource);
        assertThat(run.linesInserted()).isEqualTo(2);
        assertThat(mark(lineSource)).isEqualTo("11");
    }

    /** A value that a spreadsheet would run as a formula is refused, as in a file; the line waits at the source. */
    @Test
    @Order(11)
    void aFormulaLikeValueIsRefusedAndChangesNothing() throws Exception {
        onSource(source, "INSERT INTO dbo.sales_line VALUES (12, 'INV200', '2026-11-21 10:00', 'P9', "
                + "'=cmd|'' /C calc''!A0', 1, 2.50, 'C1', '2026-11-21 10:00')");
        assertFailsAndChangesNothing(lineSource, "starts like a spreadsheet formula");
        onSource(source, "UPDATE dbo.sales_line SET description = 'Calculator' WHERE sales_line_id = 12");
        RunResult run = runner.run(lineSource);
        assertThat(run.linesInserted()).isEqualTo(1);
        assertThat(mark(lineSource)).isEqualTo("12");
    }

    private void assertFailsAndChangesNothing(int id, String reason) throws Exception {
        String counts = counts();
        String markBefore = mark(id);
        long failedRuns = superuserLong(warehouse, "SELECT count(*) FROM ingest_run WHERE status = 'FAILED'");
        assertThatThrownBy(() -> runner.run(id)).isInstanceOf(SourceException.class)
                .hasMessageContaining(reason).satisfies(e -> assertThat(e.getMessage()).doesNotContain(READER_PASSWORD));
        assertThat(counts()).isEqualTo(counts);
        assertThat(mark(id)).isEqualTo(markBefore);
        assertThat(superuserLong(warehouse, "SELECT count(*) FROM ingest_run WHERE status = 'FAILED'"))
                .isEqualTo(failedRuns + 1);
        assertThat(superuserText(warehouse, "SELECT last_status || ': ' || last_message FROM source_definition "
                + "WHERE source_id = " + id)).startsWith("FAILED: ").contains(reason).doesNotContain(READER_PASSWORD);
    }

    private static String counts() throws SQLException {
        return superuserLong(warehouse, "SELECT count(*) FROM fact_sales") + " lines, "
                + superuserLong(warehouse, "SELECT count(*) FROM fact_invoice") + " invoices, "
                + superuserLong(warehouse, "SELECT count(*) FROM dim_customer") + " customers, "
                + superuserLong(warehouse, "SELECT count(*) FROM dim_product") + " products";
    }

    @Test
    @Order(12)
    void thePasswordIsInNoLogLineNoStoredValueAndNoListing() throws Exception {
        assertThat(logs.list).as("the runs logged").isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain(READER_PASSWORD);
            if (event.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(READER_PASSWORD);
            }
        }
        assertThat(superuserLong(warehouse, "SELECT count(*) FROM source_definition WHERE password_secret LIKE '%"
                + READER_PASSWORD + "%' OR password_secret NOT LIKE 'v1:%'")).isZero();
        try (Connection connection = SourceDatabases.runtime(warehouse, SourceDatabases.ALL_REGIONS)) {
            assertThat(SourceStore.all(connection).toString()).doesNotContain(READER_PASSWORD).doesNotContain("v1:");
        }
        String stored = superuserText(warehouse, "SELECT password_secret FROM source_definition WHERE source_id = "
                + lineSource);
        assertThat(secrets.open(stored)).isEqualTo(READER_PASSWORD);
        assertThatThrownBy(() -> new Secrets(new byte[32], n -> null).open(stored))
                .isInstanceOf(SourceException.class).hasMessageContaining("cannot be decrypted")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(READER_PASSWORD));
    }
}
