package com.consumer360.security.matrix;

import com.consumer360.basket.BasketService;
import com.consumer360.basket.RuleFilter;
import com.consumer360.basket.RuleOrder;
import com.consumer360.behaviour.BehaviourFilter;
import com.consumer360.behaviour.BehaviourService;
import com.consumer360.behaviour.GroupComparison;
import com.consumer360.behaviour.GroupRule;
import com.consumer360.clv.ChurnThresholds;
import com.consumer360.clv.ClvService;
import com.consumer360.cohorts.CohortFilter;
import com.consumer360.cohorts.CohortService;
import com.consumer360.cohorts.RetentionMatrix;
import com.consumer360.customsegments.Attribute;
import com.consumer360.customsegments.CustomSegmentService;
import com.consumer360.customsegments.Match;
import com.consumer360.customsegments.Movement;
import com.consumer360.customsegments.Operator;
import com.consumer360.customsegments.Rule;
import com.consumer360.customsegments.SegmentDefinition;
import com.consumer360.customsegments.SegmentFigures;
import com.consumer360.customsegments.SegmentPagesFixture;
import com.consumer360.customsegments.SegmentRef;
import com.consumer360.customsegments.SegmentSummary;
import com.consumer360.export.ExportFormat;
import com.consumer360.ingest.IngestService;
import com.consumer360.rfm.CustomerSearchService;
import com.consumer360.rfm.RfmMatrix;
import com.consumer360.rfm.RfmService;
import com.consumer360.sales.SalesFilter;
import com.consumer360.sales.SalesOverview;
import com.consumer360.sales.SalesService;
import com.consumer360.summary.DigestService;
import com.consumer360.summary.SnapshotRef;
import com.consumer360.summary.SummaryService;
import com.consumer360.summary.WeeklySummary;
import com.consumer360.support.TestDatabase;
import com.consumer360.warehouse.CustomerOrder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coverage registry of {@link RoleByPathMatrixTest}: for every public method of every {@code @Service} either a
 * {@link Probe} that calls it (key {@code SimpleClassName.method}, one probe for all overloads) or a reason why it
 * returns no customer-level or aggregate data; for every {@code @Route} view, how its data reaches it. A new service
 * method or view that is in neither fails the build — add one line here (see docs/security.md, "Adding a path").
 */
final class PathCoverage {

    /** A region filter naming every region: a crafted filter must never widen the scope. */
    static final Set<Short> EVERY_REGION = Set.of((short) 1, (short) 2, (short) 3, (short) 4, (short) 5);
    /** Rule sets to ask for: all-region (0) and each region, whether the user may see it or not. */
    static final short[] RULE_SETS = {0, 1, 2, 3, 4, 5};
    static final CustomerOrder ORDER = CustomerOrder.BY_MONETARY;
    static final SalesFilter EVERY_REGION_SALES = new SalesFilter(null, null, EVERY_REGION);

    /**
     * Custom segments defined by csops without a region criterion (members in every region), set up with stored
     * members at two snapshots by {@link RoleByPathMatrixTest} before the probes run.
     */
    static SegmentPagesFixture segments;

    static final Map<String, Probe> PROBES = new LinkedHashMap<>();
    static final Map<String, String> NOT_DATA_BEARING = new LinkedHashMap<>();
    /** Each view and how its data is covered; its constructor may take only discovered services. */
    static final Map<String, String> VIEWS = new LinkedHashMap<>();
    /** What a view may take besides services, and why that is safe. */
    static final Map<String, String> VIEW_DEPENDENCIES = Map.of(
            "com.consumer360.refresh.RefreshProgressBroadcaster", "background push to the admin's refresh page: each"
                    + " listener runs in the scope of the user who registered it (ProgressListenerScopeTest)",
            "org.springframework.beans.factory.ObjectProvider", "lazy access to a service (RefreshView's RefreshService)");

    static {
        sales();
        search();
        rfm();
        cohorts();
        behaviour();
        summary();
        clv();
        basket();
        customSegments();
        ingest();
        notDataBearing();
        views();
    }

    private PathCoverage() {
    }

    private static void probe(String path, Probe probe) {
        if (PROBES.put(path, probe) != null) {
            throw new IllegalStateException("two probes for " + path);
        }
    }

