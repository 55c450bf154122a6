package com.consumer360.ingest;

import com.consumer360.analytics.cleaning.CleaningReport;

/**
 * What an import did: the cleaning report of the file (the same as {@code analyze} gives), the kept lines inserted
 * and those whose natural key the warehouse held already, the dimension rows added, and the lines left out
 * ({@link RowError}, the row-level error report).
 */
public record ImportReport(long runId, CleaningReport cleaning, long linesInserted, long linesAlreadyLoaded,
                           long linesReplaced, long customersAdded, long productsAdded, long millis,
                           java.util.List<RowError> rowErrors, String format) {

    /** One paragraph for the command's output and the wizard's result. */
    public String summary() {
        CleaningReport c = cleaning;
        return String.format("%,d lines read, %,d kept (excluded: %,d malformed, %,d non-positive price, %,d exact "
                        + "duplicates; kept and netted: %,d cancellation lines, %,d returns; %,d without customer id); "
                        + "%,d inserted, %,d already loaded, %,d replaced; %,d new customers, %,d new products; %,d ms; "
                        + "read as %s",
                c.linesRead(), c.linesKept(), c.malformed(), c.nonPositivePrice(), c.exactDuplicates(),
                c.cancellations(), c.returns(), c.missingCustomerId(), linesInserted, linesAlreadyLoaded,
                linesReplaced, customersAdded, productsAdded, millis, format);
    }
}
