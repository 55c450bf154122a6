package com.consumer360.customsegments;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.TestRefresh;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.warehouse.CellCustomer;
import com.consumer360.warehouse.CustomerOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Dynamic membership: a refresh stores, per snapshot and region, exactly the members an independent SQL evaluation
 * of each segment's current version finds in the new snapshot; a segment whose evaluation fails is recorded as
 * FAILED and named in the job history, while the refresh succeeds and the other segments are stored. An edit is
 * evaluated as its new version by the next refresh. Readers get the stored members in their own scope.
 */
@PortalIntegration
class SegmentRefreshEvaluationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CustomSegmentService segments;
    @Autowired
    SegmentEvaluation evaluation;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void noFault() {
        evaluation.setFaultHook(name -> { });
    }

    private static SegmentDefinition parse(CustomSegmentService service, String json) {
        return service.parse(json);
    }

    @Test
    void everySegmentIsStoredAsSqlFindsItAndAFailureStaysAlone() throws Exception {
        String product = SegmentSql.strings("SELECT p.product_code FROM fact_sales f JOIN dim_product p "
                + "USING (product_id) GROUP BY p.product_code ORDER BY count(*) DESC, p.product_code LIMIT 1").getFirst();
        String mixedJson = "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"FREQUENCY\",\"operator\":\"GREATER\","
                + "\"values\":[\"2\"]},{\"match\":\"ANY\",\"rules\":[{\"attribute\":\"RECENCY_DAYS\",\"operator\":"
                + "\"LESS\",\"values\":[\"60\"]},{\"attribute\":\"M_SCORE\",\"operator\":\"IN\",\"values\":[\"5\"]}]}]}";
        String mixedSql = "sc.frequency > 2 AND (sc.recency_days < 60 OR sc.m_score = 5)";
        String boughtJson = "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"BOUGHT_PRODUCT\",\"operator\":\"IN\","
                + "\"values\":[\"" + product + "\"],\"days\":180}]}";
        String boughtSql = "sc.customer_id IN (SELECT f.customer_id FROM fact_sales f JOIN dim_product p USING "
                + "(product_id) WHERE p.product_code = '" + product + "' AND NOT f.is_cancellation AND f.quantity > 0 "
                + "AND to_date(f.date_key::text, 'YYYYMMDD') >= s.as_of_date - 180 "
                + "AND to_date(f.date_key::text, 'YYYYMMDD') < s.as_of_date)";
        long[] ids = SignedIn.call(users, "csops", () -> new long[] {
            segments.create(new SegmentDraft("Evaluation mixed", "", Set.of("REGIONAL_MANAGER"),
                    parse(segments, mixedJson))),
            segments.create(new SegmentDraft("Evaluation bought", "", Set.of(), parse(segments, boughtJson))),
            segments.create(new SegmentDraft("Evaluation fails on purpose", "", Set.of(),
                    parse(segments, "{\"match\":\"ALL\",\"rules\":[{\"attribute\":\"RECENCY_DAYS\",\"operator\":"
                            + "\"LESS\",\"values\":[\"30\"]}]}")))});
        try {
            evaluation.setFaultHook(name -> {
                if (name.equals("Evaluation fails on purpose")) {
                    throw new IllegalStateException("injected failure");
                }
            });
            TestRefresh.withHistory(context, "test:segment-evaluation", 0);
            long run = superuserLong("SELECT max(run_id) FROM refresh_run WHERE started_by = 'test:segment-evaluation'");
            assertThat(text("SELECT status FROM refresh_run WHERE run_id = " + run)).isEqualTo("SUCCEEDED");
            assertThat(text("SELECT error_message FROM refresh_run WHERE run_id = " + run))
                    .containsPattern("Custom segments: \\d+ evaluated, 1 failed \\(Evaluation fails on purpose\\)");
            long snapshot = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
            assertThat(superuserLong("SELECT snapshot_id FROM refresh_run WHERE run_id = " + run)).isEqualTo(snapshot);

            assertStored(ids[0], snapshot, 1, mixedSql);
            assertStored(ids[1], snapshot, 1, boughtSql);
            assertThat(text("SELECT status || ': ' || message FROM custom_segment_run WHERE segment_id = " + ids[2]
                    + " AND snapshot_id = " + snapshot)).isEqualTo("FAILED: injected failure");
            assertThat(superuserLong("SELECT count(*) FROM custom_segment_member WHERE segment_id = " + ids[2]))
                    .isZero();

            // north reads the stored members of the shared segment: the North ones only.
            TreeSet<Long> north = SegmentSql.ids(mixedSql, new Short[] {1});
            SegmentRef mixed = new SegmentRef.Custom(ids[0]);
            List<Long> listed = SignedIn.call(users, "north", () -> segments.members(List.of(mixed),
                    CustomerOrder.BY_MONETARY, 0, 100_000)).stream().map(CellCustomer::customerId).toList();
            assertThat(new TreeSet<>(listed)).isEqualTo(north);
            assertThat(SignedIn.call(users, "north", () -> segments.figures(mixed).source())).isEqualTo("version 1");

            // An edit is evaluated live until the next refresh stores it as version 2.
            String editedJson = mixedJson.replace("\"2\"", "\"3\"");
            String editedSql = mixedSql.replace("> 2", "> 3");
            SignedIn.call(users, "csops", () -> segments.update(ids[0], new SegmentDraft("Evaluation mixed", "edited",
                    Set.of("REGIONAL_MANAGER"), parse(segments, editedJson))));
            assertThat(SignedIn.call(users, "csops", () -> segments.figures(mixed))).satisfies(f -> {
                assertThat(f.source()).startsWith("version 2, evaluated live");
                assertThat(f.customers()).isEqualTo(SegmentSql.ids(editedSql, SegmentMembershipTest.ALL).size());
            });
            evaluation.setFaultHook(name -> { });
            TestRefresh.withHistory(context, "test:segment-evaluation", 0);
            long next = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
            assertStored(ids[0], next, 2, editedSql);
            assertStored(ids[2], next, 1, "sc.recency_days < 30");
            assertThat(SignedIn.call(users, "csops", () -> segments.sizes(ids[0]))).extracting(SizePoint::version)
                    .endsWith(1, 2);
        } finally {
            SignedIn.call(users, "csops", () -> {
                for (long id : ids) {
                    segments.delete(id);
                }
                return null;
            });
        }
    }

    /** The stored members equal the SQL evaluation, region by region, with the right version and counts. */
    private static void assertStored(long segment, long snapshot, int version, String where) throws Exception {
        assertThat(text("SELECT status FROM custom_segment_run WHERE segment_id = " + segment + " AND snapshot_id = "
                + snapshot)).isEqualTo("EVALUATED");
        TreeSet<Long> stored = new TreeSet<>();
        try (Connection c = com.consumer360.support.TestDatabase.connectAs("postgres");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT unnest(customer_ids) FROM custom_segment_member WHERE segment_id = "
                     + segment + " AND snapshot_id = " + snapshot)) {
            while (r.next()) {
                stored.add(r.getLong(1));
            }
        }
        assertThat(stored).as("segment " + segment + ": " + where).isNotEmpty()
                .isEqualTo(SegmentSql.ids(where, SegmentMembershipTest.ALL));
        assertThat(superuserLong("SELECT count(*) FROM custom_segment_member m CROSS JOIN unnest(m.customer_ids) id "
                + "JOIN snap_customer sc ON sc.customer_id = id AND sc.snapshot_id = m.snapshot_id "
                + "WHERE m.segment_id = " + segment + " AND m.snapshot_id = " + snapshot
                + " AND (sc.region_id <> m.region_id OR m.version <> " + version
                + " OR m.customers <> cardinality(m.customer_ids))")).as("regions, version and counts").isZero();
    }

    private static String text(String sql) throws Exception {
        return SegmentSql.strings(sql).getFirst();
    }
}
