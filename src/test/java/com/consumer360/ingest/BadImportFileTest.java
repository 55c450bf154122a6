package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed files, each refused with a message naming the line and column where there is one, and the warehouse
 * (a database of its own holding a good import) left with exactly the rows it had.
 */
class BadImportFileTest {

    private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private static final String GOOD = "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n";
    private static final RegionMapping MAPPING = new RegionMapping(Map.of("United Kingdom", "NORTH"), null);

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void warehouseWithAnImport() throws Exception {
        database = ImportDatabase.create("import_bad_input");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, HEADER + GOOD + GOOD.replace("85123A", "71053"));
        FileImport.run(database.admin(), good, "good.csv", MAPPING, false, ImportProgress.NONE);
    }

    record Bad(String name, byte[] content, RegionMapping mapping, long maxBytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad text(String name, String content) {
        return new Bad(name, content.getBytes(StandardCharsets.UTF_8), MAPPING, 0);
    }

    static Bad lines(String name, String... lines) {
        return text(name, HEADER + String.join("\n", lines) + "\n");
    }

    static Stream<Arguments> badFiles() throws IOException {
        String longDescription = "x".repeat(1 << 20);
        String cafe = "536366,22633,CAF\u00c9 MUG,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom\n";
        byte[] latin1 = concat((HEADER + cafe).getBytes(StandardCharsets.UTF_8), cafe.getBytes(StandardCharsets.ISO_8859_1));
        byte[] latin1First = concat((HEADER + cafe).getBytes(StandardCharsets.ISO_8859_1),
                cafe.getBytes(StandardCharsets.UTF_8));
        byte[] gzip = gzip((HEADER + GOOD.repeat(200)).getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of(text("empty", ""), "line 1: empty file"),
                Arguments.of(text("header only", HEADER), "no data lines"),
                Arguments.of(text("one line, no header", "just one line no header\n"),
                        "line 1, column customer_id: no column named customer_id"),
                Arguments.of(text("blank lines only", "\n\n\n"), "line 1"),
                Arguments.of(new Bad("binary", new byte[] {1, 2, 0, 4, 5, 0, 7, 10, 0}, MAPPING, 0), "binary content"),
                Arguments.of(new Bad("UTF-16", (HEADER + GOOD).getBytes(StandardCharsets.UTF_16), MAPPING, 0),
                        "line 1: UTF-16 text (byte 0xfe); save the file as UTF-8"),
                Arguments.of(text("semicolon header, comma lines", HEADER.replace(',', ';') + GOOD),
                        "line 2, column invoice_date: empty"),
                Arguments.of(text("comma header, tab lines", HEADER + GOOD.replace(',', '\t')),
                        "line 2, column invoice_date: empty"),
                Arguments.of(text("no customer column", "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,Country\n"
                        + "536365,85123A,6,2010-12-01 08:26:00,2.55,United Kingdom\n"), "line 1: the import needs the column(s) customer_id"),
                Arguments.of(text("no date column", "InvoiceNo,StockCode,Quantity,UnitPrice,CustomerID,Country\n"
                        + "536365,85123A,6,2.55,17850,United Kingdom\n"), "line 1: the import needs the column(s) invoice_date"),
                Arguments.of(text("no amount columns", "InvoiceNo,StockCode,InvoiceDate,CustomerID,Country\n"
                        + "536365,85123A,2010-12-01 08:26:00,17850,United Kingdom\n"), "line 1: the import needs the column(s) amount (or quantity and unit_price)"),
                Arguments.of(text("no invoice column", "customer_id,invoice_date,amount,product_id,country\n"
                        + "17850,2010-12-01,15.30,85123A,United Kingdom\n"), "line 1: the import needs the column(s) invoice_id"),
                Arguments.of(text("no product column", "customer_id,invoice_id,invoice_date,amount,country\n"
                        + "17850,536365,2010-12-01,15.30,United Kingdom\n"), "the import needs the column(s) product_id"),
                Arguments.of(text("unknown columns only", "a,b,c\n1,2,3\n"), "line 1, column customer_id"),
                Arguments.of(text("duplicate column", HEADER.replace("Country", "Quantity") + GOOD),
                        "line 1, column 8: column \"Quantity\" appears twice (columns 4 and 8)"),
                Arguments.of(lines("impossible date", GOOD.strip().replace("2010-12-01", "2010-13-45")),
                        "line 2, column invoice_date"),
                Arguments.of(lines("date as words", GOOD.strip().replace("2010-12-01 08:26:00", "yesterday")),
                        "line 2, column invoice_date"),
                Arguments.of(lines("bad date on line 4", GOOD.strip(), GOOD.strip(),
                        GOOD.strip().replace("2010-12-01", "01/12/2010 at noon")), "line 4, column invoice_date"),
                Arguments.of(lines("quantity in words", GOOD.strip().replace(",6,", ",six,")), "line 2, column quantity"),
                Arguments.of(lines("decimal comma price", GOOD.strip().replace("2.55", "\"2,55\"")),
                        "line 2, column unit_price"),
                Arguments.of(lines("price text", GOOD.strip().replace("2.55", "cheap")), "line 2, column unit_price"),
                Arguments.of(lines("fractional quantity", GOOD.strip().replace(",6,", ",6.5,")),
                        "line 2, column quantity"),
                Arguments.of(lines("customer id text ok but price empty", GOOD.strip().replace("2.55", "")),
                        "line 2, column unit_price"),
                Arguments.of(lines("1 MB line", GOOD.strip().replace("WHITE HANGING HEART T-LIGHT HOLDER",
                        longDescription).replace(",6,", ",x,")), "line 2"),
                Arguments.of(new Bad("mixed encodings", latin1, MAPPING, 0),
                        "line 3: not valid UTF-8 text (byte 0xc9) while line 2 is UTF-8: mixed encodings"),
                Arguments.of(new Bad("mixed encodings, Latin-1 first", latin1First, MAPPING, 0),
                        "line 2: not valid UTF-8 text (byte 0xc9) while line 3 has UTF-8 characters: mixed encodings"),
                Arguments.of(new Bad("truncated XLSX", Arrays.copyOf(xlsx(false), xlsx(false).length / 2), MAPPING, 0),
                        ": not a readable XLSX workbook (damaged or truncated?)"),
                Arguments.of(new Bad("XLSX with formulas", xlsx(true), MAPPING, 0),
                        ": sheet \"lines\" row 2, cell F2: a formula (=1+1.55); the import reads values only"),
                Arguments.of(new Bad("XLSX 10x the size limit", xlsx(false), MAPPING, xlsx(false).length / 10),
                        "bytes, more than the import limit of"),
                Arguments.of(new Bad("a CSV named.xlsx", (HEADER + GOOD).getBytes(StandardCharsets.UTF_8), MAPPING, 0),
                        ": not an XLSX workbook (the file does not start like one)"),
                Arguments.of(new Bad("old workbook.xlsx", concat(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0,
                        (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1}, new byte[512]), MAPPING, 0),
                        "an Excel 97-2003 (.xls) workbook"),
                Arguments.of(new Bad("a ZIP that is no workbook", zip(), MAPPING, 0), ": not a readable XLSX workbook"),
                Arguments.of(new Bad("empty sheet", sheet(new String[0][]), MAPPING, 0),
                        ": sheet \"lines\" is empty, expected a header row"),
                Arguments.of(new Bad("header-only sheet", sheet(new String[][] {HEADER.strip().split(",")}), MAPPING, 0),
                        ": no data lines to import"),
                Arguments.of(new Bad("XLSX bad date", sheet(new String[][] {HEADER.strip().split(","),
                        GOOD.strip().split(","), GOOD.strip().replace("2010-12-01", "2010-12-41").split(",")}), MAPPING, 0),
                        ": sheet \"lines\" row 3, column invoice_date: cannot read '2010-12-41 08:26:00' as a date"),
                Arguments.of(new Bad("XLSX formula-like text", sheet(new String[][] {HEADER.strip().split(","),
                        GOOD.strip().replace("WHITE HANGING HEART T-LIGHT HOLDER", "=cmd|' /C calc'!A0").split(",")}),
                        MAPPING, 0), "column description: value \"=cmd|' /C calc'!A0\" starts like a spreadsheet formula"),
                Arguments.of(new Bad("XLSX missing column", sheet(new String[][] {{"InvoiceNo", "StockCode", "Quantity",
                        "UnitPrice", "CustomerID", "Country"}, {"536365", "85123A", "6", "2.55", "17850", "United Kingdom"}}),
                        MAPPING, 0), "sheet \"lines\" row 1: the import needs the column(s) invoice_date"),
                Arguments.of(new Bad("truncated gzip", Arrays.copyOf(gzip, gzip.length / 2), MAPPING, 0),
                        "cannot read"),
                Arguments.of(lines("formula in description", GOOD.strip().replace("WHITE HANGING HEART T-LIGHT HOLDER",
                        "=cmd|' /C calc'!A0")), "column description: value \"=cmd|' /C calc'!A0\" starts like a spreadsheet formula"),
                Arguments.of(lines("formula in product", GOOD.strip().replace("85123A", "@SUM(A1)")),
                        "column product_id"),
                Arguments.of(lines("formula in customer", GOOD.strip().replace("17850.0", "+17850")),
                        "column customer_id"),
                Arguments.of(new Bad("region mapping to an unknown region", (HEADER + GOOD).getBytes(StandardCharsets.UTF_8),
                        new RegionMapping(Map.of("United Kingdom", "ATLANTIS"), null), 0),
                        "country United Kingdom maps to \"ATLANTIS\", which is not a region"),
                Arguments.of(new Bad("unknown default region", (HEADER + GOOD).getBytes(StandardCharsets.UTF_8),
                        new RegionMapping(Map.of(), "Mordor"), 0), "the default region maps to \"Mordor\""),
                Arguments.of(lines("unmapped country", GOOD.strip().replace("United Kingdom", "Narnia")),
                        "column country: no region for 1 country: Narnia"),
                Arguments.of(new Bad("10x the size limit", (HEADER + GOOD.repeat(10)).getBytes(StandardCharsets.UTF_8),
                        MAPPING, (HEADER + GOOD.repeat(10)).length() / 10), "more than the import limit"),
                Arguments.of(lines("invoice id too long", GOOD.strip().replace("536365", "9".repeat(40))),
                        "column invoice_id: value longer than 32"),
                Arguments.of(lines("kept line without invoice id", GOOD.strip().replace("536365", "")),
                        "column invoice_id"),
                Arguments.of(lines("most lines unreadable", GOOD.strip(), GOOD.strip().replace(",6,", ",?,"),
                        GOOD.strip().replace(",6,", ",!,")), "line 3, column quantity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedWithAClearMessageAndChangesNothing(Bad bad, String message) throws Exception {
        Path file = dir.resolve("bad-" + bad.name().replace(' ', '-'));
        Files.write(file, bad.content());
        String before = database.rowCounts();
        long runs = database.superuserLong("SELECT count(*) FROM ingest_run WHERE status = 'SUCCEEDED'");
        assertThatThrownBy(() -> FileImport.run(database.admin(), file, bad.name(), bad.mapping(), false,
                ImportProgress.NONE, bad.maxBytes()))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(bad.name())
                .hasMessageContaining(message);
        assertThat(database.rowCounts()).isEqualTo(before);
        assertThat(database.superuserLong("SELECT count(*) FROM ingest_run WHERE status = 'SUCCEEDED'")).isEqualTo(runs);
    }

    /**
     * The wizard reads the header when a file is uploaded: a file with nothing to import after its first line is
     * refused there, with the line it read as the header, before any column or country is asked for.
     */
    static Stream<Arguments> filesWithoutDataLines() throws IOException {
        return Stream.of(
                Arguments.of(text("one line, no header", "just one line no header"),
                        "no data lines to import: line 1 is the file's only line, read as the header "
                                + "(\"just one line no header\")"),
                Arguments.of(text("header only", HEADER), "no data lines to import: line 1 is the file's only line, "
                        + "read as the header (\"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPri…\")"),
                Arguments.of(text("header and blank lines", HEADER + "\n\n,,,,,,,\n"), "no data lines to import"),
                Arguments.of(new Bad("header-only sheet.xlsx", sheet(new String[][] {HEADER.strip().split(",")}),
                        MAPPING, 0), ": sheet \"lines\": no data lines to import: row 1 is the sheet's only row"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithoutDataLines")
    void isRefusedWhenUploadedWithAClearMessage(Bad bad, String message) throws Exception {
        Path file = dir.resolve("upload-" + bad.name().replace(' ', '-'));
        Files.write(file, bad.content());
        assertThatThrownBy(() -> FileImport.header(file, bad.name(), 0, null))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith(bad.name())
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void aSingleColumnFileWithDataLinesIsReadForTheColumnStep() throws Exception {
        Path file = dir.resolve("single-column.csv");
        Files.writeString(file, "InvoiceNo\n536365\n");
        assertThat(FileImport.header(file, "single-column.csv", 0, null)).containsExactly("InvoiceNo");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }

    /** A good workbook of 200 lines; with {@code formulas} the first line's unit price is a formula. */
    private static byte[] xlsx(boolean formulas) throws IOException {
        String[][] rows = new String[201][];
        rows[0] = HEADER.strip().split(",");
        for (int r = 1; r < rows.length; r++) {
            rows[r] = GOOD.strip().replace("536365", Integer.toString(536365 + r)).split(",");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("lines");
            fill(sheet, rows);
            if (formulas) {
                sheet.formula(1, 5, "1+1.55");
            }
            sheet.finish();
        }
        return out.toByteArray();
    }

    /** A workbook whose first sheet holds the rows as text cells. */
    private static byte[] sheet(String[][] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("lines");
            fill(sheet, rows);
            sheet.finish();
        }
        return out.toByteArray();
    }

    private static void fill(Worksheet sheet, String[][] rows) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                sheet.value(r, c, rows[r][c]);
            }
        }
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Unreadable lines within the tolerance are skipped; the report names them with line, column and value. */
    @org.junit.jupiter.api.Test
    void unreadableLinesWithinTheToleranceAreInTheRowLevelReport() throws Exception {
        String before = database.rowCounts();
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 1500; i++) {
            content.append(GOOD.replace("536365", Integer.toString(600000 + i)));
            if (i == 700) {
                content.append("536999,85123A,MUG,six,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n");
            }
        }
        content.append(GOOD.replace("2.55", "0.00"));
        Path file = dir.resolve("one-unreadable.csv");
        Files.writeString(file, content);
        var errors = FileImport.plan(database.admin(), file, "one-unreadable.csv", MAPPING, 0).rowErrors();
        assertThat(errors).containsExactly(
                new RowError(703, "quantity", "six", "unreadable, skipped: cannot read 'six' as a whole number"),
                new RowError(1503, "unit_price", "0.00", "unit price of zero or less: excluded by the price rule"));
        assertThat(database.rowCounts()).isEqualTo(before);
    }
}
