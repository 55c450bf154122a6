package com.consumer360.customsegments;

import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_FIGURES;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_LIST;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_MEMBER;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_RUN;
import static com.consumer360.jooq.Tables.CUSTOM_SEGMENT_VERSION;
import static com.consumer360.jooq.Tables.DIM_CUSTOMER;
import static com.consumer360.jooq.Tables.DIM_PRODUCT;
import static com.consumer360.jooq.Tables.DIM_REGION;
import static com.consumer360.jooq.Tables.FACT_SALES;
import static com.consumer360.jooq.Tables.SNAPSHOT;
import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.jooq.Tables.SNAP_SEGMENT_SUMMARY;
import static com.consumer360.jooq.Tables.WAREHOUSE_VERSION;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerListQuery;
import com.consumer360.warehouse.CustomerOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record8;
import org.jooq.SelectLimitStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Reads and writes custom segments. Definitions are not customer-level; everything customer-level (snap_customer,
 * dim_customer, fact_sales, custom_segment_member) is limited by row-level security to the connection's scope.
 */
@Component
class CustomSegmentQueries {

    private final DSLContext db;

    CustomSegmentQueries(DSLContext db) {
        this.db = db;
    }

    record Snap(long id, LocalDate asOf) {
    }

    record SegmentRow(long id, String name, String description, String owner, Set<String> sharedWith, int version,
                      java.time.Instant updatedAt, String definition) {
    }