    private static void sales() {
        probe("SalesService.overview", (beans, o) -> {
            SalesOverview overview = o.result(beans.getBean(SalesService.class).overview());
            o.figure("net revenue by region", overview.byRegion().stream().map(SalesOverview.RegionSales::netRevenue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add), superuserDecimal(
                    "SELECT coalesce(sum(net_amount), 0) FROM fact_sales WHERE region_id = ANY (?::smallint[])", o));
            o.figure("net revenue by month", overview.byMonth().stream().map(SalesOverview.MonthlySales::netRevenue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add), superuserDecimal(
                    "SELECT coalesce(sum(net_amount), 0) FROM fact_sales WHERE region_id = ANY (?::smallint[])", o));
            // A crafted filter naming every region over the whole period.
            SalesOverview crafted = o.result(beans.getBean(SalesService.class).overview(EVERY_REGION_SALES));
            o.figure("net revenue by region, every region asked for", crafted.byRegion().stream()
                    .map(SalesOverview.RegionSales::netRevenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                    superuserDecimal("SELECT coalesce(sum(net_amount), 0) FROM fact_sales"
                            + " WHERE region_id = ANY (?::smallint[])", o));
        });
        probe("SalesService.topProducts", (beans, o) -> {
            var top = o.result(beans.getBean(SalesService.class).topProducts(SalesFilter.ALL));
            o.figure("net units of the top product", top.topByUnits().isEmpty() ? BigDecimal.ZERO
                    : BigDecimal.valueOf(top.topByUnits().getFirst().units()), superuserDecimal(
                    "SELECT coalesce(max(u), 0) FROM (SELECT sum(quantity) AS u FROM fact_sales"
                            + " WHERE region_id = ANY (?::smallint[]) GROUP BY product_id) p", o));
            // A crafted filter naming every region: still only the reader's lines.
            var crafted = o.result(beans.getBean(SalesService.class).topProducts(EVERY_REGION_SALES));
            o.figure("net revenue of the top product, every region asked for", crafted.topByRevenue().isEmpty()
                    ? BigDecimal.ZERO : crafted.topByRevenue().getFirst().netRevenue(), superuserDecimal(
                    "SELECT coalesce(max(r), 0) FROM (SELECT sum(net_amount) AS r FROM fact_sales"
                            + " WHERE region_id = ANY (?::smallint[]) GROUP BY product_id) p", o));
        });
        probe("SalesService.regions", (beans, o) -> o.result(beans.getBean(SalesService.class).regions()));
        probe("SalesService.exportByMonth", (beans, o) -> {
            SalesService sales = beans.getBean(SalesService.class);
            o.export(ExportFormat.CSV, out -> sales.exportByMonth(EVERY_REGION_SALES, ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> sales.exportByMonth(SalesFilter.ALL, ExportFormat.XLSX, out));
        });
        probe("SalesService.exportByRegion", (beans, o) -> {
            SalesService sales = beans.getBean(SalesService.class);
            o.export(ExportFormat.CSV, out -> sales.exportByRegion(EVERY_REGION_SALES, ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> sales.exportByRegion(SalesFilter.ALL, ExportFormat.XLSX, out));
        });
    }

    private static void search() {
        // Every region's first customer by id, and texts that match many names in every region.
        probe("CustomerSearchService.search", (beans, o) -> {
            CustomerSearchService search = beans.getBean(CustomerSearchService.class);
            for (long id : oneCustomerPerRegion()) {
                o.result(search.search(Long.toString(id)));
            }
            for (String text : List.of("an", "er", "1", "%", "' OR 1=1 --")) {
                o.result(search.search(text));
            }
        });
    }

    private static void rfm() {
        probe("RfmService.regions", (beans, o) -> o.result(beans.getBean(RfmService.class).regions()));
        probe("RfmService.matrix", (beans, o) -> {
            RfmService rfm = beans.getBean(RfmService.class);
            RfmMatrix matrix = o.result(rfm.matrix(Set.of()));
            o.figure("RFM matrix customers", matrix.cells().stream().mapToLong(RfmMatrix.Cell::customers).sum(),
                    superuserLong("SELECT count(*) FROM snap_customer c JOIN snapshot s USING (snapshot_id)"
                            + " WHERE s.is_current AND c.region_id = ANY (?::smallint[])", o));
            o.result(rfm.matrix(EVERY_REGION));
        });
        probe("RfmService.cellCustomers", (beans, o) -> o.result(beans.getBean(RfmService.class)
                .cellCustomers(5, 5, EVERY_REGION, ORDER, 0, 500)));
        probe("RfmService.exportCellCustomers", (beans, o) -> {
            RfmService rfm = beans.getBean(RfmService.class);
            o.export(ExportFormat.CSV, out -> rfm.exportCellCustomers(1, 1, EVERY_REGION, ORDER, out));
            o.export(ExportFormat.XLSX, out -> rfm.exportCellCustomers(5, 5, EVERY_REGION, ORDER, ExportFormat.XLSX, out));
        });
        probe("RfmService.segmentCustomers", (beans, o) -> o.result(beans.getBean(RfmService.class)
                .segmentCustomers("Champions", EVERY_REGION, ORDER, 0, 500)));
        probe("RfmService.exportSegmentCustomers", (beans, o) -> {
            RfmService rfm = beans.getBean(RfmService.class);
            o.export(ExportFormat.CSV, out -> rfm.exportSegmentCustomers("Champions", EVERY_REGION, ORDER, out));
            o.export(ExportFormat.XLSX, out -> rfm.exportSegmentCustomers("Lost", Set.of(), ORDER, ExportFormat.XLSX, out));
        });
        probe("RfmService.segments", (beans, o) -> o.result(beans.getBean(RfmService.class).segments(EVERY_REGION)));
        probe("RfmService.segmentProfile", (beans, o) -> o.result(beans.getBean(RfmService.class)
                .segmentProfile("Champions", EVERY_REGION)));
        probe("RfmService.exportSegmentProfile", (beans, o) -> o.export(ExportFormat.XLSX, out -> beans
                .getBean(RfmService.class).exportSegmentProfile("Champions", EVERY_REGION, ExportFormat.XLSX, out)));
        probe("RfmService.exportSegments", (beans, o) -> {
            RfmService rfm = beans.getBean(RfmService.class);
            o.export(ExportFormat.CSV, out -> rfm.exportSegments(EVERY_REGION, out));
            o.export(ExportFormat.XLSX, out -> rfm.exportSegments(EVERY_REGION, ExportFormat.XLSX, out));
        });
        probe("RfmService.customer", (beans, o) -> {
            for (long id : oneCustomerPerRegion()) {
                o.result(beans.getBean(RfmService.class).customer(id));
            }
        });
        probe("RfmService.exportCustomerInvoices", (beans, o) -> {
            for (long id : oneCustomerPerRegion()) {
                o.export(ExportFormat.CSV, out -> beans.getBean(RfmService.class)
                        .exportCustomerInvoices(id, ExportFormat.CSV, out));
            }
        });
    }

    private static void cohorts() {
        probe("CohortService.regions", (beans, o) -> o.result(beans.getBean(CohortService.class).regions()));
        probe("CohortService.countries", (beans, o) -> {
            o.result(beans.getBean(CohortService.class).countries(null));
            for (short region : EVERY_REGION) {
                o.filtered(() -> beans.getBean(CohortService.class).countries(region));
            }
        });
        probe("CohortService.segments", (beans, o) -> o.result(beans.getBean(CohortService.class).segments()));
        probe("CohortService.matrix", (beans, o) -> {
            RetentionMatrix matrix = o.result(beans.getBean(CohortService.class).matrix(CohortFilter.ALL));
            o.figure("cohort sizes", matrix.rows().stream().mapToLong(RetentionMatrix.CohortRow::size).sum(),
                    superuserLong("SELECT count(*) FROM snap_cohort_customer c JOIN snapshot s USING (snapshot_id)"
                            + " WHERE s.is_current AND c.region_id = ANY (?::smallint[])", o));
            for (short region : EVERY_REGION) {
                o.filtered(() -> beans.getBean(CohortService.class).matrix(new CohortFilter(null, null, null, region)));
            }
        });
        probe("CohortService.segmentCurve", (beans, o) -> o.result(beans.getBean(CohortService.class)
                .segmentCurve(CohortFilter.ALL, "Champions", true)));
        probe("CohortService.cellCustomers", (beans, o) -> {
            CohortService cohorts = beans.getBean(CohortService.class);
            for (RetentionMatrix.CohortRow row : cohorts.matrix(CohortFilter.ALL).rows().stream().limit(3).toList()) {
                o.result(cohorts.cellCustomers(CohortFilter.ALL, row.cohort(), 0, ORDER, 0, 500));
            }
        });
        probe("CohortService.exportCellCustomers", (beans, o) -> {
            CohortService cohorts = beans.getBean(CohortService.class);
            for (RetentionMatrix.CohortRow row : cohorts.matrix(CohortFilter.ALL).rows().stream().limit(2).toList()) {
                o.export(ExportFormat.CSV, out -> cohorts.exportCellCustomers(CohortFilter.ALL, row.cohort(), 0, ORDER,
                        ExportFormat.CSV, out));
                o.export(ExportFormat.XLSX, out -> cohorts.exportCellCustomers(CohortFilter.ALL, row.cohort(), 1, ORDER,
                        ExportFormat.XLSX, out));
            }
        });
        probe("CohortService.exportMatrix", (beans, o) -> {
            o.export(ExportFormat.CSV, out -> beans.getBean(CohortService.class).exportMatrix(CohortFilter.ALL,
                    ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> beans.getBean(CohortService.class).exportMatrix(CohortFilter.ALL,
                    ExportFormat.XLSX, out));
        });
    }

    private static void behaviour() {
        probe("BehaviourService.regions", (beans, o) -> o.result(beans.getBean(BehaviourService.class).regions()));
        probe("BehaviourService.map", (beans, o) -> o.result(beans.getBean(BehaviourService.class).map(BehaviourFilter.ALL)));
        probe("BehaviourService.compare", (beans, o) -> {
            // Computed from customers kept per region for every user (one cache): each user's figures are checked.
            BehaviourService behaviour = beans.getBean(BehaviourService.class);
            String current = "SELECT count(*) FROM snap_customer c JOIN snapshot s USING (snapshot_id)"
                    + " WHERE s.is_current AND c.region_id = ANY (?::smallint[])";
            for (int asked = 0; asked < 2; asked++) {
                GroupComparison c = o.result(behaviour.compare(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                        GroupRule.BIG_SPENDERS_RARE_VISITS));
                o.figure("behaviour comparison: customers shown", c.customersShown(), superuserLong(current, o));
                o.figure("behaviour comparison: group A", c.a().customers(),
                        superuserLong(current + " AND c.recency_days >= 181 AND c.frequency >= 4", o));
            }
            GroupComparison everyRegion = o.result(behaviour.compare(BehaviourFilter.ALL.inRegions(EVERY_REGION),
                    GroupRule.EVERYONE, GroupRule.EVERYONE));
            o.figure("behaviour comparison: customers shown, every region asked for", everyRegion.customersShown(),
                    superuserLong(current, o));
        });
        probe("BehaviourService.groupCustomers", (beans, o) -> o.result(beans.getBean(BehaviourService.class)
                .groupCustomers(BehaviourFilter.ALL, GroupRule.EVERYONE, ORDER, 0, 1000)));
        probe("BehaviourService.exportGroupCustomers", (beans, o) -> o.export(ExportFormat.CSV, out -> beans
                .getBean(BehaviourService.class).exportGroupCustomers(BehaviourFilter.ALL, GroupRule.EVERYONE, ORDER,
                        ExportFormat.CSV, out)));
        probe("BehaviourService.exportMap", (beans, o) -> o.export(ExportFormat.XLSX, out -> beans
                .getBean(BehaviourService.class).exportMap(BehaviourFilter.ALL, ExportFormat.XLSX, out)));
        probe("BehaviourService.exportComparison", (beans, o) -> o.export(ExportFormat.CSV, out -> beans
                .getBean(BehaviourService.class).exportComparison(BehaviourFilter.ALL, GroupRule.FREQUENT_BUT_LAPSED,
                        GroupRule.BIG_SPENDERS_RARE_VISITS, ExportFormat.CSV, out)));
    }

    private static void summary() {
        probe("SummaryService.snapshots", (beans, o) -> o.result(beans.getBean(SummaryService.class).snapshots()));
        probe("SummaryService.summary", (beans, o) -> o.result(beans.getBean(SummaryService.class)
                .summary(null, null, EVERY_REGION)));
        probe("SummaryService.movers", (beans, o) -> {
            SummaryService summaries = beans.getBean(SummaryService.class);
            List<SnapshotRef> snapshots = summaries.snapshots();
            if (snapshots.size() < 2) {
                throw new IllegalStateException("the test data has fewer than two snapshots");
            }
            long current = snapshots.get(0).id();
            long previous = snapshots.get(1).id();
            WeeklySummary summary = summaries.summary(previous, current, Set.of());
            for (WeeklySummary.Move move : summary.movement().stream().limit(3).toList()) {
                o.result(summaries.movers(previous, current, move.from(), move.to(), EVERY_REGION, ORDER, 0, 500));
            }
        });
        probe("SummaryService.exportMovers", (beans, o) -> {
            SummaryService summaries = beans.getBean(SummaryService.class);
            List<SnapshotRef> snapshots = summaries.snapshots();
            long current = snapshots.get(0).id();
            long previous = snapshots.get(1).id();
            for (WeeklySummary.Move move : summaries.summary(previous, current, Set.of()).movement().stream().limit(2).toList()) {
                o.export(ExportFormat.CSV, out -> summaries.exportMovers(previous, current, move.from(), move.to(),
                        EVERY_REGION, ORDER, ExportFormat.CSV, out));
            }
        });
        probe("SummaryService.exportSummary", (beans, o) -> {
            o.export(ExportFormat.CSV, out -> beans.getBean(SummaryService.class).exportSummary(null, null, EVERY_REGION,
                    ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> beans.getBean(SummaryService.class).exportSummary(null, null, EVERY_REGION,
                    ExportFormat.XLSX, out));
        });
        probe("DigestService.myDigests", (beans, o) -> o.result(beans.getBean(DigestService.class).myDigests()));
        probe("DigestService.myDigest", (beans, o) -> {
            for (long id : superuserLongs("SELECT digest_id FROM digest ORDER BY 1 LIMIT 20")) {
                o.result(beans.getBean(DigestService.class).myDigest(id));
            }
        });
        probe("DigestService.mySettings", (beans, o) -> o.result(beans.getBean(DigestService.class).mySettings()));
    }

    private static void clv() {
        probe("ClvService.regions", (beans, o) -> o.result(beans.getBean(ClvService.class).regions()));
        probe("ClvService.summary", (beans, o) -> o.result(beans.getBean(ClvService.class).summary(EVERY_REGION)));
        probe("ClvService.highValue", (beans, o) -> o.result(beans.getBean(ClvService.class).highValue(EVERY_REGION, 0, 500)));
        probe("ClvService.highValueCount", (beans, o) -> o.result(beans.getBean(ClvService.class).highValueCount(EVERY_REGION)));
        probe("ClvService.exportHighValue", (beans, o) -> {
            o.export(ExportFormat.CSV, out -> beans.getBean(ClvService.class).exportHighValue(EVERY_REGION, ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> beans.getBean(ClvService.class).exportHighValue(Set.of(), ExportFormat.XLSX, out));
        });
        probe("ClvService.churnRisk", (beans, o) -> o.result(beans.getBean(ClvService.class)
                .churnRisk(ChurnThresholds.DEFAULTS, EVERY_REGION, 0, 500)));
        probe("ClvService.churnRiskCount", (beans, o) -> o.result(beans.getBean(ClvService.class)
                .churnRiskCount(ChurnThresholds.DEFAULTS, EVERY_REGION)));
        probe("ClvService.exportChurnRisk", (beans, o) -> o.export(ExportFormat.CSV, out -> beans.getBean(ClvService.class)
                .exportChurnRisk(ChurnThresholds.DEFAULTS, EVERY_REGION, ExportFormat.CSV, out)));
        probe("ClvService.bySegment", (beans, o) -> o.result(beans.getBean(ClvService.class).bySegment(EVERY_REGION)));
        probe("ClvService.clvHistogram", (beans, o) -> o.result(beans.getBean(ClvService.class).clvHistogram(EVERY_REGION)));
        probe("ClvService.pAliveHistogram", (beans, o) -> o.result(beans.getBean(ClvService.class).pAliveHistogram(EVERY_REGION)));
        // The holdout check is cached (HoldoutCache): asked twice, with and without a filter, so a cached answer of
        // another user (the previous user of this matrix asked the same) would be caught here.
        probe("ClvService.modelFit", (beans, o) -> {
            o.result(beans.getBean(ClvService.class).modelFit(Set.of()));
            o.result(beans.getBean(ClvService.class).modelFit(EVERY_REGION));
        });
        // What the page shows at once: the stored check, a cached one of the same regions, or nothing yet.
        probe("ClvService.modelFitAtHand", (beans, o) -> {
            o.result(beans.getBean(ClvService.class).modelFitAtHand(Set.of()).orElse(null));
            o.result(beans.getBean(ClvService.class).modelFitAtHand(EVERY_REGION).orElse(null));
        });
    }

    private static void basket() {
        probe("BasketService.ruleSets", (beans, o) -> o.filtered(() -> beans.getBean(BasketService.class).ruleSets()));
        probe("BasketService.ruleSet", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).ruleSet(set));
            }
        });
        probe("BasketService.count", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).count(RuleFilter.all(set)));
            }
        });
        probe("BasketService.rules", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).rules(RuleFilter.all(set), RuleOrder.BY_RANK, 0, 200));
            }
        });
        probe("BasketService.rule", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).rule(set, 1));
            }
        });
        probe("BasketService.points", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).points(RuleFilter.all(set)));
            }
        });
        probe("BasketService.products", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).products(set, "", 0, 200));
            }
        });
        probe("BasketService.productCount", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.filtered(() -> beans.getBean(BasketService.class).productCount(set, ""));
            }
        });
        probe("BasketService.hasProduct", (beans, o) -> {
            BasketService basket = beans.getBean(BasketService.class);
            for (short set : RULE_SETS) {
                for (String product : basket.products(set, "", 0, 3)) {
                    o.filtered(() -> basket.hasProduct(set, product));
                }
            }
        });
        probe("BasketService.boughtTogether", (beans, o) -> {
            BasketService basket = beans.getBean(BasketService.class);
            for (short set : RULE_SETS) {
                for (String product : basket.products(set, "", 0, 2)) {
                    o.filtered(() -> basket.boughtTogether(set, product, 10));
                }
            }
        });
        probe("BasketService.exportRules", (beans, o) -> {
            for (short set : RULE_SETS) {
                o.export(ExportFormat.CSV, out -> beans.getBean(BasketService.class).exportRules(RuleFilter.all(set),
                        RuleOrder.BY_RANK, ExportFormat.CSV, out));
            }
        });
        probe("BasketService.validate", (beans, o) -> {
            for (short set : RULE_SETS) {
                // a rule set the user cannot see is refused like one that does not exist
                o.filtered(() -> beans.getBean(BasketService.class).validate(RuleFilter.all(set)));
            }
        });
    }

    private static CustomSegmentService customSegmentService(org.springframework.context.ApplicationContext beans) {
        if (segments == null) {
            throw new IllegalStateException("the custom segments of the matrix are not set up");
        }
        return beans.getBean(CustomSegmentService.class);
    }

    /** The fixture's segments and two RFM segments, each alone: "hidden" is shared with executives only. */
    private static List<SegmentRef> segmentRefs() {
        return List.of(new SegmentRef.Custom(segments.often), new SegmentRef.Custom(segments.recent),
                new SegmentRef.Custom(segments.hidden), new SegmentRef.Rfm("Champions"));
    }

    private static String currentMembers(long segment) {
        return "SELECT coalesce(sum(customers), 0) FROM custom_segment_member WHERE segment_id = " + segment
                + " AND snapshot_id = (SELECT snapshot_id FROM snapshot WHERE is_current)"
                + " AND region_id = ANY (?::smallint[])";
    }

    private static final String CURRENT_OFTEN = "SELECT count(*) FROM snap_customer c JOIN snapshot s USING (snapshot_id)"
            + " WHERE s.is_current AND c.region_id = ANY (?::smallint[]) AND c." + SegmentPagesFixture.OFTEN_SQL;

    private static void customSegments() {
        probe("CustomSegmentService.segments", (beans, o) -> {
            List<SegmentSummary> listed = o.result(customSegmentService(beans).segments());
            SegmentSummary often = listed.stream().filter(s -> s.id() == segments.often).findFirst().orElseThrow();
            o.figure("custom segment members in the list", often.members(), superuserLong(currentMembers(segments.often), o));
        });
        probe("CustomSegmentService.segment", (beans, o) -> {
            for (long id : new long[] {segments.often, segments.recent, segments.hidden, Long.MAX_VALUE}) {
                o.result(customSegmentService(beans).segment(id));
            }
        });
        probe("CustomSegmentService.choices", (beans, o) -> o.figure("regions offered by the builder",
                o.result(customSegmentService(beans).choices()).regions().size(), o.regions().size()));
        probe("CustomSegmentService.products", (beans, o) -> {
            for (String text : List.of("a", "%", "' OR 1=1 --")) {
                o.result(customSegmentService(beans).products(text));
            }
        });
        probe("CustomSegmentService.preview", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            com.consumer360.customsegments.Preview often = o.result(service.preview(service.segment(segments.often)
                    .orElseThrow().definition()));
            o.figure("preview customers", often.customers(), superuserLong(CURRENT_OFTEN, o));
            // A crafted definition naming every region: refused for a user who does not see them all.
            o.filtered(() -> service.preview(new SegmentDefinition(new Rule.Group(Match.ALL, List.of(
                    new Rule.Criterion(Attribute.REGION, Operator.IN,
                            List.of("NORTH", "SOUTH", "EAST", "WEST", "CENTRAL"), null),
                    new Rule.Criterion(Attribute.FREQUENCY, Operator.GREATER, List.of("2"), null))))));
        });
        probe("CustomSegmentService.figures", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            SegmentFigures often = o.result(service.figures(new SegmentRef.Custom(segments.often)));
            o.figure("custom segment customers", often.customers(), superuserLong(CURRENT_OFTEN, o));
            o.figure("custom segment base customers", often.baseCustomers(), superuserLong("SELECT count(*) FROM"
                    + " snap_customer c JOIN snapshot s USING (snapshot_id) WHERE s.is_current"
                    + " AND c.region_id = ANY (?::smallint[])", o));
            for (SegmentRef ref : segmentRefs()) {
                o.filtered(() -> service.figures(ref));
            }
        });
        probe("CustomSegmentService.compare", (beans, o) -> o.filtered(() -> customSegmentService(beans)
                .compare(segmentRefs().subList(0, 2))));
        probe("CustomSegmentService.exportComparison", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            o.export(ExportFormat.CSV, out -> service.exportComparison(segmentRefs().subList(0, 2), ExportFormat.CSV, out));
            o.export(ExportFormat.XLSX, out -> service.exportComparison(List.of(segmentRefs().get(0),
                    segmentRefs().get(3)), ExportFormat.XLSX, out));
        });
        probe("CustomSegmentService.overlap", (beans, o) -> {
            o.filtered(() -> customSegmentService(beans).overlap(List.of(segmentRefs().get(0), segmentRefs().get(1),
                    segmentRefs().get(3))));
            o.filtered(() -> customSegmentService(beans).overlap(segmentRefs()));
        });
        probe("CustomSegmentService.topCountries", (beans, o) -> {
            for (SegmentRef ref : segmentRefs()) {
                o.filtered(() -> customSegmentService(beans).topCountries(ref, 50));
            }
        });
        probe("CustomSegmentService.topProducts", (beans, o) -> {
            for (SegmentRef ref : segmentRefs()) {
                o.filtered(() -> customSegmentService(beans).topProducts(ref, 20));
            }
        });
        probe("CustomSegmentService.members", (beans, o) -> {
            for (SegmentRef ref : segmentRefs()) {
                o.filtered(() -> customSegmentService(beans).members(List.of(ref), ORDER, 0, 500));
            }
            o.filtered(() -> customSegmentService(beans).members(segmentRefs().subList(0, 2), ORDER, 0, 500));
        });
        probe("CustomSegmentService.memberCount", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            o.figure("custom segment member count", service.memberCount(List.of(new SegmentRef.Custom(segments.often))),
                    superuserLong(currentMembers(segments.often), o));
            o.figure("custom segment member count", service.memberCount(List.of(new SegmentRef.Custom(segments.recent))),
                    superuserLong(currentMembers(segments.recent), o));
            for (SegmentRef ref : segmentRefs()) {
                o.filtered(() -> service.memberCount(List.of(ref)));
            }
        });
        probe("CustomSegmentService.exportMembers", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            for (SegmentRef ref : segmentRefs()) {
                o.export(ExportFormat.CSV, out -> service.exportMembers(List.of(ref), ORDER, ExportFormat.CSV, out));
            }
            o.export(ExportFormat.XLSX, out -> service.exportMembers(segmentRefs().subList(0, 2), ORDER,
                    ExportFormat.XLSX, out));
        });
        probe("CustomSegmentService.sizes", (beans, o) -> {
            for (long id : new long[] {segments.often, segments.recent, segments.hidden}) {
                o.filtered(() -> customSegmentService(beans).sizes(id));
            }
            List<com.consumer360.customsegments.SizePoint> sizes = customSegmentService(beans).sizes(segments.often);
            o.figure("custom segment size now", sizes.getLast().customers(), superuserLong(currentMembers(segments.often), o));
        });
        probe("CustomSegmentService.movement", (beans, o) -> {
            for (long id : new long[] {segments.often, segments.recent, segments.hidden}) {
                o.filtered(() -> customSegmentService(beans).movement(id));
            }
            Movement often = customSegmentService(beans).movement(segments.often);
            o.figure("joined + stayed = members now", often.joined() + often.stayed(),
                    superuserLong(currentMembers(segments.often), o));
        });
        probe("CustomSegmentService.movers", (beans, o) -> {
            for (long id : new long[] {segments.often, segments.recent, segments.hidden}) {
                for (Movement.Kind kind : Movement.Kind.values()) {
                    o.filtered(() -> customSegmentService(beans).movers(id, kind, ORDER, 0, 500));
                }
            }
        });
        probe("CustomSegmentService.exportMovers", (beans, o) -> {
            CustomSegmentService service = customSegmentService(beans);
            for (Movement.Kind kind : Movement.Kind.values()) {
                o.export(ExportFormat.CSV, out -> service.exportMovers(segments.recent, kind, ORDER, ExportFormat.CSV, out));
            }
            o.export(ExportFormat.XLSX, out -> service.exportMovers(segments.often, Movement.Kind.JOINED, ORDER,
                    ExportFormat.XLSX, out));
            o.export(ExportFormat.CSV, out -> service.exportMovers(segments.hidden, Movement.Kind.STAYED, ORDER,
                    ExportFormat.CSV, out));
        });
        // Every region's first customer (and a frequent buyer of each region): another region's customer is empty.
        probe("CustomSegmentService.why", (beans, o) -> {
            List<Long> customers = new ArrayList<>();
            for (long id : oneCustomerPerRegion()) {
                customers.add(id);
            }
            customers.addAll(superuserLongs("SELECT min(c.customer_id) FROM snap_customer c JOIN snapshot s"
                    + " USING (snapshot_id) WHERE s.is_current AND c." + SegmentPagesFixture.OFTEN_SQL
                    + " GROUP BY c.region_id ORDER BY c.region_id"));
            for (long customer : customers) {
                for (long id : new long[] {segments.often, segments.hidden}) {
                    o.filtered(() -> customSegmentService(beans).why(id, customer));
                }
            }
        });
    }

    private static void ingest() {
        // Admins only (the matrix sees every other role refused); read from dim_customer in the caller's own scope.
        probe("IngestService.existingCountryRegions", (beans, o) -> o.result(beans.getBean(IngestService.class)
                .existingCountryRegions(List.of("Norway", "Spain", "Poland", "France", "Germany", "Narnia"))));
    }

    private static void notDataBearing() {
        NOT_DATA_BEARING.put("AppUserDetailsService.loadUserByUsername",
                "sign-in: reads a user's own account, no customer data (SignInHardeningTest)");
        NOT_DATA_BEARING.put("WarehouseStatusService.freshness", "dates of the last load and refresh only");
        NOT_DATA_BEARING.put("RefreshService.refreshNow", "admin action; runs under SystemScope (RefreshServiceSecurityTest)");
        NOT_DATA_BEARING.put("RefreshService.isRunning", "a flag");
        NOT_DATA_BEARING.put("RefreshService.history", "run metadata and row counts, admins only (RefreshServiceSecurityTest)");
        NOT_DATA_BEARING.put("DigestService.subscribe", "writes the caller's own subscription");
        NOT_DATA_BEARING.put("DigestService.setEmail", "writes the caller's own e-mail address");
        NOT_DATA_BEARING.put("AuditService.events", "the audit trail (who did what), admins only (AuditTrailTest)");
        NOT_DATA_BEARING.put("AuditService.count", "the audit trail, admins only (AuditTrailTest)");
        NOT_DATA_BEARING.put("AuditService.actions", "action names");
        NOT_DATA_BEARING.put("AuditService.export", "the audit trail, admins only (AuditTrailTest)");
        NOT_DATA_BEARING.put("UserAdminService.users", "user accounts, admins only (UserAdminServiceTest)");
        NOT_DATA_BEARING.put("UserAdminService.regions", "all region names for assigning them, admins only");
        NOT_DATA_BEARING.put("UserAdminService.roles", "role names");
        NOT_DATA_BEARING.put("UserAdminService.changes", "user administration audit, admins only");
        NOT_DATA_BEARING.put("UserAdminService.createUser", "admin write (UserAdminServiceTest)");
        NOT_DATA_BEARING.put("UserAdminService.setAccess", "admin write (UserAdminServiceTest)");
        NOT_DATA_BEARING.put("UserAdminService.setEnabled", "admin write (UserAdminServiceTest)");
        NOT_DATA_BEARING.put("UserAdminService.resetPassword", "admin write (UserAdminServiceTest)");
        NOT_DATA_BEARING.put("IngestService.maxBytes", "a configuration value");
        NOT_DATA_BEARING.put("IngestService.format", "the uploaded file's detected encoding and delimiter, admins only (IngestServiceSecurityTest, FormatChoiceImportTest)");
        NOT_DATA_BEARING.put("IngestService.columns", "the uploaded file's header names, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.suggestColumns", "a column mapping computed from header names given by the caller, admins only (IngestServiceSecurityTest, ColumnMappingImportTest)");
        NOT_DATA_BEARING.put("IngestService.checkColumns", "problems of a column mapping against header names given by the caller, admins only (IngestServiceSecurityTest, ColumnMappingImportTest)");
        NOT_DATA_BEARING.put("IngestService.validate", "the uploaded file's own lines, admins only (IngestServiceSecurityTest, BadImportFileTest)");
        NOT_DATA_BEARING.put("IngestService.rowErrors", "the uploaded file's own lines left out, admins only (IngestServiceSecurityTest, ImportViewBrowserTest)");
        NOT_DATA_BEARING.put("IngestService.importFile", "admin write into the warehouse, atomic (IngestServiceSecurityTest, BadImportFileTest)");
        NOT_DATA_BEARING.put("IngestService.validation", "the uploaded file's own cleaning report and first lines, admins only (IngestServiceSecurityTest, ImportViewBrowserTest)");
        NOT_DATA_BEARING.put("IngestService.preview", "the uploaded file's own first lines, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.countries", "the uploaded file's country names, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.regionCodes", "all region codes for mapping countries, admins only");
        NOT_DATA_BEARING.put("IngestService.regionNames", "all region codes and names for mapping countries, admins only");
        NOT_DATA_BEARING.put("IngestService.mapping", "a saved country-to-region mapping, no customer rows, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.mappingNames", "names of saved mappings, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.saveMapping", "admin write of a mapping (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("IngestService.history", "import run metadata and line counts, admins only (IngestServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.sources", "source definitions, marks and last runs, no customer rows, never the password, admins only (SourceServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.save", "admin write of a source definition (SourceServiceSecurityTest, SourcesViewBrowserTest)");
        NOT_DATA_BEARING.put("SourceService.delete", "admin delete of a source definition (SourceServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.testConnection", "reads at most one line of the admin's own source, returns only whether it could (SourceServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.runNow", "admin write into the warehouse, atomic, lines carry their region (SourceRunnerTest, SourceServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.runs", "source run metadata and line counts, admins only (SourceServiceSecurityTest)");
        NOT_DATA_BEARING.put("SourceService.extractTemplate", "the extract SQL text of sql/, admins only");
        NOT_DATA_BEARING.put("CustomSegmentService.canEdit", "a flag from the user's roles");
        NOT_DATA_BEARING.put("CustomSegmentService.create", "CS ops and admin write of a definition, audited"
                + " (SegmentBadInputTest, SegmentPagesScopeTest.theListAndTheBuilderAreScoped, SegmentAuditTest)");
        NOT_DATA_BEARING.put("CustomSegmentService.update", "CS ops and admin write of a new version, audited"
                + " (SegmentBadInputTest, SegmentPagesScopeTest.theListAndTheBuilderAreScoped, SegmentAuditTest)");
        NOT_DATA_BEARING.put("CustomSegmentService.delete", "CS ops and admin delete, audited"
                + " (SegmentPagesScopeTest.theListAndTheBuilderAreScoped, SegmentAuditTest)");
        NOT_DATA_BEARING.put("CustomSegmentService.parse", "reads a definition's JSON; values checked against the"
                + " user's own vocabulary (SegmentBadInputTest)");
        NOT_DATA_BEARING.put("CustomSegmentService.definitionJson", "the definition (criteria), no customer data; a"
                + " segment not shared with the user is empty (SegmentPagesScopeTest.theListAndTheBuilderAreScoped)");
    }

    private static void views() {
        VIEWS.put("SalesView", "SalesService (matrix); SalesViewBrowserTest as north");
        VIEWS.put("RfmMatrixView", "RfmService (matrix); RfmViewsBrowserTest as north");
        VIEWS.put("SegmentsView", "RfmService (matrix); RfmViewsBrowserTest as north");
        VIEWS.put("CustomerView", "RfmService.customer (matrix, every region's customer id); RfmViewsBrowserTest");
        VIEWS.put("CohortsView", "CohortService (matrix); CohortsViewBrowserTest as north");
        VIEWS.put("BehaviourView", "BehaviourService (matrix); BehaviourViewBrowserTest as north");
        VIEWS.put("SummaryView", "SummaryService, RfmService (matrix); SummaryViewBrowserTest as north");
        VIEWS.put("DigestsView", "DigestService (matrix); SummaryViewBrowserTest");
        VIEWS.put("ClvView", "ClvService (matrix); ClvViewBrowserTest as north and exec");
        VIEWS.put("BasketView", "BasketService (matrix); BasketViewBrowserTest");
        VIEWS.put("UsersView", "admins only; UserAdminService; UsersViewBrowserTest");
        VIEWS.put("RefreshView", "admins only; RefreshService; RefreshViewBrowserTest");
        VIEWS.put("LoginView", "anonymous; no data");
        VIEWS.put("SourcesView", "admins only; SourceService, IngestService (mappings, regions); SourcesViewBrowserTest (north refused)");
        VIEWS.put("ImportView", "admins only; IngestService; ImportViewBrowserTest (north refused)");
        VIEWS.put("CustomerSearchView", "CustomerSearchService (matrix); CustomerSearchBrowserTest as north");
        VIEWS.put("CustomSegmentsView", "CustomSegmentService.segments (matrix); SegmentPagesScopeTest");
        VIEWS.put("SegmentBuilderView", "CustomSegmentService choices, products, preview, segment (matrix);"
                + " SegmentPagesScopeTest.theListAndTheBuilderAreScoped");
        VIEWS.put("SegmentView", "CustomSegmentService figures, topCountries, topProducts, members, sizes, movement,"
                + " movers, why and exports (matrix); SegmentPagesScopeTest");
        VIEWS.put("CompareView", "CustomSegmentService compare, overlap, members, exportComparison (matrix);"
                + " SegmentPagesScopeTest");
        VIEWS.put("AuditView", "admins only; AuditService; AuditTrailTest, ViewAsBrowserTest");
    }

    private static long[] oneCustomerPerRegion() throws Exception {
        return superuserLongs("SELECT min(customer_id) FROM dim_customer GROUP BY region_id ORDER BY region_id").stream()
                .mapToLong(Long::longValue).toArray();
    }

    static BigDecimal superuserDecimal(String sql, ScopeObserver o) throws Exception {
        try (Connection c = TestDatabase.connectAs("postgres"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, o.regionArray());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }

    static long superuserLong(String sql, ScopeObserver o) throws Exception {
        return superuserDecimal(sql, o).longValueExact();
    }

    static List<Long> superuserLongs(String sql) throws Exception {
        List<Long> values = new ArrayList<>();
        try (Connection c = TestDatabase.connectAs("postgres"); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                values.add(r.getLong(1));
            }
        }
        return values;
    }
}
