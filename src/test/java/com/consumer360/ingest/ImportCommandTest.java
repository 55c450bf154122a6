package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code import} command on the Online Retail sample loads the same warehouse contents as the service's import
 * (compared line by line through a digest of each database) with the batch run's cleaning counts.
 */
class ImportCommandTest {

    private static final String CONTENTS = """
            SELECT md5(string_agg(concat_ws('|', s.line_key, s.invoice_no, s.invoice_ts, s.quantity, s.unit_price,
                       s.net_amount, s.is_cancellation, s.region_id, c.customer_code, c.region_id, c.country,
                       c.first_purchase_date, p.product_code, p.description), ',' ORDER BY s.line_key))
            FROM fact_sales s JOIN dim_product p USING (product_id) LEFT JOIN dim_customer c USING (customer_id)""";

    @TempDir
    static Path dir;
    private static ImportDatabase commandDatabase;
    private static ImportDatabase serviceDatabase;

    @BeforeAll
    static void databases() throws Exception {
        commandDatabase = ImportDatabase.create("import_command");
        serviceDatabase = ImportDatabase.create("import_service");
        System.setProperty("spring.datasource.url", commandDatabase.url);
        System.setProperty("spring.datasource.username", "c360_app");
        System.setProperty("spring.flyway.user", "c360_owner");
        System.setProperty("spring.flyway.password", "");
    }

    @AfterAll
    static void clear() {
        for (String name : new String[] {"spring.datasource.url", "spring.datasource.username", "spring.flyway.user",
                "spring.flyway.password"}) {
            System.clearProperty(name);
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandAndServiceLoadTheSameWarehouseWithTheBatchRunsCounts() throws Exception {
        Path regions = dir.resolve("regions.csv");
        Files.writeString(regions, "country,region\nUnited Kingdom,NORTH\nFrance,WEST\nEIRE,West\nGermany,CENTRAL\n"
                + "Spain,SOUTH\n*,EAST\n");
        Path errors = dir.resolve("errors.csv");
        Run run = run("--input", OnlineRetailImportTest.sample().toString(), "--regions", regions.toString(),
                "--errors", errors.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("import: 771 lines left out (row-level error report)")
                .contains("row-level error report written to " + errors);
        assertThat(Files.readAllLines(errors)).hasSize(772).first().isEqualTo("line,column,value,reason");
        assertThat(run.out()).contains("42,481 lines read, 41,710 kept (excluded: 0 malformed, 273 non-positive price, "
                + "498 exact duplicates");
        assertThat(run.out()).contains("41,710 inserted, 0 already loaded");
        FileImport.run(serviceDatabase.admin(), OnlineRetailImportTest.sample(), "sample", OnlineRetailImportTest.MAPPING,
                false, ImportProgress.NONE);
        assertThat(commandDatabase.rowCounts()).isEqualTo(serviceDatabase.rowCounts())
                .startsWith("41710 lines, 1885 invoices, 948 customers");
        assertThat(commandDatabase.superuserText(CONTENTS)).isEqualTo(serviceDatabase.superuserText(CONTENTS));

        Run again = run("--input", OnlineRetailImportTest.sample().toString(), "--regions", regions.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 inserted, 41,710 already loaded");

        // The same lines as a workbook: --input file.xlsx reads its first sheet, same counts, nothing new.
        Path xlsx = XlsxImportTest.sampleAsXlsx(dir.resolve("online_retail_2010-12.xlsx"));
        Run workbook = run("--input", xlsx.toString(), "--regions", regions.toString());
        assertThat(workbook.exitCode()).as(workbook.err()).isZero();
        assertThat(workbook.out()).contains("42,481 lines read, 41,710 kept (excluded: 0 malformed, 273 non-positive "
                + "price, 498 exact duplicates").contains("0 inserted, 41,710 already loaded")
                .contains("read as XLSX, sheet \"Online Retail\"");
        // A file with renamed, reordered columns through a mapping saved by name: the same lines, nothing new.
        try (var connection = commandDatabase.admin().open()) {
            MappingStore.save(connection, "shop export", OnlineRetailImportTest.MAPPING
                    .withColumns(ColumnMappingImportTest.renamedMapping()));
        }
        Path renamed = ColumnMappingImportTest.renamedSample(dir.resolve("renamed.csv"));
        Run mapped = run("--input", renamed.toString(), "--mapping", "shop export");
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(mapped.out()).contains("42,481 lines read, 41,710 kept").contains("0 inserted, 41,710 already loaded");
        Run wrongFile = run("--input", OnlineRetailImportTest.sample().toString(), "--mapping", "shop export");
        assertThat(wrongFile.exitCode()).isEqualTo(2);
        assertThat(wrongFile.err()).contains(": column mapping: invoice: the file has no column \"Receipt\"");
        Path truncated = dir.resolve("truncated.xlsx");
        byte[] bytes = Files.readAllBytes(xlsx);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String before = commandDatabase.rowCounts();
        Run bad = run("--input", truncated.toString(), "--regions", regions.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("import: " + truncated + ": not a readable XLSX workbook");
        assertThat(commandDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void badInputExitsWithTwoAndOneClearLine() throws Exception {
        String before = commandDatabase.rowCounts();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "536365,85123A,six,2010-12-01 08:26:00,2.55,17850,United Kingdom\n");
        Run run = run("--input", bad.toString(), "--regions", dir.resolve("missing.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("import: " + dir.resolve("missing.csv") + ": no such file\n");
        run = run("--input", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("import: " + bad + ": line 2, column quantity");
        assertThat(run("--input").err()).contains("--input needs a value");
        assertThat(run("--mapping", "x").err()).contains("--input FILE is required");
        assertThat(run("--input", bad.toString(), "--mapping", "nothing-saved").err())
                .contains("no saved mapping named \"nothing-saved\"");
        assertThat(run("--input", bad.toString(), "--verbose").err()).contains("unknown argument --verbose");
        assertThat(commandDatabase.rowCounts()).isEqualTo(before);
    }
}
