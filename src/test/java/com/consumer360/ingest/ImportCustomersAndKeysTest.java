package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the load computes while staging rather than in SQL (docs/operations.md, "Bringing your own data"): a new
 * customer's region and country are those of its first line by time (file order breaks a tie), its first purchase
 * day that of its earliest purchase line; a customer line without a country loads with "(unknown)" and the default
 * region; two equal lines of a file load once; a file overlapping the warehouse's days adds only its new lines; the
 * lines take consecutive ids from the import sequence, and the next import continues after them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportCustomersAndKeysTest {

    private static final RegionMapping MAPPING = new RegionMapping(
            Map.of("United Kingdom", "NORTH", "France", "WEST", "Germany", "CENTRAL"), "EAST");
    private static final String HEADER = ImportDatabase.ONLINE_RETAIL_HEADER;

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ImportDatabase.create("import_customers_keys");
    }

    private static ImportReport load(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        return FileImport.run(database.admin(), file, name, MAPPING, false, ImportProgress.NONE);
    }

    @Test
    @Order(1)
    void aNewCustomerTakesTheRegionAndCountryOfItsFirstLineAndItsEarliestPurchase() throws Exception {
        // 20001's lines are not in time order: its first line by time is the French one of 1 March (the file's
        // second line); its cancellation of 28 February is earlier still but no purchase, and shares the 08:00
        // minute with a German line of the same customer that comes later in the file.
        ImportReport report = load("first-lines.csv", """
                810002,P1,ONE,2,2011-03-02 10:00:00,1.50,20001,Germany
                810001,P2,TWO,1,2011-03-01 09:00:00,2.00,20001,France
                C810000,P1,ONE,-1,2011-02-28 08:00:00,1.50,20001,France
                810003,P3,THREE,1,2011-02-28 08:00:00,3.00,20001,Germany
                810004,P1,ONE,4,2011-03-01 09:30:00,1.50,20002,United Kingdom
                """);
        assertThat(report.linesInserted()).isEqualTo(5);
        // The cancellation of 28 February 08:00 is the customer's first line (file order breaks the tie with the
        // German line of the same minute): France, WEST. First purchase: the German line of 28 February.
        assertThat(database.superuserText("""
                SELECT concat_ws('|', c.country, r.code, c.first_purchase_date)
                FROM dim_customer c JOIN dim_region r USING (region_id) WHERE customer_code = '20001'"""))
                .isEqualTo("France|WEST|2011-02-28");
        assertThat(database.superuserText("""
                SELECT concat_ws('|', c.country, r.code, c.first_purchase_date)
                FROM dim_customer c JOIN dim_region r USING (region_id) WHERE customer_code = '20002'"""))
                .isEqualTo("United Kingdom|NORTH|2011-03-01");
        // Its lines carry the customer's region, whatever their own country.
        assertThat(database.superuserText("""
                SELECT string_agg(DISTINCT r.code, '|') FROM fact_sales f JOIN dim_region r USING (region_id)
                JOIN dim_customer c USING (customer_id) WHERE c.customer_code = '20001'""")).isEqualTo("WEST");
    }

    @Test
    @Order(2)
    void aCustomerLineWithoutCountryLoadsWithUnknownCountryAndTheDefaultRegion() throws Exception {
        String before = database.rowCounts();
        ImportReport report = load("no-country.csv", """
                820001,P1,ONE,1,2011-04-01 09:00:00,1.50,20003,
                820001,P2,TWO,3,2011-04-01 09:00:00,2.00,20003,
                """);
        assertThat(report.linesInserted()).isEqualTo(2);
        assertThat(database.rowCounts()).isNotEqualTo(before);
        assertThat(database.superuserText("""
                SELECT concat_ws('|', c.country, r.code) FROM dim_customer c JOIN dim_region r USING (region_id)
                WHERE customer_code = '20003'""")).isEqualTo("(unknown)|EAST");
    }

    @Test
    @Order(3)
    void twoEqualLinesOfAFileLoadOnceAndAnOverlappingFileAddsOnlyItsNewLines() throws Exception {
        // Two lines whose prices differ below a cent: the cleaning keeps both (they are not exact duplicates),
        // the warehouse stores money in cents, so their natural keys are equal, and the warehouse takes one.
        ImportReport equal = load("equal-lines.csv", """
                830000,P1,ONE,1,2011-05-01 09:00:00,1.501,20004,France
                830000,P1,ONE,1,2011-05-01 09:00:00,1.502,20004,France
                830001,P2,TWO,1,2011-05-01 10:00:00,2.00,20004,France
                """);
        assertThat(equal.linesInserted()).isEqualTo(2);
        assertThat(equal.linesAlreadyLoaded()).isEqualTo(1);
        long lines = database.superuserLong("SELECT count(*) FROM fact_sales");
        // Same days as loaded before (1 March, 1 May) plus a new line on 1 May and one on a new day.
        ImportReport overlapping = load("overlapping.csv", """
                810001,P2,TWO,1,2011-03-01 09:00:00,2.00,20001,France
                830001,P2,TWO,1,2011-05-01 10:00:00,2.00,20004,France
                830002,P3,THREE,2,2011-05-01 11:00:00,3.00,20004,France
                830003,P3,THREE,1,2011-05-02 11:00:00,3.00,20004,France
                """);
        assertThat(overlapping.linesInserted()).isEqualTo(2);
        assertThat(overlapping.linesAlreadyLoaded()).isEqualTo(2);
        assertThat(database.superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines + 2);
        assertThat(database.superuserLong("SELECT count(*) - count(DISTINCT line_key) FROM fact_sales")).isZero();
        // fact_invoice follows the lines (the insert trigger).
        assertThat(database.superuserText("""
                SELECT string_agg(invoice_no || ':' || lines, ',' ORDER BY invoice_no) FROM fact_invoice
                WHERE invoice_no LIKE '83%'""")).isEqualTo("830000:1,830001:1,830002:1,830003:1");
    }

    @Test
    @Order(4)
    void linesTakeConsecutiveIdsAndTheNextImportContinuesAfterThem() throws Exception {
        long before = database.superuserLong("SELECT max(sales_line_id) FROM fact_sales");
        ImportReport report = load("ids.csv", """
                840001,P1,ONE,1,2011-06-01 09:00:00,1.50,20005,Germany
                840001,P2,TWO,1,2011-06-01 09:00:00,2.00,20005,Germany
                840001,P3,THREE,1,2011-06-01 09:00:00,3.00,20005,Germany
                """);
        assertThat(report.linesInserted()).isEqualTo(3);
        long first = database.superuserLong("SELECT min(sales_line_id) FROM fact_sales WHERE invoice_no = '840001'");
        assertThat(first).isGreaterThan(before);
        assertThat(database.superuserLong(
                "SELECT max(sales_line_id) - min(sales_line_id) FROM fact_sales WHERE invoice_no = '840001'"))
                .isEqualTo(2);
        load("ids-next.csv", "850001,P1,ONE,1,2011-06-02 09:00:00,1.50,20005,Germany\n");
        assertThat(database.superuserLong("SELECT sales_line_id FROM fact_sales WHERE invoice_no = '850001'"))
                .isGreaterThan(first + 2);
        // Customers take their ids from the same sequence: none collides with a line's (both are bigint keys of
        // different tables, but one sequence keeps every imported id unique and readable in the logs).
        assertThat(database.superuserLong("""
                SELECT count(*) FROM dim_customer c JOIN fact_sales f ON f.sales_line_id = c.customer_id""")).isZero();
    }
}
