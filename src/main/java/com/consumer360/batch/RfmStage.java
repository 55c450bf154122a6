package com.consumer360.batch;

import com.consumer360.analytics.rfm.RfmScore;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes rfm.csv: one line per customer with at least one purchase. */
final class RfmStage implements OutputStage {

    @Override
    public String name() {
        return "rfm";
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        try (CsvWriter csv = OutputFiles.csv(outDir.resolve("rfm.csv"))) {
            csv.writeRecord("customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment");
            for (RfmScore s : analysis.rfmScores()) {
                csv.writeRecord(s.customerId(), Integer.toString(s.recencyDays()), Integer.toString(s.frequency()),
                        OutputFiles.text(s.monetary(), 2), Integer.toString(s.r()), Integer.toString(s.f()),
                        Integer.toString(s.m()), s.segment().label());
            }
        }
    }
}