    Optional<Snap> current() {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE).from(SNAPSHOT).where(SNAPSHOT.IS_CURRENT)
                .fetchOptional(r -> new Snap(r.value1(), r.value2()));
    }

    Optional<Snap> previous(long snapshotId) {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE).from(SNAPSHOT)
                .where(SNAPSHOT.SNAPSHOT_ID.lt(snapshotId)).orderBy(SNAPSHOT.SNAPSHOT_ID.desc()).limit(1)
                .fetchOptional(r -> new Snap(r.value1(), r.value2()));
    }

    /** The products of a row of custom_segment_figures, one row per product. */
    private static final Table<?> ITEMS = table("unnest({0}, {1}, {2}, {3}) AS item(product_id, units, cents, buyers)",
            CUSTOM_SEGMENT_FIGURES.PRODUCT_IDS, CUSTOM_SEGMENT_FIGURES.UNITS, CUSTOM_SEGMENT_FIGURES.REVENUE_CENTS,
            CUSTOM_SEGMENT_FIGURES.BUYERS);
    private static final Field<Integer> ITEM_PRODUCT = field(name("item", "product_id"), Integer.class);
    private static final Field<Long> ITEM_UNITS = field(name("item", "units"), Long.class);
    private static final Field<Long> ITEM_CENTS = field(name("item", "cents"), Long.class);
    private static final Field<Integer> ITEM_BUYERS = field(name("item", "buyers"), Integer.class);
    /** The countries of a row of custom_segment_figures, one row per country. */
    private static final Table<?> COUNTRIES = table("unnest({0}, {1}) AS place(country, customers)",
            CUSTOM_SEGMENT_FIGURES.COUNTRIES, CUSTOM_SEGMENT_FIGURES.COUNTRY_CUSTOMERS);
    private static final Field<String> PLACE_COUNTRY = field(name("place", "country"), String.class);
    private static final Field<Integer> PLACE_CUSTOMERS = field(name("place", "customers"), Integer.class);

    /** Region codes and names the scope can see (regions with customers in it), countries and segment labels. */
    Vocabulary vocabulary() {
        Map<String, String> regions = new LinkedHashMap<>();
        db.select(DIM_REGION.CODE, DIM_REGION.NAME).from(DIM_REGION)
                .where(DIM_REGION.REGION_ID.in(selectDistinct(DIM_CUSTOMER.REGION_ID).from(DIM_CUSTOMER)))
                .orderBy(DIM_REGION.REGION_ID)
                .forEach(r -> regions.put(r.value1(), r.value2()));
        Set<String> countries = new LinkedHashSet<>(db.selectDistinct(DIM_CUSTOMER.COUNTRY).from(DIM_CUSTOMER)
                .orderBy(DIM_CUSTOMER.COUNTRY).fetch(DIM_CUSTOMER.COUNTRY));
        List<String> segments = Arrays.stream(Segment.values()).map(Segment::label).toList();
        return new Vocabulary(regions, countries, segments, this::unknownProducts);
    }

    private Set<String> unknownProducts(Collection<String> codes) {
        Set<String> unknown = new HashSet<>(codes);
        unknown.removeAll(db.select(DIM_PRODUCT.PRODUCT_CODE).from(DIM_PRODUCT)
                .where(DIM_PRODUCT.PRODUCT_CODE.in(codes)).fetch(DIM_PRODUCT.PRODUCT_CODE));
        return unknown;
    }

    /** Products whose code or description contains {@code text}, for the product picker. */
    List<String[]> products(String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.select(DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION).from(DIM_PRODUCT)
                .where(DIM_PRODUCT.PRODUCT_CODE.likeIgnoreCase(like, '\\')
                        .or(DIM_PRODUCT.DESCRIPTION.likeIgnoreCase(like, '\\')))
                .orderBy(DIM_PRODUCT.PRODUCT_CODE).limit(limit)
                .fetch(r -> new String[] {r.value1(), r.value2()});
    }

    List<SegmentRow> live() {
        return db.select(CUSTOM_SEGMENT.asterisk(), CUSTOM_SEGMENT_VERSION.DEFINITION).from(CUSTOM_SEGMENT)
                .join(CUSTOM_SEGMENT_VERSION).on(CUSTOM_SEGMENT_VERSION.SEGMENT_ID.eq(CUSTOM_SEGMENT.SEGMENT_ID),
                        CUSTOM_SEGMENT_VERSION.VERSION.eq(CUSTOM_SEGMENT.CURRENT_VERSION))
                .where(CUSTOM_SEGMENT.DELETED_AT.isNull())
                .orderBy(lower(CUSTOM_SEGMENT.NAME))
                .fetch(CustomSegmentQueries::row);
    }

    Optional<SegmentRow> segment(long id) {
        return db.select(CUSTOM_SEGMENT.asterisk(), CUSTOM_SEGMENT_VERSION.DEFINITION).from(CUSTOM_SEGMENT)
                .join(CUSTOM_SEGMENT_VERSION).on(CUSTOM_SEGMENT_VERSION.SEGMENT_ID.eq(CUSTOM_SEGMENT.SEGMENT_ID),
                        CUSTOM_SEGMENT_VERSION.VERSION.eq(CUSTOM_SEGMENT.CURRENT_VERSION))
                .where(CUSTOM_SEGMENT.SEGMENT_ID.eq(id), CUSTOM_SEGMENT.DELETED_AT.isNull())
                .fetchOptional(CustomSegmentQueries::row);
    }

    private static SegmentRow row(Record r) {
        return new SegmentRow(r.get(CUSTOM_SEGMENT.SEGMENT_ID), r.get(CUSTOM_SEGMENT.NAME),
                r.get(CUSTOM_SEGMENT.DESCRIPTION), r.get(CUSTOM_SEGMENT.OWNER),
                Set.of(r.get(CUSTOM_SEGMENT.SHARED_WITH)), r.get(CUSTOM_SEGMENT.CURRENT_VERSION),
                r.get(CUSTOM_SEGMENT.UPDATED_AT).toInstant(), r.get(CUSTOM_SEGMENT_VERSION.DEFINITION));
    }

    List<SegmentVersion> versions(long id) {
        return db.selectFrom(CUSTOM_SEGMENT_VERSION).where(CUSTOM_SEGMENT_VERSION.SEGMENT_ID.eq(id))
                .orderBy(CUSTOM_SEGMENT_VERSION.VERSION.desc())
                .fetch(r -> new SegmentVersion(r.getVersion(), r.getName(), r.getDescription(),
                        DefinitionJson.read(r.getDefinition()), r.getCreatedBy(), r.getCreatedAt().toInstant()));
    }

    boolean nameTaken(String name, Long except) {
        Condition other = except == null ? org.jooq.impl.DSL.noCondition() : CUSTOM_SEGMENT.SEGMENT_ID.ne(except);
        return db.fetchExists(CUSTOM_SEGMENT, lower(CUSTOM_SEGMENT.NAME).eq(name.strip().toLowerCase()),
                CUSTOM_SEGMENT.DELETED_AT.isNull(), other);
    }

    long insert(SegmentDraft draft, String json, String user) {
        long id = db.insertInto(CUSTOM_SEGMENT, CUSTOM_SEGMENT.NAME, CUSTOM_SEGMENT.DESCRIPTION, CUSTOM_SEGMENT.OWNER,
                        CUSTOM_SEGMENT.SHARED_WITH, CUSTOM_SEGMENT.CURRENT_VERSION)
                .values(draft.name().strip(), description(draft), user, roles(draft), 1)
                .returning(CUSTOM_SEGMENT.SEGMENT_ID).fetchSingle().getSegmentId();
        version(id, 1, draft, json, user);
        return id;
    }

    int update(long id, SegmentDraft draft, String json, String user) {
        int version = db.update(CUSTOM_SEGMENT)
                .set(CUSTOM_SEGMENT.NAME, draft.name().strip())
                .set(CUSTOM_SEGMENT.DESCRIPTION, description(draft))
                .set(CUSTOM_SEGMENT.SHARED_WITH, roles(draft))
                .set(CUSTOM_SEGMENT.CURRENT_VERSION, CUSTOM_SEGMENT.CURRENT_VERSION.plus(1))
                .set(CUSTOM_SEGMENT.UPDATED_AT, currentOffsetDateTime())
                .where(CUSTOM_SEGMENT.SEGMENT_ID.eq(id), CUSTOM_SEGMENT.DELETED_AT.isNull())
                .returning(CUSTOM_SEGMENT.CURRENT_VERSION).fetchSingle().getCurrentVersion();
        version(id, version, draft, json, user);
        return version;
    }

    private void version(long id, int version, SegmentDraft draft, String json, String user) {
        db.insertInto(CUSTOM_SEGMENT_VERSION, CUSTOM_SEGMENT_VERSION.SEGMENT_ID, CUSTOM_SEGMENT_VERSION.VERSION,
                        CUSTOM_SEGMENT_VERSION.NAME, CUSTOM_SEGMENT_VERSION.DESCRIPTION,
                        CUSTOM_SEGMENT_VERSION.DEFINITION, CUSTOM_SEGMENT_VERSION.CREATED_BY)
                .values(id, version, draft.name().strip(), description(draft), json, user).execute();
    }

    private static String description(SegmentDraft draft) {
        return draft.description() == null ? "" : draft.description().strip();
    }

    private static String[] roles(SegmentDraft draft) {
        return draft.sharedWith().stream().sorted().toArray(String[]::new);
    }

    boolean delete(long id) {
        return db.update(CUSTOM_SEGMENT).set(CUSTOM_SEGMENT.DELETED_AT, currentOffsetDateTime())
                .where(CUSTOM_SEGMENT.SEGMENT_ID.eq(id), CUSTOM_SEGMENT.DELETED_AT.isNull()).execute() == 1;
    }

    /** The version whose members the refresh stored for the snapshot, if it evaluated the segment successfully. */
    Optional<Integer> storedVersion(long segmentId, long snapshotId) {
        return db.select(CUSTOM_SEGMENT_RUN.VERSION).from(CUSTOM_SEGMENT_RUN)
                .where(CUSTOM_SEGMENT_RUN.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_RUN.SNAPSHOT_ID.eq(snapshotId),
                        CUSTOM_SEGMENT_RUN.STATUS.eq("EVALUATED"))
                .fetchOptional(CUSTOM_SEGMENT_RUN.VERSION);
    }

    /**
     * Stored members of a segment at a snapshot, as a condition on snap_customer. The planner takes the unnested ids
     * for ten rows and looks each member up in snap_customer: right for a small segment, but 1.4 s for a segment of
     * 285,000 of 600,000 customers at 10 M lines (issue 19). When the members are more than an eighth of the
     * snapshot's customers in scope, the condition is wrapped so that it stays a filter with a hashed subplan over
     * the snapshot's rows (0.4 s there); the rows it selects are the same.
     */
    Condition stored(long segmentId, long snapshotId) {
        Condition in = SNAP_CUSTOMER.CUSTOMER_ID.in(select(field("unnest({0})", Long.class,
                        CUSTOM_SEGMENT_MEMBER.CUSTOMER_IDS))
                .from(CUSTOM_SEGMENT_MEMBER)
                .where(CUSTOM_SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID.eq(snapshotId)));
        return storedCount(segmentId, snapshotId) * 8 > baseCustomers(snapshotId) ? org.jooq.impl.DSL.condition("({0}) IS TRUE", in) : in;
    }

    // ---- figures the refresh stored with the members (custom_segment_figures, V36) -------------------------------

    private static Condition figuresOf(long segmentId, long snapshotId) {
        return CUSTOM_SEGMENT_FIGURES.SEGMENT_ID.eq(segmentId).and(CUSTOM_SEGMENT_FIGURES.SNAPSHOT_ID.eq(snapshotId));
    }

    /**
     * Whether the refresh stored the segment's figures at the snapshot for a region of the scope. Without them (a
     * snapshot written before V36, a failed write, no member of the scope now or before) the figures are computed
     * from the members.
     */
    boolean hasFigures(long segmentId, long snapshotId) {
        return db.fetchExists(CUSTOM_SEGMENT_FIGURES, figuresOf(segmentId, snapshotId));
    }

    /** How many stored members a segment has at a snapshot in the scope. */
    long storedCount(long segmentId, long snapshotId) {
        return db.select(org.jooq.impl.DSL.coalesce(sum(CUSTOM_SEGMENT_MEMBER.CUSTOMERS), BigDecimal.ZERO))
                .from(CUSTOM_SEGMENT_MEMBER)
                .where(CUSTOM_SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID.eq(snapshotId))
                .fetchOne(0, Long.class);
    }

    /** The snapshot's customers in the scope: every snapshot customer has one RFM segment. */
    private long baseCustomers(long snapshotId) {
        return summaryCustomers(snapshotId, org.jooq.impl.DSL.noCondition());
    }

    /** Customers of the snapshot's segment summary rows in the scope meeting {@code rows}. */
    private long summaryCustomers(long snapshotId, Condition rows) {
        return db.select(org.jooq.impl.DSL.coalesce(sum(SNAP_SEGMENT_SUMMARY.CUSTOMERS), BigDecimal.ZERO))
                .from(SNAP_SEGMENT_SUMMARY).where(SNAP_SEGMENT_SUMMARY.SNAPSHOT_ID.eq(snapshotId), rows)
                .fetchOne(0, Long.class);
    }

    /** {@link #figures} from the stored sums: the same figures, summed over the scope's regions. */
    SegmentFigures storedFigures(String name, String source, Snap snapshot, long segmentId) {
        var f = CUSTOM_SEGMENT_FIGURES;
        List<Field<?>> fields = new ArrayList<>(List.of(sum(f.CUSTOMERS), sum(f.MONETARY), sum(f.INVOICES),
                sum(f.RECENCY_SUM), sum(f.CLV_SUM), sum(f.CLV_COUNT), sum(f.P_ALIVE_SUM), sum(f.P_ALIVE_COUNT)));
        fields.addAll(scoreSums(f.R_SCORES, f.F_SCORES, f.M_SCORES));
        return fromSums(name, source, snapshot, db.select(fields).from(f).where(figuresOf(segmentId, snapshot.id()))
                .fetchSingle());
    }

    /**
     * Figures from stored sums: customers, revenue, invoices, recency sum, CLV sum and count, P(alive) sum and
     * count, then the fifteen score counts (R, F, M scores 1..5).
     */
    private SegmentFigures fromSums(String name, String source, Snap snapshot, Record r) {
        long customers = longOf(r.get(0));
        BigDecimal revenue = r.get(1) == null ? BigDecimal.ZERO : (BigDecimal) r.get(1);
        long invoices = longOf(r.get(2));
        long clvCount = longOf(r.get(5));
        long pAliveCount = longOf(r.get(7));
        List<List<Long>> scores = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<Long> counts = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                counts.add(longOf(r.get(8 + k * 5 + s)));
            }
            scores.add(counts);
        }
        return new SegmentFigures(name, source, snapshot.asOf(), customers, baseCustomers(snapshot.id()), revenue,
                invoices == 0 ? null : revenue.divide(BigDecimal.valueOf(invoices), 2, RoundingMode.HALF_EVEN),
                customers == 0 ? null : longOf(r.get(3)) / (double) customers,
                customers == 0 ? null : invoices / (double) customers,
                clvCount == 0 ? null : number(r.get(4)) / clvCount,
                pAliveCount == 0 ? null : number(r.get(6)) / pAliveCount,
                scores.get(0), scores.get(1), scores.get(2));
    }

    /**
     * {@link #figures} of an RFM segment from its summary rows (V39): sizes, sums, score spreads and the CLV and
     * P(alive) counts per region; empty when a row lacks them (written before V39).
     */
    Optional<SegmentFigures> storedRfmFigures(String name, String source, Snap snapshot, String segment) {
        var s = SNAP_SEGMENT_SUMMARY;
        Condition rows = s.SNAPSHOT_ID.eq(snapshot.id()).and(s.SEGMENT.eq(segment));
        if (db.fetchExists(s, rows.and(s.R_SCORES.isNull()))) {
            return Optional.empty();
        }
        List<Field<?>> fields = new ArrayList<>(List.of(sum(s.CUSTOMERS), sum(s.REVENUE), sum(s.SUM_FREQUENCY),
                sum(s.SUM_RECENCY), sum(s.SUM_CLV), sum(s.CLV_COUNT), sum(s.SUM_P_ALIVE), sum(s.P_ALIVE_COUNT)));
        fields.addAll(scoreSums(s.R_SCORES, s.F_SCORES, s.M_SCORES));
        return Optional.of(fromSums(name, source, snapshot, db.select(fields).from(s).where(rows).fetchSingle()));
    }

    /** The sums of score counts 1..5 of each array of five counts, in order. */
    @SafeVarargs
    private static List<Field<?>> scoreSums(Field<Integer[]>... arrays) {
        List<Field<?>> sums = new ArrayList<>();
        for (Field<Integer[]> scores : arrays) {
            for (int s = 1; s <= 5; s++) {
                sums.add(sum(field("{0}[{1}]", Integer.class, scores, inline(s))));
            }
        }
        return sums;
    }

    private static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** {@link #topCountries} from the stored counts per country. */
    List<Map.Entry<String, Long>> storedTopCountries(long segmentId, long snapshotId, int limit) {
        Field<BigDecimal> customers = sum(PLACE_CUSTOMERS);
        return db.select(PLACE_COUNTRY, customers).from(CUSTOM_SEGMENT_FIGURES, COUNTRIES)
                .where(figuresOf(segmentId, snapshotId))
                .groupBy(PLACE_COUNTRY).orderBy(customers.desc(), PLACE_COUNTRY).limit(limit)
                .fetch(r -> Map.entry(r.value1() == null ? "(unknown)" : r.value1(), r.value2().longValue()));
    }

    /** {@link #topProducts} from the stored product sums (net units, net cents and buyers per product). */
    List<ProductFigure> storedTopProducts(long segmentId, long snapshotId, int limit) {
        var sums = db.select(ITEM_PRODUCT, sum(ITEM_UNITS).as(ITEM_UNITS), sum(ITEM_CENTS).as(ITEM_CENTS),
                        sum(ITEM_BUYERS).as(ITEM_BUYERS))
                .from(CUSTOM_SEGMENT_FIGURES, ITEMS)
                .where(figuresOf(segmentId, snapshotId))
                .groupBy(ITEM_PRODUCT)
                .asTable("sums");
        Field<BigDecimal> units = sums.field(ITEM_UNITS.getName(), BigDecimal.class);
        Field<BigDecimal> cents = sums.field(ITEM_CENTS.getName(), BigDecimal.class);
        Field<BigDecimal> buyers = sums.field(ITEM_BUYERS.getName(), BigDecimal.class);
        return db.select(DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION, buyers, units, cents)
                .from(sums)
                .join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(sums.field(ITEM_PRODUCT.getName(), Integer.class)))
                .orderBy(cents.desc(), DIM_PRODUCT.PRODUCT_CODE)
                .limit(limit)
                .fetch(r -> new ProductFigure(r.value1(), r.value2(), r.value3().longValueExact(),
                        r.value4().longValueExact(), r.value5().movePointLeft(2)));
    }

    /**
     * Whether the stored figures hold the segment's overlaps (V37) in the scope: written for every region where the
     * segment has members.
     */
    boolean hasStoredOverlap(long segmentId, long snapshotId) {
        return hasFigures(segmentId, snapshotId) && !db.fetchExists(CUSTOM_SEGMENT_FIGURES,
                figuresOf(segmentId, snapshotId), CUSTOM_SEGMENT_FIGURES.CUSTOMERS.gt(0),
                CUSTOM_SEGMENT_FIGURES.RFM_SEGMENTS.isNull());
    }

    /**
     * How many of a stored segment's members in the scope each other custom segment of the snapshot shares, and how
     * many are in each RFM segment, by {@link SegmentRef#key()}.
     */
    Map<String, Long> storedShares(long segmentId, long snapshotId) {
        Map<String, Long> shares = new java.util.HashMap<>();
        db.resultQuery("""
                SELECT 'custom:' || o.other, sum(o.n) FROM custom_segment_figures f,
                    unnest(f.shared_segments, f.shared_customers) AS o(other, n)
                WHERE f.segment_id = {0} AND f.snapshot_id = {1} GROUP BY o.other
                UNION ALL
                SELECT 'rfm:' || o.label, sum(o.n) FROM custom_segment_figures f,
                    unnest(f.rfm_segments, f.rfm_customers) AS o(label, n)
                WHERE f.segment_id = {0} AND f.snapshot_id = {1} GROUP BY o.label""", inline(segmentId),
                        inline(snapshotId))
                .forEach(r -> shares.put(r.get(0, String.class), r.get(1, Long.class)));
        return shares;
    }

    /** Customers of an RFM segment at the snapshot in the scope. */
    long rfmCount(long snapshotId, String segment) {
        return summaryCustomers(snapshotId, SNAP_SEGMENT_SUMMARY.SEGMENT.eq(segment));
    }

    /**
     * The stored members (or those of them who joined) with the most net revenue of each of the scope's regions (at
     * most {@code StoredFiguresWriter.TOP_MEMBERS} each), or empty when a region with members lacks them.
     */
    Optional<List<Long>> storedTopMembers(long segmentId, long snapshotId, boolean joined) {
        var f = CUSTOM_SEGMENT_FIGURES;
        var rows = db.select(f.CUSTOMERS, joined ? f.TOP_JOINED : f.TOP_MEMBERS).from(f)
                .where(figuresOf(segmentId, snapshotId)).fetch();
        List<Long> ids = new ArrayList<>();
        for (var row : rows) {
            if (row.value1() > 0 && row.value2() == null) {
                return Optional.empty();
            }
            if (row.value2() != null) {
                ids.addAll(Arrays.asList(row.value2()));
            }
        }
        return Optional.of(ids);
    }

    /**
     * Joined, left and stayed from the stored counts, with the earlier snapshot they count against; empty when that
     * snapshot is gone (removed by the retention since), so that the movement is counted against the one before.
     */
    Optional<Movement> storedMovement(long segmentId, Snap snapshot) {
        var f = CUSTOM_SEGMENT_FIGURES;
        Record r = db.select(org.jooq.impl.DSL.max(f.PREVIOUS_SNAPSHOT_ID), sum(f.JOINED), sum(f.LEFT_SEGMENT),
                        sum(f.STAYED))
                .from(f).where(figuresOf(segmentId, snapshot.id())).fetchSingle();
        Long previous = r.get(0, Long.class);
        if (previous == null) {
            return Optional.of(new Movement(null, snapshot.asOf(), longOf(r.get(1)), 0, 0));
        }
        return db.select(SNAPSHOT.AS_OF_DATE).from(SNAPSHOT).where(SNAPSHOT.SNAPSHOT_ID.eq(previous))
                .fetchOptional(SNAPSHOT.AS_OF_DATE)
                .map(from -> new Movement(from, snapshot.asOf(), longOf(r.get(1)), longOf(r.get(2)),
                        longOf(r.get(3))));
    }

    /** Snapshot customers (with dim_customer for country and first purchase) of one snapshot meeting a condition. */
    /**
     * Whether the member list the refresh wrote for the segment at the snapshot (V53) lists what the member list
     * would show now: written (its run marked), every snapshot customer named in the snapshot row's region, and no
     * customer moved, removed or renamed since (see V53).
     */
    boolean listed(long segmentId, long snapshotId) {
        return db.fetchExists(org.jooq.impl.DSL.selectOne().from(CUSTOM_SEGMENT_RUN, SNAPSHOT, WAREHOUSE_VERSION)
                .where(CUSTOM_SEGMENT_RUN.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_RUN.SNAPSHOT_ID.eq(snapshotId),
                        SNAPSHOT.SNAPSHOT_ID.eq(CUSTOM_SEGMENT_RUN.SNAPSHOT_ID), SNAPSHOT.UNNAMED_CUSTOMERS.eq(0),
                        SNAPSHOT.CUSTOMER_MOVES.eq(WAREHOUSE_VERSION.CUSTOMER_MOVES),
                        CUSTOM_SEGMENT_RUN.LIST_RENAMES.eq(WAREHOUSE_VERSION.CUSTOMER_RENAMES)));
    }

    /**
     * The members of a stored list that also are members of the other listed segments and in the RFM segments
     * {@code labels} (an intersection), in the member list's default order (net revenue descending, then customer
     * id descending): the list's index order.
     */
    private SelectLimitStep<Record8<Long, String, String, Integer, Integer, BigDecimal, String, Double>> listed(
            long snapshotId, List<Long> segmentIds, List<String> labels) {
        var l = CUSTOM_SEGMENT_LIST;
        List<Condition> conditions = new ArrayList<>(List.of(l.SNAPSHOT_ID.eq(snapshotId),
                l.SEGMENT_ID.eq(segmentIds.getFirst())));
        for (Long other : segmentIds.subList(1, segmentIds.size())) {
            var o = CUSTOM_SEGMENT_LIST.as("other_" + conditions.size());
            conditions.add(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(o).where(
                    o.SNAPSHOT_ID.eq(snapshotId), o.SEGMENT_ID.eq(other), o.CUSTOMER_ID.eq(l.CUSTOMER_ID))));
        }
        labels.forEach(label -> conditions.add(l.SEGMENT.eq(label)));
        return db.select(l.CUSTOMER_ID, l.NAME, DIM_REGION.NAME, l.RECENCY_DAYS, l.FREQUENCY, l.MONETARY, l.SEGMENT,
                        l.CLV)
                .from(l).leftJoin(DIM_REGION).on(DIM_REGION.REGION_ID.eq(l.REGION_ID))
                .where(conditions)
                .orderBy(l.MONETARY.desc().nullsLast(), l.CUSTOMER_ID.desc());
    }

    /** A page of {@link #listed(long, List, List)}: the list's index read from the start. */
    List<CellCustomer> listedPage(long snapshotId, List<Long> segmentIds, List<String> labels, int offset, int limit) {
        return listed(snapshotId, segmentIds, labels).offset(offset).limit(limit)
                .fetch(CustomerListQuery::toCustomer);
    }

    /**
     * Streams {@link #listed(long, List, List)}. A streamed query is planned for all its rows, and the planner may
     * sort them rather than read the index in order (the first rows then wait for the last): sorting is discouraged
     * for this statement only, and put back after, as for the churn-risk export.
     */
    void eachListed(long snapshotId, List<Long> segmentIds, List<String> labels, Consumer<CellCustomer> sink) {
        String sort = String.valueOf(db.fetchValue("SELECT current_setting('enable_sort')"));
        db.execute("SELECT set_config('enable_sort', 'off', true)");
        try (var rows = listed(snapshotId, segmentIds, labels).fetchSize(1_000).stream()) {
            rows.map(CustomerListQuery::toCustomer).forEach(sink);
        } finally {
            db.execute("SELECT set_config('enable_sort', {0}, true)", org.jooq.impl.DSL.val(sort));
        }
    }

    private static Condition at(long snapshotId, Condition members) {
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId).and(members);
    }

    /**
     * How many customers each pair of segments shares (the diagonal: each segment's size), in one pass over the
     * snapshot's customers of any of them rather than one count per pair (ten counts for four segments).
     */
    long[][] overlap(long snapshotId, List<Condition> members) {
        int n = members.size();
        List<Field<Integer>> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                counts.add(count().filterWhere(members.get(i).and(members.get(j))));
            }
        }
        var row = db.select(counts).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshotId, org.jooq.impl.DSL.or(members))).fetchSingle();
        long[][] overlap = new long[n][n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                overlap[i][j] = ((Number) row.get(k++)).longValue();
                overlap[j][i] = overlap[i][j];
            }
        }
        return overlap;
    }

    /** How many of the snapshot's customers meet each condition, in one pass over those meeting any. */
    long[] countEach(long snapshotId, List<Condition> conditions) {
        var row = db.select(conditions.stream().map(c -> count().filterWhere(c)).toList()).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshotId, org.jooq.impl.DSL.or(conditions))).fetchSingle();
        long[] counts = new long[conditions.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ((Number) row.get(i)).longValue();
        }
        return counts;
    }

    long countMembers(long snapshotId, Condition members) {
        return db.select(count()).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshotId, members)).fetchSingle().value1();
    }

    Preview preview(Snap snapshot, Condition members, int rows) {
        var r = db.select(count().filterWhere(members), sum(SNAP_CUSTOMER.MONETARY).filterWhere(members), count())
                .from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshot.id())).fetchSingle();
        List<CellCustomer> first = r.value1() == 0 ? List.of()
                : CustomerListQuery.page(db, snapshot.id(), at(snapshot.id(), members), CustomerOrder.BY_MONETARY, 0, rows);
        return new Preview(snapshot.asOf(), r.value1(), r.value2() == null ? BigDecimal.ZERO : r.value2(), r.value3(),
                first);
    }

    SegmentFigures figures(String name, String source, Snap snapshot, Condition members) {
        List<Field<?>> fields = new ArrayList<>(List.of(count(), sum(SNAP_CUSTOMER.MONETARY), sum(SNAP_CUSTOMER.FREQUENCY),
                avg(SNAP_CUSTOMER.RECENCY_DAYS), avg(SNAP_CUSTOMER.FREQUENCY), avg(SNAP_CUSTOMER.CLV),
                avg(SNAP_CUSTOMER.P_ALIVE)));
        for (Field<Short> score : List.of(SNAP_CUSTOMER.R_SCORE, SNAP_CUSTOMER.F_SCORE, SNAP_CUSTOMER.M_SCORE)) {
            for (int s = 1; s <= 5; s++) {
                fields.add(count().filterWhere(score.eq((short) s)));
            }
        }
        Record r = db.select(fields).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshot.id(), members)).fetchSingle();
        long base = countMembers(snapshot.id(), org.jooq.impl.DSL.noCondition());
        long customers = ((Number) r.get(0)).longValue();
        BigDecimal revenue = r.get(1) == null ? BigDecimal.ZERO : (BigDecimal) r.get(1);
        long invoices = r.get(2) == null ? 0 : ((Number) r.get(2)).longValue();
        List<List<Long>> scores = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<Long> counts = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                counts.add(((Number) r.get(7 + k * 5 + s)).longValue());
            }
            scores.add(counts);
        }
        return new SegmentFigures(name, source, snapshot.asOf(), customers, base, revenue,
                invoices == 0 ? null : revenue.divide(BigDecimal.valueOf(invoices), 2, RoundingMode.HALF_EVEN),
                number(r.get(3)), number(r.get(4)), number(r.get(5)), number(r.get(6)),
                scores.get(0), scores.get(1), scores.get(2));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** Top countries of the members: country and customers, most first. */
    List<Map.Entry<String, Long>> topCountries(long snapshotId, Condition members, int limit) {
        return db.select(DIM_CUSTOMER.COUNTRY, count()).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshotId, members))
                .groupBy(DIM_CUSTOMER.COUNTRY).orderBy(count().desc(), DIM_CUSTOMER.COUNTRY).limit(limit)
                .fetch(r -> Map.entry(r.value1() == null ? "(unknown)" : r.value1(), (long) r.value2()));
    }

    /**
     * Products bringing the members the most net revenue (all their lines up to the as-of date, returns netted), in
     * two steps: the top products by the members' revenue (sums only, one hash aggregate), then how many distinct
     * members bought each of those few products (a distinct count over every product took seconds at 1 M lines).
     */
    List<ProductFigure> topProducts(Snap snapshot, Condition members, int limit) {
        var memberIds = select(SNAP_CUSTOMER.CUSTOMER_ID).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(at(snapshot.id(), members));
        int before = snapshot.asOf().getYear() * 10_000 + snapshot.asOf().getMonthValue() * 100
                + snapshot.asOf().getDayOfMonth();
        // Summed by product id alone, the product's code and name joined to the sums afterwards: joining every
        // line to dim_product first cost 1.1 of 2.7 s for a segment of half the customers at 1 M lines.
        Field<BigDecimal> revenueSum = sum(FACT_SALES.NET_AMOUNT).as("revenue");
        Field<BigDecimal> unitsSum = sum(FACT_SALES.QUANTITY).as("units");
        var sums = db.select(FACT_SALES.PRODUCT_ID, unitsSum, revenueSum).from(FACT_SALES)
                .where(FACT_SALES.CUSTOMER_ID.in(memberIds), FACT_SALES.DATE_KEY.lt(before))
                .groupBy(FACT_SALES.PRODUCT_ID).asTable("sums");
        Field<BigDecimal> revenue = sums.field(revenueSum);
        var top = db.select(DIM_PRODUCT.PRODUCT_ID, DIM_PRODUCT.PRODUCT_CODE, DIM_PRODUCT.DESCRIPTION,
                        sums.field(unitsSum), revenue)
                .from(sums).join(DIM_PRODUCT).on(DIM_PRODUCT.PRODUCT_ID.eq(sums.field(FACT_SALES.PRODUCT_ID)))
                .orderBy(revenue.desc(), DIM_PRODUCT.PRODUCT_CODE).limit(limit)
                .fetch();
        if (top.isEmpty()) {
            return List.of();
        }
        Map<Integer, Integer> buyers = db.select(FACT_SALES.PRODUCT_ID,
                        org.jooq.impl.DSL.countDistinct(FACT_SALES.CUSTOMER_ID))
                .from(FACT_SALES)
                .where(FACT_SALES.PRODUCT_ID.in(top.getValues(DIM_PRODUCT.PRODUCT_ID)),
                        FACT_SALES.CUSTOMER_ID.in(memberIds), FACT_SALES.DATE_KEY.lt(before))
                .groupBy(FACT_SALES.PRODUCT_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
        return top.map(r -> new ProductFigure(r.value2(), r.value3(), buyers.getOrDefault(r.value1(), 0),
                r.value4().longValue(), r.value5()));
    }

    List<CellCustomer> page(long snapshotId, Condition members, CustomerOrder order, int offset, int limit) {
        return CustomerListQuery.page(db, snapshotId, at(snapshotId, members), order, offset, limit);
    }

    void each(long snapshotId, Condition members, CustomerOrder order, Consumer<CellCustomer> sink) {
        CustomerListQuery.each(db, snapshotId, at(snapshotId, members), order, sink);
    }

    List<SizePoint> sizes(long segmentId) {
        return db.select(SNAPSHOT.SNAPSHOT_ID, SNAPSHOT.AS_OF_DATE, SNAPSHOT.CREATED_AT, CUSTOM_SEGMENT_RUN.VERSION,
                        org.jooq.impl.DSL.coalesce(select(sum(CUSTOM_SEGMENT_MEMBER.CUSTOMERS)).from(CUSTOM_SEGMENT_MEMBER)
                                .where(CUSTOM_SEGMENT_MEMBER.SEGMENT_ID.eq(segmentId),
                                        CUSTOM_SEGMENT_MEMBER.SNAPSHOT_ID.eq(SNAPSHOT.SNAPSHOT_ID))
                                .asField(), inline(BigDecimal.ZERO)))
                .from(CUSTOM_SEGMENT_RUN).join(SNAPSHOT).on(SNAPSHOT.SNAPSHOT_ID.eq(CUSTOM_SEGMENT_RUN.SNAPSHOT_ID))
                .where(CUSTOM_SEGMENT_RUN.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_RUN.STATUS.eq("EVALUATED"))
                .orderBy(SNAPSHOT.SNAPSHOT_ID)
                .fetch(r -> new SizePoint(r.value1(), r.value2(), r.value3(), r.value4(), ((Number) r.value5()).longValue()));
    }

    /** Per segment, the as-of date of the latest snapshot a refresh stored its members for. */
    Map<Long, LocalDate> lastEvaluated() {
        Map<Long, LocalDate> last = new java.util.HashMap<>();
        db.select(CUSTOM_SEGMENT_RUN.SEGMENT_ID, org.jooq.impl.DSL.max(SNAPSHOT.AS_OF_DATE)).from(CUSTOM_SEGMENT_RUN)
                .join(SNAPSHOT).on(SNAPSHOT.SNAPSHOT_ID.eq(CUSTOM_SEGMENT_RUN.SNAPSHOT_ID))
                .where(CUSTOM_SEGMENT_RUN.STATUS.eq("EVALUATED"))
                .groupBy(CUSTOM_SEGMENT_RUN.SEGMENT_ID)
                .forEach(r -> last.put(r.value1(), r.value2()));
        return last;
    }

    /** The last evaluation's outcome for the current snapshot: status and message, if the refresh evaluated it. */
    Optional<String[]> lastRun(long segmentId, long snapshotId) {
        return db.select(CUSTOM_SEGMENT_RUN.STATUS, CUSTOM_SEGMENT_RUN.MESSAGE).from(CUSTOM_SEGMENT_RUN)
                .where(CUSTOM_SEGMENT_RUN.SEGMENT_ID.eq(segmentId), CUSTOM_SEGMENT_RUN.SNAPSHOT_ID.eq(snapshotId))
                .fetchOptional(r -> new String[] {r.value1(), r.value2()});
    }

    /** Customer name, membership and each criterion's value and verdict, for one customer of the snapshot. */
    Optional<Record> why(long snapshotId, long customerId, List<Field<?>> fields) {
        return db.select(fields).from(SNAP_CUSTOMER)
                .leftJoin(DIM_CUSTOMER).on(DIM_CUSTOMER.CUSTOMER_ID.eq(SNAP_CUSTOMER.CUSTOMER_ID))
                .where(SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshotId), SNAP_CUSTOMER.CUSTOMER_ID.eq(customerId))
                .fetchOptional();
    }

    /** The regions in the scope with customers in the snapshot, for region-level counts. */
    List<Short> regionIds(long snapshotId) {
        return db.selectDistinct(SNAP_SEGMENT_SUMMARY.REGION_ID).from(SNAP_SEGMENT_SUMMARY)
                .where(SNAP_SEGMENT_SUMMARY.SNAPSHOT_ID.eq(snapshotId)).fetch(SNAP_SEGMENT_SUMMARY.REGION_ID);
    }
}
