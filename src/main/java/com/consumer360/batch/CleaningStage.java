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
                "input", OutputFiles.object(
                        "customers", r.inputCustomers(),
                        "invoices", r.inputInvoices()),
                "lines_read", r.linesRead(),
                "lines_kept", r.linesKept(),
                "excluded", OutputFiles.object(
                        "malformed", r.malformed(),
                        "non_positive_price", r.nonPositivePrice(),
                        "exact_duplicates", r.exactDuplicates()),
                "removed", OutputFiles.object(
                        "non_positive_price", OutputFiles.object(
                                "customers", r.customersRemovedByPrice(),
                                "invoices", r.invoicesRemovedByPrice()),
                        "exact_duplicates", OutputFiles.object(
                                "customers", r.customersRemovedAsDuplicates(),
                                "invoices", r.invoicesRemovedAsDuplicates())),
                "cancellations", r.cancellations(),
                "returns", r.returns(),
                "missing_customer_id", r.missingCustomerId(),
                "customers", r.customers(),
                "invoices", r.invoices(),
                "customers_without_purchase", r.customersWithoutPurchase(),
                "notes", "input counts the customers and invoices of the readable lines; removed counts those left "
                        + "with no line by each rule (customers = input - removed); customers without a purchase are "
                        + "kept but not scored; only lines with an invoice id can be exact duplicates; cancellations "
                        + "and returns are kept and net against sales; lines without customer id count in sales "
                        + "metrics but not in customer analytics; see docs/analytics-methods.md");
        OutputFiles.writeJson(outDir.resolve("cleaning.json"), json);
    }
}
