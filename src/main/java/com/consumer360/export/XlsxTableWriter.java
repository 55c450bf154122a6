package com.consumer360.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a table as a one-sheet XLSX workbook with fastexcel (docs/decisions/0006): a bold, frozen header row,
 * then the rows with typed cells: numbers as numbers, fractions as percentages, dates as dates. Rows are
 * flushed to the stream in blocks, and text is written inline (no shared-string table), so memory stays flat
 * however long the list is.
 */
final class XlsxTableWriter {

    /**
     * Rows per block. The compressor holds back what it is given until it has enough: after the first 500 rows of a
     * customer list 54 bytes had gone out, after 1,000 rows 25 KB (the download starts). A customer list's first
     * statement reads 1,000 rows (CustomerListQuery.FIRST_ROWS) for that.
     */
    private static final int FLUSH_EVERY = 1_000;
    private static final String INVALID_SHEET_CHARACTERS = "[\\[\\]:*?/\\\\]";

    private XlsxTableWriter() {
    }

    static void write(ExportTable table, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(new NonClosingOutputStream(out), "Consumer360", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(table.title()));
        List<ExportColumn> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, FormulaGuard.guard(columns.get(c).name()));
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.max(10, Math.min(40, columns.get(c).name().length() + 4)));
        }
        sheet.freezePane(0, 1);
        int[] row = {0};
        table.rows().writeTo(values -> {
            CellValues.requireRowLength(table, values);
            int r = ++row[0];
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    cell(sheet, r, c, columns.get(c), values[c]);
                }
            }
            if (r % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        workbook.finish();
        out.flush();
    }

    private static void cell(Worksheet sheet, int r, int c, ExportColumn column, Object value) {
        switch (column.type()) {
            case TEXT -> sheet.inlineString(r, c, FormulaGuard.guard(value.toString()));
            case INTEGER, MEASURE -> sheet.value(r, c, CellValues.number(column, value));
            case DECIMAL -> {
                sheet.value(r, c, CellValues.rounded(column, value));
                sheet.style(r, c).format(decimals(column.digits())).set();
            }
            case FRACTION -> {
                sheet.value(r, c, CellValues.rounded(column, value));
                sheet.style(r, c).format("0.0%").set();
            }
            case DATE -> {
                sheet.value(r, c, CellValues.date(column, value));
                sheet.style(r, c).format("yyyy-mm-dd").set();
            }
            case DATE_TIME -> {
                sheet.value(r, c, CellValues.dateTime(column, value));
                sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
            }
        }
    }

    /** Excel's number format showing the column's decimals: 0.00 for an amount. */
    private static String decimals(int digits) {
        return digits == ExportColumn.ALL_DIGITS ? "General" : digits == 0 ? "0" : "0." + "0".repeat(digits);
    }

    /** Excel's sheet-name rules: at most 31 characters, none of [ ] : * ? / \, not empty. */
    static String sheetName(String title) {
        String name = title.replaceAll(INVALID_SHEET_CHARACTERS, " ").strip();
        if (name.length() > 31) {
            name = name.substring(0, 31).strip();
        }
        return name.isEmpty() ? "Export" : name;
    }

    /** The workbook closes its stream when it finishes; the caller owns {@code out}. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {

        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
