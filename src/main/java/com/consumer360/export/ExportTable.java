package com.consumer360.export;

import java.util.List;
import java.util.Objects;

/**
 * One exported table: a title (the XLSX sheet's name), typed columns and the rows, which are streamed to the
 * writer as the service reads them, so a long list is never held in memory.
 *
 * <pre>{@code
 * ExportTable table = new ExportTable("Customers", List.of(ExportColumn.integer("customer_id"),
 *         ExportColumn.text("name")), sink -> queries.each(c -> sink.row(c.id(), c.name())));
 * format.write(table, out);
 * }</pre>
 */
public record ExportTable(String title, List<ExportColumn> columns, Rows rows) {

    public ExportTable {
        Objects.requireNonNull(title);
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows);
    }

    /** Produces the table's rows, in order, into a sink; called once, while the table is being written. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(RowSink sink);
    }

    /** Takes one row: one value per column, in the columns' order, typed as {@link ExportColumn.Type} says. */
    @FunctionalInterface
    public interface RowSink {
        void row(Object... values);
    }
}
