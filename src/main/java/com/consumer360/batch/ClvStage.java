package com.consumer360.batch;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.clv.ClvEngine;
import com.consumer360.analytics.clv.ClvOptions;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.clv.CustomerSummary;
import com.consumer360.analytics.clv.CustomerValue;
import com.consumer360.analytics.clv.Purchase;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Writes clv.csv and model.json: BG/NBD and Gamma-Gamma on the customers' purchases. When the data cannot
 * support the models (no repeat buyers, say) or a computation fails, model.json carries the reason under
 * "error" and there is no clv.csv; the other outputs are unaffected.
 */
final class ClvStage implements OutputStage {

    @Override
    public String name() {
        return "clv";
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        CleanedTransactions clean = analysis.clean();
        ClvOptions options = analysis.clv().options(LocalDate.ofEpochDay(clean.lastDay()));
        Path csvFile = outDir.resolve("clv.csv");
        ClvResult result;
        try {
            result = ClvEngine.run(purchases(clean), options);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            // ArithmeticException (a series that does not converge) would be a defect in the engine, but it
            // should not cost the run its other outputs; model.json says what happened.
            Files.deleteIfExists(csvFile);
            OutputFiles.writeJson(outDir.resolve("model.json"), OutputFiles.object(
                    "calibration_end", options.calibrationEnd().toString(),
                    "error", "CLV models not fitted: " + e.getMessage()));
            return;
        }
        writeCsv(csvFile, result);
        OutputFiles.writeJson(outDir.resolve("model.json"), ClvModelJson.of(result));
    }

    /**
     * Purchase lines of identified customers (positive amounts, not cancellations): the transaction log
     * lifetimes takes. Returns are left out; they belong to no purchase day.
     */
    static List<Purchase> purchases(CleanedTransactions clean) {
        TransactionTable t = clean.table();
        List<Purchase> purchases = new ArrayList<>(clean.size());
        clean.forEachRow(row -> {
            if (t.customer(row) >= 0 && clean.isPurchase(row)) {
                purchases.add(new Purchase(t.customerId(t.customer(row)), t.date(row), t.amount(row)));
            }
        });
        return purchases;
    }

    /** Epoch day of the first purchase of an identified customer, if there is one. */
    static OptionalInt firstPurchaseDay(CleanedTransactions clean) {
        TransactionTable t = clean.table();
        int first = Integer.MAX_VALUE;
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            if (t.customer(row) >= 0 && clean.isPurchase(row)) {
                first = Math.min(first, t.day(row));
            }
        }
        return first == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(first);
    }

    private static void writeCsv(Path file, ClvResult result) throws IOException {
        try (CsvWriter csv = OutputFiles.csv(file)) {
            csv.writeRecord("customer_id", "frequency", "recency", "T", "monetary_value", "p_alive",
                    "expected_purchases", "expected_avg_value", "clv");
            for (CustomerValue v : result.customers()) {
                CustomerSummary s = v.summary();
                csv.writeRecord(s.customerId(), Integer.toString(s.frequency()), OutputFiles.text(s.recency(), 4),
                        OutputFiles.text(s.T(), 4), OutputFiles.text(s.monetaryValue(), 4),
                        OutputFiles.text(v.probabilityAlive(), 6), OutputFiles.text(v.expectedPurchases(), 6),
                        OutputFiles.text(v.expectedAverageValue(), 4), OutputFiles.text(v.clv(), 2));
            }
        }
    }
}
