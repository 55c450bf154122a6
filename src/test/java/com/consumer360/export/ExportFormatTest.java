package com.consumer360.export;

import static com.consumer360.export.ExportColumn.date;
import static com.consumer360.export.ExportColumn.dateTime;
import static com.consumer360.export.ExportColumn.decimal;
import static com.consumer360.export.ExportColumn.fraction;
import static com.consumer360.export.ExportColumn.integer;
import static com.consumer360.export.ExportColumn.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Both formats write the same table; XLSX is read back with Apache POI, an implementation independent of ours. */
class ExportFormatTest {

    private static final List<ExportColumn> COLUMNS = List.of(integer("id"), text("name"), decimal("amount"),
            fraction("share"), date("day"), dateTime("at"));

    private static ExportTable table(Object[]... rows) {
        return new ExportTable("Customers: R=5 / F=1 [north] and a long title", COLUMNS, sink -> {
            for (Object[] row : rows) {
                sink.row(row);
            }
        });
    }

    private static final Object[] ALICE = {17L, "Alice, \"Ali\" Smith", new BigDecimal("1234.50"), 0.25,
            LocalDate.of(2011, 12, 9), LocalDateTime.of(2011, 12, 9, 12, 50, 5)};
    private static final Object[] FORMULA = {18, "=HYPERLINK(\"http://evil\")", new BigDecimal("1E+3"), 1.0E-4, null,
            null};

    @Test
    void csvQuotesTextWritesPlainNumbersAndIsoDatesAndGuardsFormulas() {
        String csv = write(ExportFormat.CSV, table(ALICE, FORMULA));
        assertThat(csv.split("\r\n", -1)).containsExactly(
                "id,name,amount,share,day,at",
                "17,\"Alice, \"\"Ali\"\" Smith\",1234.50,0.25,2011-12-09,2011-12-09 12:50:05",
                "18,\"'=HYPERLINK(\"\"http://evil\"\")\",1000,0.0001,,",
                "");
    }

    @Test
    void everyFormulaStartIsGuardedInBothFormats() throws IOException {
        for (String text : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            ExportTable one = new ExportTable("t", List.of(text("v")), sink -> sink.row(text));
            assertThat(write(ExportFormat.CSV, one).lines().skip(1).findFirst().orElseThrow()
                    .replace("\"", "")).as(text).startsWith("'");
            try (XSSFWorkbook book = xlsx(one)) {
                assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("'" + text);
            }
        }
        ExportTable safe = new ExportTable("t", List.of(text("v")), sink -> sink.row("Alice-Marie"));
        assertThat(write(ExportFormat.CSV, safe)).endsWith("Alice-Marie\r\n");
    }

    @Test
    void xlsxKeepsNumbersNumbersAndDatesDates() throws IOException {
        try (XSSFWorkbook book = xlsx(table(ALICE, FORMULA))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Customers  R=5   F=1  north  an").hasSizeLessThanOrEqualTo(31);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("name");
            assertThat(book.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();

            Row alice = sheet.getRow(1);
            assertThat(alice.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(alice.getCell(0).getNumericCellValue()).isEqualTo(17.0);
            assertThat(alice.getCell(1).getStringCellValue()).isEqualTo("Alice, \"Ali\" Smith");
            assertThat(alice.getCell(2).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(alice.getCell(3).getNumericCellValue()).isEqualTo(0.25);
            assertThat(alice.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Cell day = alice.getCell(4);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2011, 12, 9, 0, 0));
            assertThat(DateUtil.isCellDateFormatted(alice.getCell(5))).isTrue();
            assertThat(alice.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2011, 12, 9, 12, 50, 5));

            Row formula = sheet.getRow(2);
            assertThat(formula.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(formula.getCell(2).getNumericCellValue()).isEqualTo(1000.0);
            assertThat(formula.getCell(4)).as("null is an empty cell").isNull();
        }
    }

    @Test
    void longTablesStreamThroughBothFormats() throws IOException {
        int rows = 25_000;
        ExportTable many = new ExportTable("many", List.of(integer("n"), text("label")), sink -> {
            for (int i = 0; i < rows; i++) {
                sink.row(i, "row " + i);
            }
        });
        assertThat(write(ExportFormat.CSV, many).lines()).hasSize(rows + 1);
        try (XSSFWorkbook book = xlsx(many)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            assertThat(sheet.getRow(rows).getCell(0).getNumericCellValue()).isEqualTo(rows - 1);
            assertThat(sheet.getRow(rows).getCell(1).getStringCellValue()).isEqualTo("row " + (rows - 1));
        }
    }

    @Test
    void aMeasureKeepsAllItsDigitsInBothFormats() throws IOException {
        ExportTable measures = new ExportTable("m", List.of(ExportColumn.measure("support")),
                sink -> sink.row(0.001220132));
        assertThat(write(ExportFormat.CSV, measures).lines()).containsExactly("support", "0.001220132");
        try (XSSFWorkbook book = xlsx(measures)) {
            var cell = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(cell.getNumericCellValue()).isEqualTo(0.001220132);
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("General");
        }
    }

    @Test
    void modelDoublesAreRoundedToWhatTheyMeanInBothFormats() throws IOException {
        ExportTable model = new ExportTable("m", List.of(ExportColumn.decimal("clv"), ExportColumn.fraction("p_alive"),
                ExportColumn.decimal("expected_purchases", 4), ExportColumn.decimal("monetary")),
                sink -> {
                    sink.row(123.4567891234, 0.87654321, 1.23456789, new java.math.BigDecimal("12.50"));
                    sink.row(0.005, 1.0, Double.NaN, new java.math.BigDecimal("7.125"));
                });
        assertThat(write(ExportFormat.CSV, model).lines()).containsExactly(
                "clv,p_alive,expected_purchases,monetary", "123.46,0.8765,1.2346,12.50", "0.01,1,,7.13");
        try (XSSFWorkbook book = xlsx(model)) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(123.46);
            assertThat(row.getCell(0).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(0.8765);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1.2346);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0000");
        }
        assertThatThrownBy(() -> new ExportColumn("n", ExportColumn.Type.INTEGER, 2))
                .hasMessageContaining("cannot be rounded");
    }

    @Test
    void aRowThatDoesNotFitTheColumnsFails() {
        ExportTable shortRow = new ExportTable("t", COLUMNS, sink -> sink.row(1, "a"));
        ExportTable wrongType = new ExportTable("t", List.of(integer("n")), sink -> sink.row("seven"));
        for (ExportFormat format : ExportFormat.values()) {
            assertThatThrownBy(() -> write(format, shortRow)).hasMessageContaining("2 values for 6 columns");
            assertThatThrownBy(() -> write(format, wrongType)).hasMessageContaining("column n (INTEGER)");
        }
    }

    @Test
    void fileNamesAndMediaTypes() {
        assertThat(ExportFormat.CSV.fileName("rfm-segments-2011-12-10")).isEqualTo("rfm-segments-2011-12-10.csv");
        assertThat(ExportFormat.XLSX.fileName("x")).isEqualTo("x.xlsx");
        assertThat(ExportFormat.XLSX.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static String write(ExportFormat format, ExportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(table, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static XSSFWorkbook xlsx(ExportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.XLSX.write(table, out);
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}
