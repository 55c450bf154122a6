package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's encoding and delimiter selects: the detected format is offered (UTF-8, UTF-8 with BOM, Windows-1252;
 * comma, semicolon, tab), and the admin's choice is what validation and the load read with. A semicolon-separated
 * Windows-1252 file with é and ü loads with its accents when so chosen; a wrong choice is refused and changes nothing.
 */
class FormatChoiceImportTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final RegionMapping MAPPING = new RegionMapping(Map.of("Österreich", "CENTRAL"), null);
    private static final String TEXT = """
            InvoiceNo;StockCode;Description;Quantity;InvoiceDate;UnitPrice;CustomerID;Country\r
            710001;M1;MÜSLI CAFÉ BOWL, BLUE;6;2010-12-01 08:26:00;2,55;17850;Österreich\r
            710001;M2;GRÜNER TEE;2;2010-12-01 08:26:00;3.10;17850;Österreich\r
            """.replace("2,55", "2.55");

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ImportDatabase.create("import_format_choice");
    }

    @Test
    void theDetectedFormatIsOfferedWithBomAndDelimiter() throws Exception {
        Path windows = dir.resolve("detect-1252.csv");
        Files.write(windows, TEXT.getBytes(WINDOWS_1252));
        assertThat(FileImport.detect(windows, "detect-1252.csv", 0)).contains(
                new FileFormat(FileFormat.Encoding.WINDOWS_1252, FileFormat.Delimiter.SEMICOLON));
        Path bom = dir.resolve("detect-bom.csv");
        Files.write(bom, ("\uFEFF" + TEXT.replace(';', '\t')).getBytes(StandardCharsets.UTF_8));
        assertThat(FileImport.detect(bom, "detect-bom.csv", 0)).contains(
                new FileFormat(FileFormat.Encoding.UTF_8_BOM, FileFormat.Delimiter.TAB));
    }

    @Test
    void aSemicolonWindows1252FileLoadsWithItsAccentsWhenChosen() throws Exception {
        Path file = dir.resolve("chosen-1252.csv");
        Files.write(file, TEXT.getBytes(WINDOWS_1252));
        String before = database.rowCounts();
        FileFormat utf8Comma = new FileFormat(FileFormat.Encoding.UTF_8, FileFormat.Delimiter.COMMA);
        assertThatThrownBy(() -> FileImport.run(database.admin(), file, "chosen-1252.csv", MAPPING, false,
                ImportProgress.NONE, 0, utf8Comma.check()))
                .isInstanceOf(ImportException.class)
                .hasMessage("chosen-1252.csv: line 2: not valid UTF-8 text (byte 0xdc); the encoding was given as UTF-8");
        FileFormat windowsComma = new FileFormat(FileFormat.Encoding.WINDOWS_1252, FileFormat.Delimiter.COMMA);
        assertThatThrownBy(() -> FileImport.run(database.admin(), file, "chosen-1252.csv", MAPPING, false,
                ImportProgress.NONE, 0, windowsComma.check()))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("chosen-1252.csv: line 1, column");
        assertThat(database.rowCounts()).isEqualTo(before);

        FileFormat chosen = new FileFormat(FileFormat.Encoding.WINDOWS_1252, FileFormat.Delimiter.SEMICOLON);
        ImportReport report = FileImport.run(database.admin(), file, "chosen-1252.csv", MAPPING, false,
                ImportProgress.NONE, 0, chosen.check());
        assertThat(report.linesInserted()).isEqualTo(2);
        assertThat(database.superuserText("SELECT string_agg(description, '|' ORDER BY product_code) FROM dim_product "
                + "WHERE product_code IN ('M1', 'M2')")).isEqualTo("MÜSLI CAFÉ BOWL, BLUE|GRÜNER TEE");
        assertThat(database.superuserText("SELECT string_agg(DISTINCT country, '|') FROM dim_customer "
                + "WHERE customer_code = '17850'")).isEqualTo("Österreich");
        assertThat(database.superuserLong("SELECT count(*) FROM fact_sales WHERE region_id = 5")).isEqualTo(2);
    }
}
