package com.consumer360.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One line of a file that the import leaves out, for the row-level error report: its line in the file (1 is the
 * header), the column at fault ({@code *} for a rule over the whole line), the value and the reason.
 */
public record RowError(long line, String column, String value, String reason) {

    /** The report as CSV (UTF-8, header {@code line,column,value,reason}), cells that could be formulas prefixed. */
    public static void writeCsv(List<RowError> errors, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(writer);
        csv.writeRecord("line", "column", "value", "reason");
        for (RowError error : errors) {
            csv.writeRecord(Long.toString(error.line()), error.column(), safe(error.value()), safe(error.reason()));
        }
        csv.flush();
        writer.flush();
    }

    /** A spreadsheet opening the report must not run a value such as {@code =cmd|...} as a formula. */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
