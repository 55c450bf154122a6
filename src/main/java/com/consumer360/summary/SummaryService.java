package com.consumer360.summary;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.export.ExportColumn;
import com.consumer360.export.ExportFormat;
import com.consumer360.export.ExportTable;
import com.consumer360.security.Roles;
import com.consumer360.ui.Formats;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly summary in the signed-in user's region scope: one snapshot against an earlier one (by default the
 * current snapshot against the one before it), with the history of the headline figures, segments, movement and the
 * customers who moved, and their exports. {@code regions} narrows to some visible regions; it never widens the scope,
 * which the database enforces.
 */
@Service
@PreAuthorize(Roles.ANY_PORTAL_ROLE)
@Transactional(readOnly = true)
public class SummaryService {

    /** A customer is active when their last purchase is at most this many days before the snapshot's as-of date. */
    public static final int ACTIVE_DAYS = 90;
    /** How many snapshots the headline figures' history (sparklines) covers. */
    public static final int HISTORY = 12;
    /** Movement's origin for customers who were not in the earlier snapshot. */
    public static final String NEW = "(new)";
    /** Movement's target for customers who are not in the later snapshot. */
    public static final String GONE = "(gone)";

    private static final int SNAPSHOT_CHOICES = 60;

    private final SummaryQueries queries;

    SummaryService(SummaryQueries queries) {
        this.queries = queries;
    }

    /** The snapshots one can compare, newest first. */
    public List<SnapshotRef> snapshots() {
        return queries.snapshots(SNAPSHOT_CHOICES);
    }

    /**
     * The summary of {@code currentId} against {@code previousId}; null ids mean the current snapshot and the one
     * before it. Unknown ids, or an earlier snapshot that is not older, are refused with a message.
     */
    public WeeklySummary summary(Long previousId, Long currentId, Set<Short> regions) {
        List<SnapshotRef> all = queries.snapshots(SNAPSHOT_CHOICES);
        if (all.isEmpty()) {
            return WeeklySummary.NONE;
        }
        Pair pair = pair(all, previousId, currentId == null ? queries.currentId() : currentId);
        Short[] narrow = regions.toArray(Short[]::new);
        // The current snapshot and up to HISTORY before it (one more, for the oldest one's changes), oldest first;
        // of several snapshots with the same as-of date (refreshes of unchanged data) only the latest counts.
        List<SnapshotRef> history = new ArrayList<>();
        for (SnapshotRef s : all.subList(all.indexOf(pair.current()), all.size())) {
            if (history.size() > HISTORY) {
                break;
            }
            if (history.isEmpty() || s.asOf().isBefore(history.getLast().asOf())) {
                history.add(s);
            }
        }
        history = history.reversed();
        List<Long> ids = new ArrayList<>(history.stream().map(SnapshotRef::id).toList());
        if (pair.previous() != null && !ids.contains(pair.previous().id())) {
            ids.add(pair.previous().id());
        }
        Map<Long, SummaryQueries.Totals> totals = queries.totals(ids, narrow);
        List<Figures> figures = new ArrayList<>();
        for (int i = Math.min(1, history.size() - 1); i < history.size(); i++) {
            SnapshotRef s = history.get(i);
            SnapshotRef before = i == 0 ? null : history.get(i - 1);
            figures.add(figures(s, before, totals, null, null));
        }
        Figures current;
        Figures previous = null;
        List<WeeklySummary.SegmentRow> segments;
        List<WeeklySummary.Move> movement = List.of();
        List<String> notable = List.of();
        List<WeeklySummary.RegionRow> byRegion = List.of();
        if (pair.previous() == null) {
            current = figures(pair.current(), null, totals, null, null);
            segments = segments(queries.segments(pair.current().id(), narrow), Map.of());
        } else {
            List<SummaryQueries.PairCell> cells = queries.pair(pair.previous().id(), pair.current().id(), narrow);
            long entered = cells.stream().mapToLong(SummaryQueries.PairCell::entered).sum();
            long lost = cells.stream().mapToLong(SummaryQueries.PairCell::lost).sum();
            current = figures(pair.current(), pair.previous(), totals, entered, lost);
            previous = figures(pair.previous(), null, totals, null, null);
            segments = segments(queries.segments(pair.current().id(), narrow),
                    queries.segments(pair.previous().id(), narrow));
            Map<String, Long> moves = new java.util.TreeMap<>();
            cells.forEach(c -> moves.merge(c.from() + "→" + c.to(), c.customers(), Long::sum));
            List<Object[]> movementCells = new ArrayList<>();
            moves.forEach((key, n) -> movementCells.add(new Object[] {key.substring(0, key.indexOf('→')),
                    key.substring(key.indexOf('→') + 1), n}));
            movement = movement(movementCells, segments);
            notable = notable(movement, comparableSpans(all, pair.previous(), pair.current())
                    ? queries.storedMovement(pair.previous().id(), narrow) : Map.of());
            byRegion = byRegion(cells, queries.regionNames());
        }
        return new WeeklySummary(current, previous, figures, segments, movement, notable, byRegion);
    }

