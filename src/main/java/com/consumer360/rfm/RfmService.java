package com.consumer360.rfm;

import com.consumer360.security.Roles;
import com.consumer360.warehouse.RegionOption;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.analytics.rfm.Segment;
import com.consumer360.export.ExportFormat;
import com.consumer360.rfm.RfmQueries.SegmentFigures;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RFM matrix, its cells' customers, the segment table and customer detail of the current snapshot, in the
 * signed-in user's region scope. {@code regions} narrows further to some of the visible regions (empty: all
 * visible); it cannot widen the scope, which the database enforces.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class RfmService {

    private static final Logger log = LoggerFactory.getLogger(RfmService.class);

    private static final int TOP_COUNTRIES = 5;
    private static final int TOP_PRODUCTS = 5;

    private final RfmQueries queries;
    private final ProfileQueries profiles;

    RfmService(RfmQueries queries, ProfileQueries profiles) {
        this.queries = queries;
        this.profiles = profiles;
    }

    /** The regions the user can choose in a region filter: those with rows they can see in the current snapshot. */
    public List<RegionOption> regions() {
        return queries.current().map(s -> queries.regions(s.id())).orElse(List.of());
    }

    /** All 25 cells of the recency score × frequency score grid. */
    public RfmMatrix matrix(Set<Short> regions) {
        long start = System.nanoTime();
        Optional<CurrentSnapshot> snapshot = queries.current();
        List<RfmMatrix.Cell> found = snapshot.map(s -> queries.matrixCells(s.id(), regions)).orElse(List.of());
        List<RfmMatrix.Cell> cells = new ArrayList<>(25);
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                int rr = r;
                int ff = f;
                cells.add(found.stream().filter(c -> c.r() == rr && c.f() == ff).findFirst()
                        .orElse(new RfmMatrix.Cell(r, f, 0, BigDecimal.ZERO)));
            }
        }
        timed("matrix", start);
        return new RfmMatrix(snapshot.map(CurrentSnapshot::asOf).orElse(null), cells);
    }

    /** One page of a cell's customers in the given order. */
    public List<CellCustomer> cellCustomers(int r, int f, Set<Short> regions, CustomerOrder order, int offset,
                                            int limit) {
        return page(cell(r, f), regions, order, offset, limit);
    }

    /** Writes every customer of a cell as CSV: the columns and order of the cell grid. */
    public void exportCellCustomers(int r, int f, Set<Short> regions, CustomerOrder order, OutputStream out) {
        exportCellCustomers(r, f, regions, order, ExportFormat.CSV, out);
    }

    /** Writes every customer of a cell in the given format: the columns and order of the cell grid. */
    public void exportCellCustomers(int r, int f, Set<Short> regions, CustomerOrder order, ExportFormat format,
                                    OutputStream out) {
        export("Cell R" + r + " F" + f, cell(r, f), regions, order, format, out);
    }

    /** One page of a segment's customers (the segment's label, as in {@link SegmentOverview.Row#segment()}). */
    public List<CellCustomer> segmentCustomers(String segment, Set<Short> regions, CustomerOrder order, int offset,
                                               int limit) {
        return page(new RfmQueries.InSegment(segment), regions, order, offset, limit);
    }

    /** Writes every customer of a segment as CSV, like {@link #exportCellCustomers}. */
    public void exportSegmentCustomers(String segment, Set<Short> regions, CustomerOrder order, OutputStream out) {
        exportSegmentCustomers(segment, regions, order, ExportFormat.CSV, out);
    }

    /** Writes every customer of a segment in the given format, like {@link #exportCellCustomers}. */
    public void exportSegmentCustomers(String segment, Set<Short> regions, CustomerOrder order, ExportFormat format,
                                       OutputStream out) {
        export(segment, new RfmQueries.InSegment(segment), regions, order, format, out);
    }

    private List<CellCustomer> page(RfmQueries.Members members, Set<Short> regions, CustomerOrder order, int offset,
                                    int limit) {
        long start = System.nanoTime();
        List<CellCustomer> page = queries.current()
                .map(s -> queries.customers(s.id(), members, regions, order, offset, limit)).orElse(List.of());
        timed("customer page", start);
        return page;
    }

    private void export(String title, RfmQueries.Members members, Set<Short> regions, CustomerOrder order,
                        ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        Optional<CurrentSnapshot> snapshot = queries.current();
        format.write(RfmTables.customers(title, sink -> snapshot.ifPresent(
                s -> queries.eachCustomer(s.id(), members, regions, order, sink))), out);
        timed("customer export", start);
    }

    private static RfmQueries.Cell cell(int r, int f) {
        requireScore(r);
        requireScore(f);
        return new RfmQueries.Cell(r, f);
    }

    /** The eleven segments with sizes, value, shares, means and the change since the previous snapshot. */
    public SegmentOverview segments(Set<Short> regions) {
        long start = System.nanoTime();
        Optional<CurrentSnapshot> snapshot = queries.current();
        if (snapshot.isEmpty()) {
            return new SegmentOverview(null, null, null, List.of());
        }
        Map<String, SegmentFigures> figures = queries.segments(snapshot.get().id(), regions);
        Optional<CurrentSnapshot> previous = queries.previous(snapshot.get().id());
        Map<String, Long> before = previous.map(p -> queries.segmentCustomers(p.id(), regions)).orElse(Map.of());
        long customers = figures.values().stream().mapToLong(SegmentFigures::customers).sum();
        BigDecimal revenue = figures.values().stream().map(SegmentFigures::revenue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<SegmentOverview.Row> rows = new ArrayList<>();
        for (Segment segment : Segment.values()) {
            SegmentFigures s = figures.getOrDefault(segment.label(),
                    new SegmentFigures(0, BigDecimal.ZERO, 0, 0, null));
            rows.add(new SegmentOverview.Row(segment.label(), s.customers(), s.revenue(),
                    customers == 0 ? 0 : (double) s.customers() / customers,
                    revenue.signum() == 0 ? 0 : s.revenue().doubleValue() / revenue.doubleValue(),
                    s.meanRecencyDays(), s.meanFrequency(),
                    s.customers() == 0 ? BigDecimal.ZERO
                            : s.revenue().divide(BigDecimal.valueOf(s.customers()), 2, RoundingMode.HALF_EVEN),
                    s.meanClv(),
                    previous.isEmpty() ? null : s.customers() - before.getOrDefault(segment.label(), 0L)));
        }
        timed("segments", start);
        return new SegmentOverview(snapshot.get().asOf(), previous.map(CurrentSnapshot::asOf).orElse(null),
                snapshot.get().segmentMapVersion(), rows);
    }

    /**
     * A segment's spread over the R, F and M scores, its five most common countries and the five products that
     * bring it the most net revenue (all from what the refresh stored per region and segment where it did).
     */
    public SegmentProfile segmentProfile(String segment, Set<Short> regions) {
        long start = System.nanoTime();
        Optional<CurrentSnapshot> snapshot = queries.current();
        if (snapshot.isEmpty()) {
            List<Long> none = List.of(0L, 0L, 0L, 0L, 0L);
            return new SegmentProfile(segment, 0, none, none, none, List.of(), List.of());
        }
        long id = snapshot.get().id();
        // The spreads and countries the refresh stored with the summary (V39); counted from the customers without.
        ProfileQueries.Stored stored = profiles.stored(id, segment, regions, TOP_COUNTRIES).orElseGet(() ->
                new ProfileQueries.Stored(profiles.scoreDistribution(id, segment, regions, ProfileQueries.Score.R),
                        profiles.scoreDistribution(id, segment, regions, ProfileQueries.Score.F),
                        profiles.scoreDistribution(id, segment, regions, ProfileQueries.Score.M),
                        profiles.topCountries(id, segment, regions, TOP_COUNTRIES)));
        SegmentProfile profile = new SegmentProfile(segment, stored.r().stream().mapToLong(Long::longValue).sum(),
                stored.r(), stored.f(), stored.m(), stored.countries(),
                profiles.topProducts(id, segment, regions, TOP_PRODUCTS));
        timed("segment profile", start);
        return profile;
    }

    /** Writes a segment's profile (score distributions, top countries, top products) in the given format. */
    public void exportSegmentProfile(String segment, Set<Short> regions, ExportFormat format, OutputStream out) {
        format.write(RfmTables.profile(segmentProfile(segment, regions)), out);
    }

    /** Writes the segment table as CSV; shares as fractions. */
    public void exportSegments(Set<Short> regions, OutputStream out) {
        exportSegments(regions, ExportFormat.CSV, out);
    }

    /** Writes the segment table in the given format; shares as fractions. */
    public void exportSegments(Set<Short> regions, ExportFormat format, OutputStream out) {
        format.write(RfmTables.segments(segments(regions)), out);
    }

    /**
     * Writes every invoice of a customer, newest first, in the given format; only the header when the customer
     * is not in the user's regions, exactly as for a customer that does not exist.
     */
    public void exportCustomerInvoices(long customerId, ExportFormat format, OutputStream out) {
        format.write(RfmTables.invoices(customerId, sink -> queries.eachInvoice(customerId, sink)), out);
    }

    /**
     * A customer of the current snapshot, or empty when there is no such customer in the user's regions: the
     * same answer whether the id does not exist or belongs to another region.
     */
    public Optional<CustomerDetail> customer(long customerId) {
        long start = System.nanoTime();
        Optional<CustomerDetail> detail = queries.current().flatMap(s -> queries.customer(s, customerId));
        timed("customer", start);
        return detail;
    }

    private static void requireScore(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("scores are 1..5, got " + score);
        }
    }

    private static void timed(String what, long start) {
        log.debug("{} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }
}
