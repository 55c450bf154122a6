package com.consumer360.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** Writes a table as RFC 4180 CSV: a header line, then one line per row; empty fields for nulls. */
final class CsvTableWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvTableWriter() {
    }

    static void write(ExportTable table, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        line(out, table.columns().stream().map(c -> quote(FormulaGuard.guard(c.name()))).toArray(String[]::new));
        table.rows().writeTo(values -> {
            CellValues.requireRowLength(table, values);
            String[] fields = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                fields[i] = field(table.columns().get(i), values[i]);
            }
            try {
                line(out, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static void line(Writer out, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(fields[i]);
        }
        out.write("\r\n");
    }

    private static String field(ExportColumn column, Object value) {
        if (value == null) {
            return "";
        }
        return switch (column.type()) {
            case TEXT -> quote(FormulaGuard.guard(value.toString()));
            case INTEGER, MEASURE -> CellValues.plain(CellValues.number(column, value));
            case DECIMAL, FRACTION -> CellValues.plain(CellValues.rounded(column, value));
            case DATE -> CellValues.date(column, value).toString();
            case DATE_TIME -> CellValues.dateTime(column, value).format(DATE_TIME);
        };
    }

    private static String quote(String text) {
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
