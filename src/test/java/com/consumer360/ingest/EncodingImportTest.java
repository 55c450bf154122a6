package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same lines written as UTF-8 with and without BOM, Windows-1252 and Latin-1, separated by comma, semicolon or
 * tab: each is detected and read to the same lines (accents and the euro sign intact), and once one is loaded the
 * others add nothing.
 */
class EncodingImportTest {

    private static final RegionMapping MAPPING = new RegionMapping(Map.of("España", "SOUTH", "Österreich", "CENTRAL"),
            null);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ImportDatabase.create("import_encodings");
    }

    /** Two lines with accented text; {@code euro} adds a description with € (not in Latin-1). */
    private static Path write(String name, Charset charset, char delimiter, boolean bom, boolean euro) throws Exception {
        String d = String.valueOf(delimiter);
        String text = String.join(d, "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                "CustomerID", "Country") + "\r\n"
                + String.join(d, "700001", "C1", "CAFÉ MUG", "6", "2010-12-01 08:26:00", "2.55", "17850", "España")
                + "\r\n"
                + String.join(d, "700001", "C2", euro ? "TASSE 5€" : "TASSE À THÉ", "2", "2010-12-01 08:26:00", "3.10",
                "17850", "España") + "\r\n"
                + String.join(d, "700002", "C1", "CAFÉ MUG", "1", "2010-12-02 10:00:00", "2.55", "18000", "Österreich")
                + "\r\n";
        byte[] bytes = text.getBytes(charset);
        if (bom) {
            byte[] withBom = new byte[bytes.length + 3];
            withBom[0] = (byte) 0xef;
            withBom[1] = (byte) 0xbb;
            withBom[2] = (byte) 0xbf;
            System.arraycopy(bytes, 0, withBom, 3, bytes.length);
            bytes = withBom;
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static List<PreviewLine> read(Path file) throws Exception {
        return FileImport.plan(database.admin(), file, file.getFileName().toString(), MAPPING, 0)
                .preview(10, Map.of((short) 2, "SOUTH", (short) 5, "CENTRAL", (short) 3, "EAST", (short) 4, "WEST",
                        (short) 1, "NORTH"));
    }

    @Test
    void everyEncodingAndDelimiterReadsTheSameLines() throws Exception {
        List<PreviewLine> expected = read(write("utf8-comma.csv", StandardCharsets.UTF_8, ',', false, false));
        assertThat(expected).extracting(PreviewLine::description)
                .containsExactly("CAFÉ MUG", "TASSE À THÉ", "CAFÉ MUG");
        assertThat(expected).extracting(PreviewLine::country).containsExactly("España", "España", "Österreich");
        assertThat(read(write("utf8-bom-semicolon.csv", StandardCharsets.UTF_8, ';', true, false))).isEqualTo(expected);
        assertThat(read(write("utf8-tab.csv", StandardCharsets.UTF_8, '\t', false, false))).isEqualTo(expected);
        assertThat(read(write("latin1-semicolon.csv", StandardCharsets.ISO_8859_1, ';', false, false)))
                .isEqualTo(expected);
        assertThat(read(write("cp1252-tab.csv", WINDOWS_1252, '\t', false, false))).isEqualTo(expected);
        assertThat(read(write("cp1252-euro.csv", WINDOWS_1252, ',', false, true))).extracting(PreviewLine::description)
                .containsExactly("CAFÉ MUG", "TASSE 5€", "CAFÉ MUG");
    }

    @Test
    void aWindows1252LoadIsTheSameWarehouseAsTheUtf8One() throws Exception {
        ImportReport first = FileImport.run(database.admin(), write("load-1252.csv", WINDOWS_1252, ';', false, false),
                "load-1252.csv", MAPPING, false, ImportProgress.NONE);
        assertThat(first.linesInserted()).isEqualTo(3);
        assertThat(first.summary()).endsWith("read as windows-1252, semicolon separated");
        assertThat(database.superuserText("SELECT string_agg(description, '|' ORDER BY product_code) FROM dim_product "
                + "WHERE product_code IN ('C1', 'C2')")).isEqualTo("CAFÉ MUG|TASSE À THÉ");
        String before = database.rowCounts();
        ImportReport again = FileImport.run(database.admin(), write("load-utf8.csv", StandardCharsets.UTF_8, ',', true,
                false), "load-utf8.csv", MAPPING, false, ImportProgress.NONE);
        assertThat(again.linesInserted()).isZero();
        assertThat(again.linesAlreadyLoaded()).isEqualTo(3);
        assertThat(again.summary()).endsWith("read as UTF-8, comma separated");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aChosenEncodingOrDelimiterOverridesTheDetection() throws Exception {
        Path latin1 = write("chosen-latin1.csv", StandardCharsets.ISO_8859_1, ';', false, false);
        String before = database.rowCounts();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileImport.plan(database.admin(), latin1,
                        "chosen-latin1.csv", MAPPING, 0, new FileCheck.Format(StandardCharsets.UTF_8, (char) 0)))
                .isInstanceOf(ImportException.class)
                .hasMessage("chosen-latin1.csv: line 2: not valid UTF-8 text (byte 0xc9); the encoding was given as "
                        + "UTF-8");
        Path utf8 = write("chosen-utf8.csv", StandardCharsets.UTF_8, ',', false, false);
        List<PreviewLine> asWindows = FileImport.plan(database.admin(), utf8, "chosen-utf8.csv",
                new RegionMapping(Map.of(), "SOUTH"), 0,
                new FileCheck.Format(WINDOWS_1252, (char) 0)).preview(1, Map.of());
        assertThat(asWindows).extracting(PreviewLine::description).containsExactly("CAFÃ‰ MUG");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FileImport.plan(database.admin(), latin1,
                        "chosen-latin1.csv", MAPPING, 0, new FileCheck.Format(null, ',')))
                .isInstanceOf(ImportException.class).hasMessageContaining("chosen-latin1.csv: line 1, column");
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void theCommandTakesTheEncodingAndDelimiterByName() throws Exception {
        Path file = write("arguments.csv", StandardCharsets.UTF_8, ',', false, false);
        ImportArguments chosen = ImportArguments.parse(new String[] {"--input", file.toString(), "--encoding",
                "Windows-1252", "--delimiter", "semicolon"});
        assertThat(chosen.chosenFormat()).isEqualTo(new FileCheck.Format(WINDOWS_1252, ';'));
        assertThat(ImportArguments.parse(new String[] {"--input", file.toString()}).chosenFormat()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--input",
                        file.toString(), "--encoding", "ebcdic"}))
                .hasMessage("--encoding: utf-8, windows-1252 or latin-1, not ebcdic");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportArguments.parse(new String[] {"--input",
                        file.toString(), "--delimiter", "pipe"}))
                .hasMessage("--delimiter: comma, semicolon or tab, not pipe");
    }
}
