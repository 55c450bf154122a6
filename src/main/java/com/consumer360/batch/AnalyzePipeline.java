package com.consumer360.batch;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import com.consumer360.analytics.rfm.RfmAggregates;
import com.consumer360.analytics.rfm.SegmentMap;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The analyze run: read, clean, then each {@link OutputStage} in order, timing every step for summary.json.
 * Further engines (CLV, basket rules) plug in by adding their stage to {@link #STAGES}. A baskets-only input
 * (invoice and product columns, no sales) runs only the stages that do not {@linkplain OutputStage#needsSales need
 * sales}; summary.json lists the others under "skipped" with the reason.
 */
final class AnalyzePipeline {

    static final List<OutputStage> STAGES = List.of(
            new CleaningStage(),
            new RulesStage(),
            new RfmStage(),
            new SegmentsStage(),
            new CohortsStage(),
            new MetricsStage(),
            new ClvStage());

    private final PrintStream progress;
    private final Map<String, Long> millis = new LinkedHashMap<>();

    AnalyzePipeline(PrintStream progress) {
        this.progress = progress;
    }

    /** Runs everything and returns the number of lines read. */
    long run(AnalyzeArguments args) throws BadInputException, IOException {
        long start = System.nanoTime();
        TransactionTable table = new CsvTransactionReader(progress).read(args.inputs());
        lap("read", start);
        long t = System.nanoTime();
        CleanedTransactions clean = Cleaning.clean(table);
        lap("clean", t);
        boolean basketsOnly = table.basketsOnly();
        LocalDate asOf = basketsOnly ? null : asOf(args, clean);
        createDirectory(args);
        if (!basketsOnly) {
            checkCalibrationEnd(args, clean);
        }
        Analysis analysis = new Analysis(clean, asOf, args.ruleThresholds(), args.clv());
        Map<String, String> skipped = new LinkedHashMap<>();
        for (OutputStage stage : STAGES) {
            if (basketsOnly && stage.needsSales()) {
                skipped.put(stage.name(), "the input has no " + missingColumns(table)
                        + ": only basket rules are computed");
                continue;
            }
            t = System.nanoTime();
            stage.write(analysis, args.out());
            lap(stage.name(), t);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        long lines = clean.report().linesRead();
        OutputFiles.writeJson(args.out().resolve("summary.json"), OutputFiles.object(
                "inputs", args.inputs().stream().map(Object::toString).toList(),
                "as_of", basketsOnly ? null : asOf.toString(),
                "lines_read", lines,
                "customers_scored", basketsOnly ? null : analysis.rfmScores().size(),
                "frequent_itemsets", analysis.basketRules().overall().frequentItemsets(),
                "basket_rules", analysis.basketRules().overall().rules().size(),
                "skipped", skipped,
                "segment_map_version", SegmentMap.VERSION,
                "stage_millis", millis,
                "total_millis", total,
                "lines_per_second", total == 0 ? null : lines * 1000 / total,
                "peak_heap_bytes", peakHeapBytes()));
        return lines;
    }

    private static String missingColumns(TransactionTable table) {
        List<String> names = TransactionColumn.missingForSales(table.columns()).stream()
                .map(column -> column == TransactionColumn.AMOUNT ? "amount (or quantity and unit_price)"
                        : ColumnLayout.nameOf(column))
                .toList();
        return String.join(", ", names) + (names.size() == 1 ? " column" : " columns");
    }

    private void lap(String stage, long startNanos) {
        millis.put(stage, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static LocalDate asOf(AnalyzeArguments args, CleanedTransactions clean) throws BadInputException {
        if (clean.size() == 0) {
            throw new BadInputException(args.inputs().getFirst() + ": no transaction line left after cleaning");
        }
        LocalDate last = LocalDate.ofEpochDay(clean.lastDay());
        LocalDate asOf = args.asOf().orElse(RfmAggregates.defaultAsOf(clean));
        if (asOf.isBefore(last)) {
            throw new BadInputException("--as-of " + asOf + " is before the last transaction (" + last
                    + "); recency would be negative");
        }
        return asOf;
    }

    private static void checkCalibrationEnd(AnalyzeArguments args, CleanedTransactions clean)
            throws BadInputException {
        OptionalInt first = ClvStage.firstPurchaseDay(clean);
        LocalDate end = args.clv().calibrationEnd().orElse(null);
        if (end != null && first.isPresent() && end.toEpochDay() < first.getAsInt()) {
            throw new BadInputException("--calibration-end " + end + " is before the first purchase ("
                    + LocalDate.ofEpochDay(first.getAsInt()) + "); the calibration period would be empty");
        }
    }

    private static void createDirectory(AnalyzeArguments args) throws BadInputException {
        try {
            Files.createDirectories(args.out());
        } catch (IOException e) {
            throw new BadInputException(args.out() + ": cannot create the output directory: " + e.getMessage());
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one time during the run. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
