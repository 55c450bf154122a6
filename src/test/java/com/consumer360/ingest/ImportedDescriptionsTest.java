package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTableBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product's description comes only from lines the import loads: the first non-blank description among them, never
 * one of a line excluded by the price rule (with or without invoice id), of an exact duplicate (the rule ignores the
 * description) or of an unreadable line; in the validated preview and in dim_product, for a file and for a source's
 * extract.
 */
class ImportedDescriptionsTest {

    private static final RegionMapping MAPPING = new RegionMapping(Map.of("United Kingdom", "NORTH"), null);
    private static final String HEADER = ImportDatabase.ONLINE_RETAIL_HEADER;

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ImportDatabase.create("import_descriptions");
    }

    @Test
    void descriptionsComeFromTheLoadedLinesOnly() throws Exception {
        StringBuilder file = new StringBuilder(HEADER).append("""
                910001,P3,Plate,1,2011-06-01 09:00:00,0.00,30001,United Kingdom
                ,P3,Saucer,1,2011-06-01 09:05:00,-1.00,30001,United Kingdom
                910002,P3,Thing 3,2,2011-06-01 10:00:00,1.50,30001,United Kingdom
                910003,P4,,1,2011-06-01 11:00:00,2.00,30002,United Kingdom
                910003,P4,Cup,1,2011-06-01 11:00:00,2.00,30002,United Kingdom
                910004,P5,Bowl,six,2011-06-01 12:00:00,2.00,30002,United Kingdom
                910005,P5,Big bowl,1,2011-06-01 12:00:00,2.00,30002,United Kingdom
                910006,P3,Thing three,1,2011-06-02 09:00:00,1.50,30001,United Kingdom
                """);
        // One unreadable line is skipped only in a file of at least 1,000 lines (the 0.1% tolerance).
        for (int i = 0; i < 1_000; i++) {
            file.append(920_000 + i).append(",P9,Filler,1,2011-06-03 09:00:00,1.00,30003,United Kingdom\n");
        }
        Path path = dir.resolve("descriptions.csv");
        Files.writeString(path, file, StandardCharsets.UTF_8);

        FileImport.Validation validation = FileImport.plan(database.admin(), path, "descriptions.csv", MAPPING, 0);
        assertThat(validation.report().nonPositivePrice()).isEqualTo(2);
        assertThat(validation.report().exactDuplicates()).isEqualTo(1);
        assertThat(validation.report().malformed()).isEqualTo(1);
        assertThat(validation.preview(5, Map.of((short) 1, "North")))
                .extracting(line -> line.invoice() + " " + line.product() + " " + line.description())
                .containsExactly("910002 P3 Thing 3", "910003 P4 ", "910005 P5 Big bowl", "910006 P3 Thing 3",
                        "920000 P9 Filler");

        FileImport.run(database.admin(), path, "descriptions.csv", MAPPING, false, ImportProgress.NONE);
        assertThat(database.superuserText("""
                SELECT string_agg(product_code || '=' || description, ', ' ORDER BY product_code) FROM dim_product
                WHERE product_code IN ('P3', 'P4', 'P5')""")).isEqualTo("P3=Thing 3, P4=P4, P5=Big bowl");
    }

    @Test
    void aSourcesExtractTakesDescriptionsFromItsLoadedLinesOnly() throws Exception {
        var table = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID, TransactionColumn.INVOICE_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.PRODUCT_ID, TransactionColumn.DESCRIPTION,
                TransactionColumn.QUANTITY, TransactionColumn.UNIT_PRICE, TransactionColumn.COUNTRY));
        table.customer("40001").invoice("930001").dateTime(15_200, 0).product("S3").description("Plate").quantity(1)
                .unitPrice(0).country("United Kingdom").addLine();
        table.customer("40001").invoice("930002").dateTime(15_200, 60).product("S3").description("Thing 3").quantity(1)
                .unitPrice(1.5).country("United Kingdom").addLine();
        table.customer("40001").invoice("930003").dateTime(15_200, 120).product("S3").description("Another").quantity(1)
                .unitPrice(1.5).country("United Kingdom").addLine();
        ExtractImport.load(() -> database.runtime(ImportDatabase.ALL_REGIONS), "test:descriptions", table.build(),
                null, "NORTH", new ExtractImport.Outcome() {
                    @Override
                    public void beforeCommit(Connection connection, ImportReport report) {
                    }

                    @Override
                    public void failed(long runId, String message) {
                    }
                });
        assertThat(database.superuserText("SELECT description FROM dim_product WHERE product_code = 'S3'"))
                .isEqualTo("Thing 3");
    }
}
