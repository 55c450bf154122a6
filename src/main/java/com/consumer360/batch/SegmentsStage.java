package com.consumer360.batch;

import com.consumer360.analytics.rfm.SegmentMap;
import com.consumer360.analytics.rfm.SegmentStats;
import com.consumer360.analytics.rfm.SegmentSummary;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes segments.csv: the segment summary, every segment listed, with the segment map's version. */
final class SegmentsStage implements OutputStage {

    @Override
    public String name() {
        return "segments";
    }

    @Override
    public void write(Analysis analysis, Path outDir) throws IOException {
        try (CsvWriter csv = OutputFiles.csv(outDir.resolve("segments.csv"))) {
            csv.writeRecord("segment", "customers", "revenue", "customer_share", "revenue_share",
                    "mean_recency_days", "mean_frequency", "mean_monetary", "segment_map_version");
            for (SegmentStats s : SegmentSummary.of(analysis.rfmScores())) {
                csv.writeRecord(s.segment().label(), Integer.toString(s.customers()),
                        OutputFiles.text(s.revenue(), 2), OutputFiles.text(s.customerShare(), 4),
                        OutputFiles.text(s.revenueShare(), 4), OutputFiles.text(s.meanRecencyDays(), 2),
                        OutputFiles.text(s.meanFrequency(), 2), OutputFiles.text(s.meanMonetary(), 2),
                        SegmentMap.VERSION);
            }
        }
    }
}