    private static List<WeeklySummary.RegionRow> byRegion(List<SummaryQueries.PairCell> cells,
                                                          Map<Short, String> names) {
        Map<Short, long[]> counts = new java.util.TreeMap<>();
        Map<Short, BigDecimal> revenue = new java.util.TreeMap<>();
        Map<Short, Double> clv = new java.util.TreeMap<>();
        for (SummaryQueries.PairCell c : cells) {
            long[] n = counts.computeIfAbsent(c.regionId(), r -> new long[3]);
            n[0] += c.active();
            n[1] += c.entered();
            n[2] += c.lost();
            revenue.merge(c.regionId(), c.revenue(), BigDecimal::add);
            clv.merge(c.regionId(), c.clv(), Double::sum);
        }
        List<WeeklySummary.RegionRow> rows = new ArrayList<>();
        counts.forEach((region, n) -> rows.add(new WeeklySummary.RegionRow(region, names.get(region), n[0], n[1], n[2],
                revenue.get(region), clv.get(region))));
        return rows;
    }

    /** One page of the customers who moved from {@code from} (or {@link #NEW}) to {@code to} (or {@link #GONE}). */
    public List<CellCustomer> movers(long previousId, long currentId, String from, String to, Set<Short> regions,
                                     CustomerOrder order, int offset, int limit) {
        Pair pair = pair(queries.snapshots(SNAPSHOT_CHOICES), previousId, currentId);
        requireMove(from, to);
        return queries.movers(pair.previous().id(), pair.current().id(), from, to, regions, order, offset, limit);
    }

    /** Writes every customer of a movement cell in the given format, in the grid's order. */
    public void exportMovers(long previousId, long currentId, String from, String to, Set<Short> regions,
                             CustomerOrder order, ExportFormat format, OutputStream out) {
        Pair pair = pair(queries.snapshots(SNAPSHOT_CHOICES), previousId, currentId);
        requireMove(from, to);
        format.write(SummaryTables.movers(from + " to " + to, sink -> queries.eachMover(pair.previous().id(),
                pair.current().id(), from, to, regions, order, sink)), out);
    }

    /** Writes the headline figures, the segments and the movement as three tables in one (a section column). */
    public void exportSummary(Long previousId, Long currentId, Set<Short> regions, ExportFormat format,
                              OutputStream out) {
        format.write(SummaryTables.summary(summary(previousId, currentId, regions)), out);
    }

    private Figures figures(SnapshotRef snapshot, SnapshotRef before, Map<Long, SummaryQueries.Totals> totals,
                            Long newCustomers, Long lost) {
        SummaryQueries.Totals now = totals.getOrDefault(snapshot.id(), EMPTY);
        if (before == null) {
            return new Figures(snapshot, now.customers(), now.active(), null, null, null, null, now.clv());
        }
        SummaryQueries.Totals then = totals.getOrDefault(before.id(), EMPTY);
        return new Figures(snapshot, now.customers(), now.active(), newCustomers, lost,
                now.monetary().subtract(then.monetary()), now.frequency() - then.frequency(), now.clv());
    }

    private static final SummaryQueries.Totals EMPTY = new SummaryQueries.Totals(0, 0, BigDecimal.ZERO, 0, 0);

