package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XLSX imports go through the CSV path (the first sheet streamed into the batch reader): the Online Retail December
 * sample written as a workbook in this test (dates as date cells, quantities, prices and customer ids as numbers)
 * loads the same warehouse contents with the same cleaning counts as the CSV file, and dates may be date cells,
 * plain Excel serial numbers or text.
 */
class XlsxImportTest {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The warehouse's lines as one text, to compare two databases (ids differ, the rest must not). */
    private static final String CONTENTS = """
            SELECT md5(string_agg(concat_ws('|', f.invoice_no, f.invoice_ts, p.product_code, p.description, f.quantity,
                                            f.unit_price, f.net_amount, f.is_cancellation, c.customer_code, c.country,
                                            f.region_id, f.line_key), E'\\n'
                                  ORDER BY f.line_key))
            FROM fact_sales f JOIN dim_product p USING (product_id) LEFT JOIN dim_customer c USING (customer_id)""";

    @TempDir
    static Path dir;
    private static ImportDatabase fromCsv;
    private static ImportDatabase fromXlsx;

    @BeforeAll
    static void createDatabases() throws Exception {
        fromCsv = ImportDatabase.create("import_xlsx_csv");
        fromXlsx = ImportDatabase.create("import_xlsx");
    }

    /** The sample as a workbook: text columns as text, numbers as numbers, dates as formatted date cells. */
    static Path sampleAsXlsx(Path target) throws Exception {
        try (var in = new InputStreamReader(new GZIPInputStream(Files.newInputStream(OnlineRetailImportTest.sample())),
                StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in);
             OutputStream out = Files.newOutputStream(target);
             Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Online Retail");
            int r = 0;
            for (CsvRecord record : csv) {
                List<String> f = record.getFields();
                if (r == 0) {
                    for (int c = 0; c < f.size(); c++) {
                        sheet.value(0, c, f.get(c));
                    }
                } else {
                    sheet.value(r, 0, f.get(0));
                    sheet.value(r, 1, f.get(1));
                    if (!f.get(2).isEmpty()) {
                        sheet.value(r, 2, f.get(2));
                    }
                    sheet.value(r, 3, Integer.parseInt(f.get(3)));
                    sheet.value(r, 4, LocalDateTime.parse(f.get(4), CSV_TIME));
                    sheet.style(r, 4).format("yyyy-mm-dd hh:mm:ss").set();
                    sheet.value(r, 5, Double.parseDouble(f.get(5)));
                    if (!f.get(6).isEmpty()) {
                        sheet.value(r, 6, (long) Double.parseDouble(f.get(6)));
                    }
                    sheet.value(r, 7, f.get(7));
                }
                if (++r % 5_000 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
        }
        return target;
    }

    @Test
    void theOnlineRetailSampleAsXlsxLoadsTheSameWarehouseAsTheCsv() throws Exception {
        Path xlsx = sampleAsXlsx(dir.resolve("online_retail_2010-12.xlsx"));
        ImportReport csv = FileImport.run(fromCsv.admin(), OnlineRetailImportTest.sample(),
                "online_retail_2010-12.csv.gz", OnlineRetailImportTest.MAPPING, false, ImportProgress.NONE);
        ImportReport sheet = FileImport.run(fromXlsx.admin(), xlsx, "online_retail_2010-12.xlsx",
                OnlineRetailImportTest.MAPPING, false, ImportProgress.NONE);
        assertThat(sheet.cleaning()).isEqualTo(csv.cleaning());
        assertThat(sheet.cleaning().linesRead()).isEqualTo(42_481);
        assertThat(sheet.linesInserted()).isEqualTo(41_710);
        assertThat(sheet.summary()).endsWith("read as XLSX, sheet \"Online Retail\"");
        assertThat(sheet.rowErrors()).isEqualTo(csv.rowErrors());
        assertThat(fromXlsx.rowCounts()).isEqualTo(fromCsv.rowCounts());
        assertThat(fromXlsx.superuserText(CONTENTS)).isEqualTo(fromCsv.superuserText(CONTENTS));
        // The CSV then adds nothing to the workbook's warehouse: every line has the same natural key.
        String before = fromXlsx.rowCounts();
        ImportReport again = FileImport.run(fromXlsx.admin(), OnlineRetailImportTest.sample(),
                "online_retail_2010-12.csv.gz", OnlineRetailImportTest.MAPPING, false, ImportProgress.NONE);
        assertThat(again.linesInserted()).isZero();
        assertThat(again.linesAlreadyLoaded()).isEqualTo(41_710);
        assertThat(fromXlsx.rowCounts()).isEqualTo(before);
    }

    @Test
    void datesMayBeDateCellsSerialNumbersOrText() throws Exception {
        Path file = dir.resolve("dates.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sales");
            String[] header = {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                    "CustomerID", "Country"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            for (int r = 1; r <= 3; r++) {
                sheet.value(r, 0, "7200" + r);
                sheet.value(r, 1, "D" + r);
                sheet.value(r, 2, "DATE TEST " + r);
                sheet.value(r, 3, 2);
                sheet.value(r, 5, 1.25);
                sheet.value(r, 6, 12345);
                sheet.value(r, 7, "France");
            }
            sheet.value(1, 4, LocalDateTime.of(2010, 12, 1, 8, 26));
            sheet.style(1, 4).format("dd/mm/yyyy hh:mm").set();
            sheet.value(2, 4, 40513.35138888889); // 2010-12-01 08:26:00 as a plain serial number
            sheet.value(3, 4, "2010-12-01 08:26:00");
            sheet.finish();
        }
        FileImport.Validation plan = FileImport.plan(fromCsv.admin(), file, "dates.xlsx",
                new RegionMapping(Map.of("France", "WEST"), null), 0);
        assertThat(plan.preview(10, Map.of((short) 4, "WEST"))).extracting(PreviewLine::time)
                .containsOnly(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(plan.preview(10, Map.of((short) 4, "WEST"))).extracting(PreviewLine::customer)
                .containsOnly("12345");
    }

    @Test
    void theWizardsStepsConvertAnUploadOnceAndAChangedUploadAgain() throws Exception {
        Path xlsx = sampleAsXlsx(dir.resolve("steps.xlsx"));
        RegionMapping mapping = OnlineRetailImportTest.MAPPING;
        int before = XlsxSheet.conversions();
        // Countries, validation and preview, as the wizard's steps ask: one conversion.
        assertThat(FileImport.countries(xlsx, "steps.xlsx", 0, null, ColumnMapping.AUTOMATIC)).contains("France");
        FileImport.Validation first = FileImport.plan(fromCsv.admin(), xlsx, "steps.xlsx", mapping, 0);
        FileImport.Validation second = FileImport.plan(fromCsv.admin(), xlsx, "steps.xlsx", mapping, 0);
        assertThat(XlsxSheet.conversions()).isEqualTo(before + 1);
        assertThat(second.report()).isEqualTo(first.report());
        // A new upload under the same path (other contents, other size) is converted afresh, never served stale.
        Path other = dir.resolve("other.xlsx");
        try (OutputStream out = Files.newOutputStream(other); Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sales");
            String[] row0 = {"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                    "CustomerID", "Country"};
            String[] row1 = {"730001", "S1", "ONE", "1", "2010-12-02 10:00:00", "2.5", "12346", "France"};
            for (int c = 0; c < row0.length; c++) {
                sheet.value(0, c, row0[c]);
                sheet.value(1, c, row1[c]);
            }
            sheet.finish();
        }
        Files.move(other, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileImport.Validation replaced = FileImport.plan(fromCsv.admin(), xlsx, "steps.xlsx", mapping, 0);
        assertThat(XlsxSheet.conversions()).isEqualTo(before + 2);
        assertThat(replaced.report().linesRead()).isEqualTo(1);
    }
}
