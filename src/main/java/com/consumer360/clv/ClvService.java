package com.consumer360.clv;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.export.ExportFormat;
import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import com.consumer360.warehouse.RegionOption;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer lifetime value of the current snapshot in the signed-in user's region scope: headline figures, the
 * high-value and churn-risk lists and their exports, CLV by segment, distributions of CLV and P(alive), and the
 * model's holdout check over the customers in scope. {@code regions} narrows further to some of the visible regions
 * (empty: all visible); it cannot widen the scope, which the database enforces.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class ClvService {

    /** How many customers the high-value list holds at most. */
    public static final int HIGH_VALUE_TOP = 1_000;

    /** CLV bins: below 1, then roughly logarithmic steps (1, 2.5, 5 per decade) up to 25,000 and more. */
    static final Double[] CLV_BINS = {1.0, 2.5, 5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1_000.0, 2_500.0,
        5_000.0, 10_000.0, 25_000.0};
    /** P(alive) bins of width 0.1; exactly 1 (customers without repeat purchases) has a bin of its own. */
    static final Double[] P_ALIVE_BINS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private static final Logger log = LoggerFactory.getLogger(ClvService.class);

    private final ClvQueries queries;
    private final RfmService rfm;
    private final HoldoutCache holdouts = new HoldoutCache();

    ClvService(ClvQueries queries, RfmService rfm) {
        this.queries = queries;
        this.rfm = rfm;
    }

    /** The regions the user can choose in the region filter (those with rows they can see). */
    public List<RegionOption> regions() {
        return rfm.regions();
    }

    /** Headline figures and the model's settings and parameters. */
    public ClvSummary summary(Set<Short> regions) {
        long start = System.nanoTime();
        Optional<ClvQueries.Current> current = queries.current();
        if (current.isEmpty()) {
            return new ClvSummary(null, 0, 0, 0, 0, null, "No snapshot yet: the analytics have not been refreshed.");
        }
        ModelJson json = new ModelJson(current.get().modelJson());
        ClvQueries.Totals totals = stored(current.get().id(), regions).map(sums -> {
            ClvQueries.ClvSums all = total(sums);
            return new ClvQueries.Totals(all.customers(), all.clv(), all.expectedPurchases(), all.likelyGone());
        }).orElseGet(() -> queries.totals(current.get().id(), regions));
        timed("summary", start);
        return new ClvSummary(current.get().asOf(), totals.customers(), totals.clv(), totals.expectedPurchases(),
                totals.likelyGone(), json.model(), json.note());
    }

    /**
     * The valued customers' sums the refresh stored per region and segment for the snapshot (V40), of the scope's
     * regions narrowed by the filter; empty without them (the figures are then counted from the customers).
     */
    private Optional<List<ClvQueries.ClvSums>> stored(long snapshotId, Set<Short> regions) {
        return queries.storedSums(snapshotId, regions, CLV_BINS, P_ALIVE_BINS);
    }

    private static ClvQueries.ClvSums total(List<ClvQueries.ClvSums> sums) {
        return sums.stream().reduce(ClvQueries.ClvSums.empty(null, CLV_BINS.length, P_ALIVE_BINS.length),
                ClvQueries.ClvSums::plus);
    }

    /** One page of the high-value list: the top {@value #HIGH_VALUE_TOP} valued customers by CLV. */
    public List<ClvCustomer> highValue(Set<Short> regions, int offset, int limit) {
        int capped = Math.max(0, Math.min(limit, HIGH_VALUE_TOP - offset));
        return capped == 0 ? List.of() : queries.current()
                .map(s -> queries.highValue(s.id(), regions, offset, capped)).orElse(List.of());
    }

    /** Customers in the high-value list: the valued customers in scope, at most {@value #HIGH_VALUE_TOP}. */
    public long highValueCount(Set<Short> regions) {
        return queries.current().map(s -> Math.min(HIGH_VALUE_TOP, stored(s.id(), regions)
                        .map(sums -> total(sums).customers()).orElseGet(() -> queries.valuedCount(s.id(), regions))))
                .orElse(0L);
    }

    /** Writes the high-value list in the given format: its rows, columns and order. */
    public void exportHighValue(Set<Short> regions, ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        Optional<ClvQueries.Current> current = queries.current();
        format.write(ClvTables.customers("High value", sink -> current.ifPresent(
                s -> queries.eachHighValue(s.id(), regions, HIGH_VALUE_TOP, sink))), out);
        timed("high-value export", start);
    }

    /** One page of the churn-risk list, largest value at risk first. */
    public List<ClvCustomer> churnRisk(ChurnThresholds thresholds, Set<Short> regions, int offset, int limit) {
        return queries.current().map(s -> queries.churnRisk(s.id(), thresholds, regions, offset, limit))
                .orElse(List.of());
    }

    public long churnRiskCount(ChurnThresholds thresholds, Set<Short> regions) {
        return queries.current().map(s -> queries.churnRiskCount(s.id(), thresholds, regions)).orElse(0L);
    }

    /** Writes the whole churn-risk list in the given format: its rows, columns and order. */
    public void exportChurnRisk(ChurnThresholds thresholds, Set<Short> regions, ExportFormat format,
                                OutputStream out) {
        long start = System.nanoTime();
        Optional<ClvQueries.Current> current = queries.current();
        format.write(ClvTables.customers("Churn risk", sink -> current.ifPresent(
                s -> queries.eachChurnRisk(s.id(), thresholds, regions, sink))), out);
        timed("churn-risk export", start);
    }

    /** The eleven RFM segments in the segment map's order, with zeros for segments without valued customers. */
    public List<SegmentValue> bySegment(Set<Short> regions) {
        Map<String, SegmentValue> found = queries.current().map(s -> stored(s.id(), regions).map(sums -> {
            Map<String, ClvQueries.ClvSums> bySegment = new java.util.HashMap<>();
            sums.forEach(row -> bySegment.merge(row.segment(), row, ClvQueries.ClvSums::plus));
            Map<String, SegmentValue> values = new java.util.HashMap<>();
            bySegment.forEach((label, v) -> values.put(label, new SegmentValue(label, v.customers(), v.clv(),
                    v.clv() / v.customers(), v.pAliveSum() / v.pAliveCount())));
            return values;
        }).orElseGet(() -> queries.bySegment(s.id(), regions))).orElse(Map.of());
        List<SegmentValue> rows = new ArrayList<>();
        for (Segment segment : Segment.values()) {
            rows.add(found.getOrDefault(segment.label(), new SegmentValue(segment.label(), 0, 0, 0, 0)));
        }
        return rows;
    }

    /** Valued customers per CLV bin (logarithmic steps). */
    public Histogram clvHistogram(Set<Short> regions) {
        return histogram("CLV", regions, ClvQueries.Measure.CLV, CLV_BINS, clvLabels());
    }

    /** Valued customers per P(alive) bin. */
    public Histogram pAliveHistogram(Set<Short> regions) {
        return histogram("P(alive)", regions, ClvQueries.Measure.P_ALIVE, P_ALIVE_BINS, pAliveLabels());
    }

    private Histogram histogram(String measure, Set<Short> regions, ClvQueries.Measure value, Double[] bins,
                                List<String> labels) {
        long[] counts = queries.current().map(s -> stored(s.id(), regions).map(sums -> value == ClvQueries.Measure.CLV
                        ? total(sums).clvBins() : total(sums).pAliveBins())
                .orElseGet(() -> queries.histogram(s.id(), regions, value, bins)))
                .orElse(new long[bins.length + 1]);
        return new Histogram(measure, labels, Arrays.stream(counts).boxed().toList());
    }

    /**
     * The holdout check over the customers in scope (and filter): the refresh's refitted parameters (fitted on every
     * region's calibration data) predicting the holdout of the scope's customers, from the sums per region the
     * refresh stored with the current snapshot (V38), or for a snapshot without them recomputed from the warehouse.
     */
    public ModelFit modelFit(Set<Short> regions) {
        return modelFit(regions, true);
    }

    /**
     * The holdout check from the stored sums; without them from the cache of checks per snapshot and regions or
     * recomputed afresh.
     */
    ModelFit modelFit(Set<Short> regions, boolean cached) {
        long start = System.nanoTime();
        Optional<ClvQueries.Current> current = queries.current();
        ModelFit fit = stored(current, regions).orElseGet(() -> {
            var holdout = new ModelJson(current.orElseThrow().modelJson()).holdout();
            Supplier<ModelFit> compute = () -> recomputedFit(holdout, regions);
            return cached ? holdouts.get(current.get().id(), regions, compute) : compute.get();
        });
        timed("model fit", start);
        return fit;
    }

    /**
     * The holdout check when it is at hand without reading the warehouse: from the sums the refresh stored, from the
     * cache, or the note of a snapshot without a check. Empty when it must be recomputed from every invoice in scope
     * (a snapshot whose refresh stored no sums: over a second as exec at 10 M lines); the page then shows the rest
     * at once and the check when {@link #modelFit} has it.
     */
    public Optional<ModelFit> modelFitAtHand(Set<Short> regions) {
        Optional<ClvQueries.Current> current = queries.current();
        return stored(current, regions).or(() -> holdouts.peek(current.orElseThrow().id(), regions));
    }

    /** The check without a recomputation: a note without a snapshot or a check, or from the stored sums. */
    private Optional<ModelFit> stored(Optional<ClvQueries.Current> current, Set<Short> regions) {
        if (current.isEmpty()) {
            return Optional.of(HoldoutCheck.none("No snapshot yet."));
        }
        ModelJson json = new ModelJson(current.get().modelJson());
        var holdout = json.holdout();
        if (holdout == null) {
            return Optional.of(HoldoutCheck.none(json.note() != null ? json.note()
                    : "This snapshot has no holdout check; the next refresh stores one."));
        }
        return queries.storedHoldout(current.get().id(), regions).map(sums -> HoldoutCheck.fit(holdout, sums));
    }

    private ModelFit recomputedFit(tools.jackson.databind.JsonNode stored, Set<Short> regions) {
        return HoldoutCheck.compute(stored,
                queries.holdoutInputs(LocalDate.parse(stored.path("calibration_end").asString()), regions));
    }

    /** The holdout check recomputed from the warehouse, never from the refresh's sums nor the cache (tests). */
    ModelFit recomputedFit(Set<Short> regions) {
        ModelJson json = new ModelJson(queries.current().orElseThrow().modelJson());
        return recomputedFit(json.holdout(), regions);
    }

    static List<String> clvLabels() {
        List<String> labels = new ArrayList<>();
        labels.add("< 1");
        for (int i = 1; i < CLV_BINS.length; i++) {
            labels.add(compact(CLV_BINS[i - 1]) + "–" + compact(CLV_BINS[i]));
        }
        labels.add("≥ " + compact(CLV_BINS[CLV_BINS.length - 1]));
        return labels;
    }

    static List<String> pAliveLabels() {
        List<String> labels = new ArrayList<>();
        labels.add("0–0.1");
        for (int i = 1; i < P_ALIVE_BINS.length; i++) {
            labels.add(P_ALIVE_BINS[i - 1] + "–" + P_ALIVE_BINS[i]);
        }
        labels.add("1 (no repeat purchase)");
        return labels;
    }

    private static String compact(double value) {
        return value >= 1_000 ? (value / 1_000 == Math.rint(value / 1_000) ? String.valueOf((long) (value / 1_000))
                : String.valueOf(value / 1_000)) + "k"
                : value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void timed(String what, long start) {
        log.debug("{} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }
}
