package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editable column mapping: suggestions from the header (known layouts, then name parts), a mapping saved by name
 * with the countries and read back, a file with renamed and reordered columns imported through it identically to the
 * standard file, and bad mappings refused at the field with nothing changed.
 */
class ColumnMappingImportTest {

    /** The renamed file's columns, in its order, and the standard column each holds. */
    private static final String[] RENAMED = {"Land", "Receipt", "Sold at", "Article", "Text", "Qty", "Price",
            "Customer ID"};
    private static final int[] FROM = {7, 0, 4, 1, 2, 3, 5, 6};
    private static final String CONTENTS = """
            SELECT md5(string_agg(concat_ws('|', s.line_key, s.invoice_no, s.invoice_ts, s.quantity, s.unit_price,
                       s.net_amount, s.is_cancellation, s.region_id, c.customer_code, c.region_id, c.country,
                       c.first_purchase_date, p.product_code, p.description), ',' ORDER BY s.line_key))
            FROM fact_sales s JOIN dim_product p USING (product_id) LEFT JOIN dim_customer c USING (customer_id)""";

    @TempDir
    static Path dir;
    private static ImportDatabase standard;
    private static ImportDatabase mapped;

    @BeforeAll
    static void databases() throws Exception {
        standard = ImportDatabase.create("import_columns_standard");
        mapped = ImportDatabase.create("import_columns_mapped");
    }

    static ColumnMapping renamedMapping() {
        Map<WarehouseField, String> columns = new EnumMap<>(WarehouseField.class);
        columns.put(WarehouseField.COUNTRY, "Land");
        columns.put(WarehouseField.INVOICE, "Receipt");
        columns.put(WarehouseField.DATE, "Sold at");
        columns.put(WarehouseField.PRODUCT_CODE, "Article");
        columns.put(WarehouseField.DESCRIPTION, "Text");
        columns.put(WarehouseField.QUANTITY, "Qty");
        columns.put(WarehouseField.UNIT_PRICE, "Price");
        columns.put(WarehouseField.CUSTOMER_ID, "Customer ID");
        return new ColumnMapping(columns);
    }

