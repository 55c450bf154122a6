package com.consumer360.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The file formats an export can be written in, with their file extension and media type. */
public enum ExportFormat {

    /** RFC 4180 CSV in UTF-8, CRLF line ends; numbers plain, dates ISO 8601. */
    CSV("csv", "text/csv; charset=UTF-8"),

    /** Office Open XML spreadsheet, one sheet, header row frozen; numbers, percentages and dates typed. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code baseName} with this format's extension. */
    public String fileName(String baseName) {
        return baseName + "." + extension;
    }

    /** Writes the whole table to {@code out} (flushed, not closed). */
    public void write(ExportTable table, OutputStream out) {
        long[] rows = {0};
        ExportTable counted = new ExportTable(table.title(), table.columns(), sink -> table.rows().writeTo(values -> {
            rows[0]++;
            sink.row(values);
        }));
        try {
            switch (this) {
                case CSV -> CsvTableWriter.write(counted, out);
                case XLSX -> XlsxTableWriter.write(counted, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LAST_WRITE.set(new Written(table.title(), rows[0]));
        }
    }

    /** The table last written on this thread (title and data rows), for the audit of a download; null if none. */
    public static Written lastWrittenOnThisThread() {
        Written written = LAST_WRITE.get();
        LAST_WRITE.remove();
        return written;
    }

    /** What {@link #write} wrote: the table's title and its number of data rows. */
    public record Written(String title, long rows) {
    }

    private static final ThreadLocal<Written> LAST_WRITE = new ThreadLocal<>();
}
