package com.consumer360.batch;

import com.consumer360.analytics.cohort.CohortActivity;
import com.consumer360.analytics.cohort.CohortCell;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes cohorts.csv: one line per cohort month and period; period 0's customers is the cohort size. */
final class CohortsStage implements OutputStage {

    @Override
    public String name() {
        return "cohorts";
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        try (CsvWriter csv = OutputFiles.csv(outDir.resolve("cohorts.csv"))) {
            csv.writeRecord("cohort_month", "period", "customers", "retention", "revenue", "revenue_retention");
            for (CohortCell c : CohortActivity.cohorts(analysis.clean())) {
                csv.writeRecord(c.cohort().toString(), Integer.toString(c.period()), Integer.toString(c.customers()),
                        OutputFiles.text(c.retention(), 4), OutputFiles.text(c.revenue(), 2),
                        OutputFiles.text(c.revenueRetention(), 4));
            }
        }
    }
}