    private static List<WeeklySummary.SegmentRow> segments(Map<String, Object[]> now, Map<String, Object[]> then) {
        List<WeeklySummary.SegmentRow> rows = new ArrayList<>();
        for (Segment segment : Segment.values()) {
            Object[] n = now.getOrDefault(segment.label(), new Object[] {0L, BigDecimal.ZERO, 0.0});
            Object[] t = then.getOrDefault(segment.label(), new Object[] {0L, BigDecimal.ZERO, 0.0});
            rows.add(new WeeklySummary.SegmentRow(segment.label(), (Long) n[0], (Long) t[0], (BigDecimal) n[1],
                    (BigDecimal) t[1], mean((Double) n[2], (Long) n[0]), mean((Double) t[2], (Long) t[0])));
        }
        return rows;
    }

    private static Double mean(Double sum, long count) {
        return count == 0 || sum == null ? null : sum / count;
    }

    private static List<WeeklySummary.Move> movement(List<Object[]> cells, List<WeeklySummary.SegmentRow> segments) {
        List<WeeklySummary.Move> moves = new ArrayList<>();
        for (Object[] cell : cells) {
            String from = (String) cell[0];
            long customers = (Long) cell[2];
            long origin = segments.stream().filter(s -> s.segment().equals(from))
                    .mapToLong(WeeklySummary.SegmentRow::previousCustomers).sum();
            moves.add(new WeeklySummary.Move(from, (String) cell[1], customers,
                    NEW.equals(from) || origin == 0 ? null : (double) customers / origin));
        }
        moves.sort(Comparator.comparing(WeeklySummary.Move::from).thenComparing(WeeklySummary.Move::to));
        return moves;
    }

    /** The three largest moves between two different segments, in words, with the change on the week before. */
    static List<String> notable(List<WeeklySummary.Move> movement, Map<String, Long> weekBefore) {
        return movement.stream()
                .filter(m -> !m.from().equals(m.to()) && !NEW.equals(m.from()) && !GONE.equals(m.to()))
                .sorted(Comparator.comparingLong(WeeklySummary.Move::customers).reversed()).limit(3)
                .map(m -> {
                    String text = Formats.count(m.customers()) + " " + m.from() + " became " + m.to();
                    Long before = weekBefore.get(m.from() + "→" + m.to());
                    if (before != null && before > 0) {
                        long change = Math.round(100.0 * (m.customers() - before) / before);
                        text += " (" + Formats.count(before) + " the period before, " + Formats.signed(change) + " %)";
                    }
                    return text + ".";
                }).toList();
    }

    /**
     * Whether the move stored with {@code previous} (from the snapshot before it, by id) spans as many days as the
     * pair does, so that the two counts compare: a four-week pair is not set against a one-week move.
     */
    static boolean comparableSpans(List<SnapshotRef> all, SnapshotRef previous, SnapshotRef current) {
        return all.stream().filter(s -> s.id() < previous.id()).max(Comparator.comparingLong(SnapshotRef::id))
                .map(before -> ChronoUnit.DAYS.between(before.asOf(), previous.asOf())
                        == ChronoUnit.DAYS.between(previous.asOf(), current.asOf()))
                .orElse(false);
    }

    private record Pair(SnapshotRef previous, SnapshotRef current) {
    }

    private static Pair pair(List<SnapshotRef> all, Long previousId, Long currentId) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("there is no snapshot yet");
        }
        SnapshotRef current = currentId == null ? all.getFirst() : find(all, currentId);
        SnapshotRef previous;
        if (previousId == null) {
            // The latest snapshot of an earlier day: a refresh of unchanged data is not "last week".
            previous = all.stream().filter(s -> s.asOf().isBefore(current.asOf())).findFirst().orElse(null);
        } else {
            previous = find(all, previousId);
            if (previous.id() == current.id() || previous.asOf().isAfter(current.asOf())) {
                throw new IllegalArgumentException("the earlier snapshot must be older than the later one");
            }
        }
        return new Pair(previous, current);
    }

    private static SnapshotRef find(List<SnapshotRef> all, long id) {
        return all.stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown snapshot " + id));
    }

    private static void requireMove(String from, String to) {
        Set<String> labels = new java.util.HashSet<>();
        for (Segment segment : Segment.values()) {
            labels.add(segment.label());
        }
        if (!Objects.equals(from, NEW) && !labels.contains(from) || !Objects.equals(to, GONE) && !labels.contains(to)) {
            throw new IllegalArgumentException("unknown segment");
        }
    }
}
