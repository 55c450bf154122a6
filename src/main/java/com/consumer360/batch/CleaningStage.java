package com.consumer360.batch;

import com.consumer360.analytics.cleaning.CleaningReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes cleaning.json: every line read, kept or excluded by reason. */
final class CleaningStage implements OutputStage {

    @Override
    public String name() {
        return "cleaning";
    }

    @Override
    public boolean needsSales() {
        return false;
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        CleaningReport r = analysis.clean().report();
        Map<String, Object> json = OutputFiles.object(
                "lines_read", r.linesRead(),
                "lines_kept", r.linesKept(),
                "excluded", OutputFiles.object(
                        "malformed", r.malformed(),
                        "non_positive_price", r.nonPositivePrice(),
                        "exact_duplicates", r.exactDuplicates()),
                "cancellations", r.cancellations(),
                "returns", r.returns(),
                "missing_customer_id", r.missingCustomerId(),
                "customers", r.customers(),
                "invoices", r.invoices(),
                "notes", "cancellations and returns are kept and net against sales; lines without customer id "
                        + "count in sales metrics but not in customer analytics; see docs/analytics-methods.md");
        OutputFiles.writeJson(outDir.resolve("cleaning.json"), json);
    }
}
