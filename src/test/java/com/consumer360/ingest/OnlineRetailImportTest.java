package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.support.TestDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Online Retail sample (December 2010) imported into a database of its own: the same cleaning counts and net
 * revenue as {@code analyze} and the independent Python pass of OnlineRetailDecemberTest, nothing added by a second
 * import, and each region's manager sees exactly the lines mapped to that region.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OnlineRetailImportTest {

    static final RegionMapping MAPPING = new RegionMapping(Map.of("United Kingdom", "NORTH", "France", "WEST",
            "EIRE", "West", "Germany", "CENTRAL", "Spain", "SOUTH"), "EAST");

    private static ImportDatabase database;
    private static Path sample;
    private static ImportReport first;

    @BeforeAll
    static void importOnce() throws Exception {
        database = ImportDatabase.create("import_online_retail");
        sample = sample();
        first = FileImport.run(database.admin(), sample, "online_retail_2010-12.csv.gz", MAPPING, false,
                ImportProgress.NONE);
    }

    static Path sample() throws URISyntaxException {
        return Path.of(OnlineRetailImportTest.class.getResource("/online-retail/online_retail_2010-12.csv.gz").toURI());
    }

    @Test
    @Order(1)
    void cleaningCountsAreThoseOfTheBatchRun() {
        CleaningReport c = first.cleaning();
        assertThat(c.linesRead()).isEqualTo(42_481);
        assertThat(c.linesKept()).isEqualTo(41_710);
        assertThat(c.nonPositivePrice()).isEqualTo(273);
        assertThat(c.exactDuplicates()).isEqualTo(498);
        assertThat(c.malformed()).isZero();
        assertThat(c.cancellations()).isEqualTo(719);
        assertThat(c.missingCustomerId()).isEqualTo(15_359);
        assertThat(first.linesInserted()).isEqualTo(41_710);
        assertThat(first.linesAlreadyLoaded()).isZero();
    }

    /**
     * The row-level error report lists the 771 excluded lines; checked against the raw file independently: each
     * price line's text has a unit price of zero or less, each duplicate's text occurs on an earlier line.
     */
    @Test
    @Order(1)
    void rowLevelErrorReportNamesEachExcludedLineOfTheFile() throws Exception {
        java.util.List<RowError> errors = first.rowErrors();
        assertThat(errors).hasSize(273 + 498);
        java.util.List<String> raw;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(sample()));
             var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                     java.nio.charset.StandardCharsets.UTF_8))) {
            raw = reader.lines().toList();
        }
        java.util.Map<String, Integer> firstLineOf = new java.util.HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            firstLineOf.putIfAbsent(raw.get(i), i + 1);
        }
        int price = 0;
        int duplicates = 0;
        for (RowError error : errors) {
            String text = raw.get((int) error.line() - 1);
            if (error.column().equals("unit_price")) {
                price++;
                String[] fields = text.split(",");
                assertThat(Double.parseDouble(fields[fields.length - 3])).as(text).isLessThanOrEqualTo(0);
                assertThat(Double.parseDouble(error.value())).isLessThanOrEqualTo(0);
            } else {
                duplicates++;
                assertThat(error.column()).isEqualTo("*");
                assertThat(firstLineOf.get(text)).as(text).isLessThan((int) error.line());
                assertThat(text).startsWith(error.value() + ",");
            }
        }
        assertThat(price).isEqualTo(273);
        assertThat(duplicates).isEqualTo(498);
        assertThat(errors).isSortedAccordingTo(java.util.Comparator.comparingLong(RowError::line));
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        RowError.writeCsv(errors, csv);
        String written = csv.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written).startsWith("line,column,value,reason\r\n" + errors.getFirst().line() + ",");
        assertThat(written.lines()).hasSize(errors.size() + 1);
    }

    @Test
    @Order(2)
    void warehouseHoldsTheKeptLinesWithTheirRevenue() throws Exception {
        assertThat(database.superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(41_710);
        assertThat(database.superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales"))
                .isEqualTo(74_672_361L);
        assertThat(database.superuserLong("SELECT count(*) FROM dim_customer")).isEqualTo(948);
        assertThat(database.superuserLong("SELECT count(*) FROM fact_sales WHERE customer_id IS NULL"))
                .isEqualTo(15_359);
        assertThat(database.superuserLong("SELECT count(DISTINCT invoice_no) FROM fact_sales")).isEqualTo(1_885);
        assertThat(database.superuserLong("SELECT count(*) FROM fact_sales WHERE is_cancellation")).isEqualTo(719);
        assertThat(database.superuserLong("SELECT count(*) FROM fact_invoice")).isEqualTo(1_885);
        assertThat(database.superuserLong("SELECT count(*) FROM ingest_run WHERE status = 'SUCCEEDED' "
                + "AND lines_read = 42481 AND lines_loaded = 41710 AND lines_excluded = 771")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSecondImportOfTheSameFileAddsNothing() throws Exception {
        String before = database.rowCounts();
        ImportReport again = FileImport.run(database.admin(), sample, "again.csv.gz", MAPPING, false,
                ImportProgress.NONE);
        assertThat(again.linesInserted()).isZero();
        assertThat(again.linesAlreadyLoaded()).isEqualTo(41_710);
        assertThat(again.customersAdded()).isZero();
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void northSeesOnlyTheImportedNorthRows() throws Exception {
        long north = database.superuserLong("SELECT count(*) FROM fact_sales WHERE region_id = 1");
        // Independent: the kept lines of customers whose first line is in the United Kingdom, and UK guest lines.
        assertThat(north).isEqualTo(database.superuserLong("""
                SELECT count(*) FROM fact_sales f LEFT JOIN dim_customer c ON c.customer_id = f.customer_id
                WHERE coalesce(c.country, (SELECT 'United Kingdom' WHERE f.region_id = 1)) = 'United Kingdom'"""));
        assertThat(north).isPositive().isLessThan(41_710);
        try (Connection connection = database.runtime("1")) {
            assertThat(TestDatabase.count(connection, "fact_sales")).isEqualTo(north);
            assertThat(TestDatabase.regionsOf(connection, "fact_sales")).containsExactly(1);
            assertThat(TestDatabase.regionsOf(connection, "dim_customer")).containsExactly(1);
        }
    }

    @Test
    @Order(5)
    void replacingTheDateRangeLoadsTheFileAfresh() throws Exception {
        String before = database.rowCounts();
        ImportReport replaced = FileImport.run(database.admin(), sample, "replace.csv.gz", MAPPING, true,
                ImportProgress.NONE);
        assertThat(replaced.linesReplaced()).isEqualTo(41_710);
        assertThat(replaced.linesInserted()).isEqualTo(41_710);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aCancelledImportLeavesTheWarehouseAsItWas() throws Exception {
        String before = database.rowCounts();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileImport.run(database.admin(), sample,
                        "cancel.csv.gz", MAPPING, true, (lines, total) -> lines < 20_000))
                .isInstanceOf(ImportException.class).hasMessageContaining("cancelled");
        assertThat(database.rowCounts()).isEqualTo(before);
        assertThat(database.superuserLong("SELECT count(*) FROM ingest_run WHERE status = 'FAILED'")).isEqualTo(1);
    }
}