    /** The Online Retail sample with its columns renamed and reordered, values unchanged. */
    static Path renamedSample(Path target) throws Exception {
        try (var in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(OnlineRetailImportTest.sample())),
                StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in);
             Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CsvWriter out = CsvWriter.builder().build(writer)) {
            boolean header = true;
            for (CsvRecord record : csv) {
                String[] fields = new String[FROM.length];
                for (int i = 0; i < FROM.length; i++) {
                    fields[i] = header ? RENAMED[i] : record.getField(FROM[i]);
                }
                out.writeRecord(fields);
                header = false;
            }
        }
        return target;
    }

    @Test
    void suggestionsRecogniseTheKnownLayoutsThenNameParts() {
        assertThat(ColumnMapping.suggest(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country")).columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                WarehouseField.INVOICE, "InvoiceNo", WarehouseField.PRODUCT_CODE, "StockCode",
                WarehouseField.DESCRIPTION, "Description", WarehouseField.QUANTITY, "Quantity",
                WarehouseField.DATE, "InvoiceDate", WarehouseField.UNIT_PRICE, "UnitPrice",
                WarehouseField.CUSTOMER_ID, "CustomerID", WarehouseField.COUNTRY, "Country"));
        assertThat(ColumnMapping.suggest(List.of("customer_id", "invoice_id", "invoice_date", "product_id", "amount",
                "region")).columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                WarehouseField.CUSTOMER_ID, "customer_id", WarehouseField.INVOICE, "invoice_id",
                WarehouseField.DATE, "invoice_date", WarehouseField.PRODUCT_CODE, "product_id",
                WarehouseField.AMOUNT, "amount", WarehouseField.REGION, "region"));
        assertThat(ColumnMapping.suggest(List.of("Order Number", "Order Date", "SKU", "Item description",
                "Order Qty", "Price Each", "Customer ID", "Ship Country", "Notes")).columns())
                .containsExactlyInAnyOrderEntriesOf(Map.of(WarehouseField.INVOICE, "Order Number",
                        WarehouseField.DATE, "Order Date", WarehouseField.PRODUCT_CODE, "SKU",
                        WarehouseField.DESCRIPTION, "Item description", WarehouseField.QUANTITY, "Order Qty",
                        WarehouseField.UNIT_PRICE, "Price Each", WarehouseField.CUSTOMER_ID, "Customer ID",
                        WarehouseField.COUNTRY, "Ship Country"));
        ColumnMapping renamed = ColumnMapping.suggest(List.of(RENAMED));
        assertThat(renamed.columns()).as("receipt, article, qty, price and customer id are guessed")
                .containsEntry(WarehouseField.INVOICE, "Receipt").containsEntry(WarehouseField.PRODUCT_CODE, "Article")
                .containsEntry(WarehouseField.QUANTITY, "Qty").containsEntry(WarehouseField.UNIT_PRICE, "Price")
                .containsEntry(WarehouseField.CUSTOMER_ID, "Customer ID");
        assertThat(renamed.problems(List.of(RENAMED))).as("the renamed file needs the admin for the date")
                .containsOnlyKeys(WarehouseField.DATE);
    }

    @Test
    void aRenamedReorderedFileImportsThroughASavedMappingLikeTheStandardFile() throws Exception {
        Path renamed = renamedSample(dir.resolve("renamed.csv"));
        try (Connection connection = mapped.admin().open()) {
            MappingStore.save(connection, "renamed shop export", OnlineRetailImportTest.MAPPING
                    .withColumns(renamedMapping()));
        }
        RegionMapping saved;
        try (Connection connection = mapped.admin().open()) {
            saved = MappingStore.find(connection, "renamed shop export").orElseThrow();
            assertThat(MappingStore.names(connection)).contains("renamed shop export");
        }
        assertThat(saved.columns()).isEqualTo(renamedMapping());
        assertThat(saved.countryToRegion()).containsEntry("Spain", "SOUTH");

        String empty = mapped.rowCounts();
        assertThatThrownBy(() -> FileImport.run(mapped.admin(), renamed, "renamed.csv", OnlineRetailImportTest.MAPPING,
                false, ImportProgress.NONE))
                .as("without the mapping the header is not recognised").isInstanceOf(ImportException.class)
                .hasMessageStartingWith("renamed.csv: line 1, column invoice_date: no column named");
        assertThat(mapped.rowCounts()).isEqualTo(empty);

        ImportReport viaMapping = FileImport.run(mapped.admin(), renamed, "renamed.csv", saved, false,
                ImportProgress.NONE);
        ImportReport viaStandard = FileImport.run(standard.admin(), OnlineRetailImportTest.sample(),
                "online_retail_2010-12.csv.gz", OnlineRetailImportTest.MAPPING, false, ImportProgress.NONE);
        assertThat(viaMapping.cleaning()).isEqualTo(viaStandard.cleaning());
        assertThat(viaMapping.linesInserted()).isEqualTo(41_710);
        assertThat(viaMapping.rowErrors()).isEqualTo(viaStandard.rowErrors());
        assertThat(mapped.rowCounts()).isEqualTo(standard.rowCounts());
        assertThat(mapped.superuserText(CONTENTS)).isEqualTo(standard.superuserText(CONTENTS));
    }

    @Test
    void badMappingsAreRefusedAtTheFieldAndChangeNothing() throws Exception {
        Path renamed = renamedSample(dir.resolve("renamed-bad.csv"));
        Map<WarehouseField, String> twice = new EnumMap<>(renamedMapping().columns());
        twice.put(WarehouseField.DESCRIPTION, "Article");
        Map<WarehouseField, String> noDate = new EnumMap<>(renamedMapping().columns());
        noDate.remove(WarehouseField.DATE);
        Map<WarehouseField, String> noPrice = new EnumMap<>(renamedMapping().columns());
        noPrice.remove(WarehouseField.UNIT_PRICE);
        Map<WarehouseField, String> absent = new EnumMap<>(renamedMapping().columns());
        absent.put(WarehouseField.QUANTITY, "Quantity");

        assertThat(new ColumnMapping(twice).problems(List.of(RENAMED))).containsOnlyKeys(WarehouseField.DESCRIPTION)
                .containsValue("column \"Article\" is already mapped to product code; map each column once");
        assertThat(new ColumnMapping(noDate).problems(List.of(RENAMED))).containsOnlyKeys(WarehouseField.DATE)
                .containsValue("required: choose the column that holds the date");
        assertThat(new ColumnMapping(noPrice).problems(List.of(RENAMED))).containsOnlyKeys(WarehouseField.UNIT_PRICE);
        assertThat(new ColumnMapping(absent).problems(List.of(RENAMED))).containsOnlyKeys(WarehouseField.QUANTITY)
                .containsValue("the file has no column \"Quantity\"");
        // In the wizard nothing chosen (a header of which nothing is recognised) is every required field unmapped;
        // elsewhere an empty mapping means recognised by header name.
        assertThat(ColumnMapping.AUTOMATIC.problems(List.of(RENAMED))).isEmpty();
        assertThat(ColumnMapping.AUTOMATIC.problemsAsChosen(List.of(RENAMED))).containsOnlyKeys(WarehouseField.INVOICE,
                WarehouseField.PRODUCT_CODE, WarehouseField.QUANTITY, WarehouseField.DATE, WarehouseField.UNIT_PRICE,
                WarehouseField.CUSTOMER_ID);

        try (Connection connection = mapped.admin().open()) {
            List<String> names = MappingStore.names(connection);
            assertThatThrownBy(() -> MappingStore.save(connection, "twice",
                    OnlineRetailImportTest.MAPPING.withColumns(new ColumnMapping(twice))))
                    .isInstanceOf(ImportException.class)
                    .hasMessage("mapping \"twice\": column mapping: description: column \"Article\" is already mapped "
                            + "to product code; map each column once");
            assertThatThrownBy(() -> MappingStore.save(connection, "no date",
                    OnlineRetailImportTest.MAPPING.withColumns(new ColumnMapping(noDate))))
                    .isInstanceOf(ImportException.class).hasMessageContaining("date: required");
            assertThat(MappingStore.names(connection)).isEqualTo(names);
        }

        String before = mapped.rowCounts();
        long runs = mapped.superuserLong("SELECT count(*) FROM ingest_run");
        for (var columns : List.of(twice, noDate, noPrice, absent)) {
            assertThatThrownBy(() -> FileImport.run(mapped.admin(), renamed, "renamed-bad.csv",
                    OnlineRetailImportTest.MAPPING.withColumns(new ColumnMapping(columns)), false, ImportProgress.NONE))
                    .isInstanceOf(ImportException.class).hasMessageStartingWith("renamed-bad.csv: column mapping: ");
        }
        assertThat(mapped.rowCounts()).isEqualTo(before);
        assertThat(mapped.superuserLong("SELECT count(*) FROM ingest_run")).isEqualTo(runs);
    }
}
