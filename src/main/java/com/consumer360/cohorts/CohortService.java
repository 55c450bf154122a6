package com.consumer360.cohorts;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.cohorts.CohortQueries.CellFigures;
import com.consumer360.cohorts.CohortQueries.Snapshot;
import com.consumer360.cohorts.RetentionMatrix.CohortRow;
import com.consumer360.cohorts.RetentionMatrix.RetentionCell;
import com.consumer360.export.ExportFormat;
import com.consumer360.security.Roles;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import com.consumer360.warehouse.RegionOption;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly acquisition cohorts of the current snapshot in the signed-in user's region scope: the retention matrix,
 * average and segment curves, a cell's customers and the exports. A cohort is made of the customers the user may
 * see, so a manager's cohort sizes and cells are their region's. Filters narrow; the database enforces the scope.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class CohortService {

    private static final Logger log = LoggerFactory.getLogger(CohortService.class);

    private final CohortQueries queries;

    CohortService(CohortQueries queries) {
        this.queries = queries;
    }

    /** The regions the user can choose: those with cohort rows they can see in the current snapshot. */
    public List<RegionOption> regions() {
        return queries.current().map(s -> queries.regions(s.id())).orElse(List.of());
    }

    /** Countries of the customers the user can see, in {@code region} when given. */
    public List<String> countries(Short region) {
        return queries.countries(region);
    }

    /** The eleven RFM segment labels, for the segment overlay. */
    public List<String> segments() {
        return Arrays.stream(Segment.values()).map(Segment::label).toList();
    }

    /** The cohorts matching the filter; an unknown region or country is refused with a message. */
    public RetentionMatrix matrix(CohortFilter filter) {
        long start = System.nanoTime();
        validate(filter);
        RetentionMatrix matrix = build(filter, null);
        timed("matrix", start);
        return matrix;
    }

    /**
     * The average retention curve of one RFM segment's customers (their segment in the current snapshot) over the
     * filtered cohorts.
     */
    public RetentionCurve segmentCurve(CohortFilter filter, String segment, boolean revenue) {
        long start = System.nanoTime();
        validate(filter);
        if (!segments().contains(segment)) {
            throw new IllegalArgumentException("Unknown segment: " + segment + ".");
        }
        RetentionCurve curve = build(filter, segment).averageCurve(segment, revenue);
        timed("segment curve", start);
        return curve;
    }

    /** One page of the customers of {@code cohort} who purchased in its period {@code period}. */
    public List<CellCustomer> cellCustomers(CohortFilter filter, YearMonth cohort, int period, CustomerOrder order,
                                            int offset, int limit) {
        long start = System.nanoTime();
        validate(filter);
        requirePeriod(period);
        List<CellCustomer> page = queries.current().map(s -> queries.cellCustomers(s.id(), filter, cohort, period,
                order, offset, limit)).orElse(List.of());
        timed("cell customers", start);
        return page;
    }

    /** Writes every customer of a cell in the given format: the columns and order of the cell grid. */
    public void exportCellCustomers(CohortFilter filter, YearMonth cohort, int period, CustomerOrder order,
                                    ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        validate(filter);
        requirePeriod(period);
        Optional<Snapshot> snapshot = queries.current();
        format.write(CohortTables.customers("Cohort " + cohort + " month " + period, sink -> snapshot.ifPresent(
                s -> queries.eachCellCustomer(s.id(), filter, cohort, period, order, sink))), out);
        timed("cell export", start);
    }

    /** Writes the filtered matrix, one row per cohort and period, with counts, revenue and both retentions. */
    public void exportMatrix(CohortFilter filter, ExportFormat format, OutputStream out) {
        long start = System.nanoTime();
        format.write(CohortTables.matrix(matrix(filter)), out);
        timed("matrix export", start);
    }

    private RetentionMatrix build(CohortFilter filter, String segment) {
        Optional<Snapshot> snapshot = queries.current();
        if (snapshot.isEmpty()) {
            return new RetentionMatrix(null, null, List.of());
        }
        YearMonth last = YearMonth.from(snapshot.get().asOf().minusDays(1));
        Map<YearMonth, Map<Integer, CellFigures>> byCohort = new TreeMap<>();
        for (CellFigures cell : queries.cells(snapshot.get().id(), filter, segment)) {
            byCohort.computeIfAbsent(cell.cohort(), c -> new HashMap<>()).put(cell.period(), cell);
        }
        List<CohortRow> rows = new ArrayList<>();
        byCohort.forEach((cohort, periods) -> {
            CellFigures first = periods.get(0);
            if (first == null || first.customers() == 0) {
                return;
            }
            long size = first.customers();
            BigDecimal base = first.revenue();
            List<RetentionCell> cells = new ArrayList<>();
            for (int k = 0; k <= ChronoUnit.MONTHS.between(cohort, last); k++) {
                CellFigures f = periods.get(k);
                long customers = f == null ? 0 : f.customers();
                BigDecimal revenue = f == null ? BigDecimal.ZERO : f.revenue();
                cells.add(new RetentionCell(cohort, k, customers, revenue, (double) customers / size,
                        base.signum() > 0 ? revenue.doubleValue() / base.doubleValue() : null));
            }
            rows.add(new CohortRow(cohort, size, cells));
        });
        return new RetentionMatrix(snapshot.get().asOf(), last, rows);
    }

    /** Refuses a region or country the user cannot see, with the same message whether it exists or not. */
    private void validate(CohortFilter filter) {
        if (filter.region() != null && regions().stream().noneMatch(r -> r.id() == filter.region())) {
            throw new IllegalArgumentException("No region " + filter.region() + " in your scope.");
        }
        if (filter.country() != null && !countries(filter.region()).contains(filter.country())) {
            throw new IllegalArgumentException("No customers from " + filter.country() + " in your scope.");
        }
    }

    private static void requirePeriod(int period) {
        if (period < 0) {
            throw new IllegalArgumentException("Periods are 0 or more months, got " + period + ".");
        }
    }

    private static void timed(String what, long start) {
        log.debug("{} in {} ms", what, (System.nanoTime() - start) / 1_000_000);
    }
}
