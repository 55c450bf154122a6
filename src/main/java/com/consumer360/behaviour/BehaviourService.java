package com.consumer360.behaviour;

import com.consumer360.export.ExportFormat;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import com.consumer360.rfm.RfmService;
import com.consumer360.security.Roles;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The behaviour map of the current snapshot in the signed-in user's region scope: customers by frequency and
 * monetary value coloured by recency, and two groups compared side by side, with their CSV and XLSX exports. The filter's
 * regions narrow the scope further, never widen it (the database enforces the scope on every query).
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class BehaviourService {

    /** At most this many customers are plotted; above it the map shows a deterministic sample. */
    public static final int POINT_CAP = 3_000;

    private static final Logger log = LoggerFactory.getLogger(BehaviourService.class);

    private final BehaviourQueries queries;
    private final RfmService rfm;
    private final ColumnCache columns;

    /** A service with a cache of its own (tests and benchmarks: a node that has read nothing yet). */
    BehaviourService(BehaviourQueries queries, RfmService rfm) {
        this(queries, rfm, new ColumnCache());
    }

    @Autowired
    BehaviourService(BehaviourQueries queries, RfmService rfm, ColumnCache columns) {
        this.columns = columns;
        this.queries = queries;
        this.rfm = rfm;
    }

    /** The regions the user can choose in the region filter (as on the RFM pages). */
    public List<RegionOption> regions() {
        return rfm.regions();
    }

    /** The map for a filter: counts and the plotted (possibly sampled) customers. */
    public BehaviourMap map(BehaviourFilter filter) {
        long start = System.nanoTime();
        Optional<BehaviourQueries.Snapshot> snapshot = queries.current();
        BehaviourMap map = snapshot.map(s -> {
            long[] counts = queries.counts(s.id(), filter);
            return new BehaviourMap(s.asOf(), counts[0], counts[1], POINT_CAP, counts[0] == counts[1] ? List.of()
                    : queries.sample(s.id(), filter, POINT_CAP, keyOrder(s, counts)));
        }).orElse(new BehaviourMap(null, 0, 0, POINT_CAP, List.of()));
        timed("map", start);
        return map;
    }

    /** Whether the map's sample is read in key order, from {@link BehaviourQueries#counts}' shown and ≤ 0 counts. */
    private static boolean keyOrder(BehaviourQueries.Snapshot snapshot, long[] counts) {
        return BehaviourQueries.keyOrder(snapshot, counts[0] - counts[1], POINT_CAP);
    }

    /**
     * Groups A and B of the filtered customers side by side: figures and R, F, M histograms. Computed from the
     * customers' columns of the regions in the caller's scope (narrowed by the filter), each region's read once per
     * snapshot through row-level security and kept ({@link ColumnCache}).
     */
    public GroupComparison compare(BehaviourFilter filter, GroupRule a, GroupRule b) {
        long start = System.nanoTime();
        Optional<BehaviourQueries.Snapshot> snapshot = queries.current();
        GroupComparison comparison = snapshot.map(s -> {
            List<CustomerColumns> parts = columns.get(s.id(), queries.scopeRegions(filter),
                    regions -> load(s.id(), regions));
            return Comparisons.compare(s.asOf(), parts, filter, a, b);
        }).orElseGet(() -> empty(a, b));
        timed("comparison", start);
        return comparison;
    }

    /** The regions whose columns of a snapshot are kept (for tests of the cache's scope). */
    Set<Short> cachedRegions(long snapshotId) {
        return columns.regions(snapshotId);
    }

    private Map<Short, CustomerColumns> load(long snapshotId, Set<Short> regions) {
        long start = System.nanoTime();
        Map<Short, CustomerColumns> parts = queries.columns(snapshotId, regions);
        log.info("behaviour comparison: read {} customers of regions {} in snapshot {} ({} MB) in {} ms",
                parts.values().stream().mapToInt(p -> p.size).sum(), regions, snapshotId,
                parts.values().stream().mapToLong(CustomerColumns::bytes).sum() >> 20,
                (System.nanoTime() - start) / 1_000_000);
        return parts;
    }

    /** One page of a group's customers (within the filter) in the given order. */
    public List<CellCustomer> groupCustomers(BehaviourFilter filter, GroupRule group, CustomerOrder order, int offset,
                                             int limit) {
        long start = System.nanoTime();
        List<CellCustomer> page = queries.current()
                .map(s -> queries.groupCustomers(s.id(), filter, group, order, offset, limit)).orElse(List.of());
        timed("group customer page", start);
        return page;
    }

    /** Writes every customer of a group: the columns and order of the group's customer grid. */
    public void exportGroupCustomers(BehaviourFilter filter, GroupRule group, CustomerOrder order,
                                     ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        Optional<BehaviourQueries.Snapshot> snapshot = queries.current();
        format.write(BehaviourTables.customers("Group customers", sink -> snapshot.ifPresent(
                s -> queries.eachGroupCustomer(s.id(), filter, group, order, sink))), out);
        timed("group export", start);
    }

    /** Writes the plotted customers, in sample order: exactly the map's points, with names and regions. */
    public void exportMap(BehaviourFilter filter, ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        Optional<BehaviourQueries.Snapshot> snapshot = queries.current();
        format.write(BehaviourTables.points(sink -> snapshot.ifPresent(
                s -> {
                    long[] counts = queries.counts(s.id(), filter);
                    if (counts[0] > counts[1]) {
                        queries.eachSampledCustomer(s.id(), filter, POINT_CAP, keyOrder(s, counts), sink);
                    }
                })), out);
        timed("map export", start);
    }

    /**
     * Writes the comparison in long form, {@code section,item,group_a,group_b}: the two rules and the snapshot,
     * the summary figures (section "summary"), then the customers per bin of each histogram (sections
     * "recency_days", "frequency", "monetary").
     */
    public void exportComparison(BehaviourFilter filter, GroupRule a, GroupRule b, ExportFormat format,
                                 OutputStream out) {
        format.write(BehaviourTables.comparison(compare(filter, a, b)), out);
    }

    private static GroupComparison empty(GroupRule a, GroupRule b) {
        return new GroupComparison(null, 0, BigDecimal.ZERO, emptyGroup(a), emptyGroup(b), 0,
                emptyHistogram(Bins.RECENCY_NAME, Bins.integerLabels(Bins.RECENCY_DAYS)),
                emptyHistogram(Bins.FREQUENCY_NAME, Bins.integerLabels(Bins.FREQUENCY)),
                emptyHistogram(Bins.MONETARY_NAME, Bins.monetaryLabels()));
    }

    private static GroupComparison.Group emptyGroup(GroupRule rule) {
        return new GroupComparison.Group(rule, 0, BigDecimal.ZERO, 0, null, null, null, null, null, null, null);
    }

    private static GroupComparison.Histogram emptyHistogram(String name, List<String> bins) {
        List<Long> zeros = bins.stream().map(b -> 0L).toList();
        return new GroupComparison.Histogram(name, bins, zeros, zeros);
    }

    private static void timed(String what, long start) {
        log.debug("behaviour {} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }
}
