package com.consumer360.customsegments;

import static com.consumer360.customsegments.SegmentPagesFixture.OFTEN_SQL;
import static com.consumer360.customsegments.SegmentPagesFixture.RECENT_SQL;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import com.consumer360.warehouse.CustomerOrder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The segment pages' figures (comparison, overlap, movement, size history) equal independent SQL over the
 * snapshots as superuser in the reader's scope, for north and for exec; north's lists and exports hold North
 * customers only, and a segment not shared with regional managers does not exist for north.
 */
@PortalIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentPagesScopeTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String PREVIOUS = "(SELECT max(snapshot_id) FROM snapshot WHERE snapshot_id < " + CURRENT + ")";
    private static final String NORTH = "1";

    @Autowired
    ApplicationContext context;
    @Autowired
    CustomSegmentService service;
    @Autowired
    CustomSegmentQueries queries;
    @Autowired
    UserDetailsService users;
    SegmentPagesFixture segments;

    @BeforeAll
    void createSegmentsAndRefresh() throws Exception {
        segments = new SegmentPagesFixture(context);
    }

    @AfterAll
    void deleteSegments() throws Exception {
        segments.close();
    }

    /** The user's scope as a condition on snap_customer's region. */
    private static String scope(String user) {
        return "north".equals(user) ? " AND region_id = " + NORTH : "";
    }

    private static long count(String user, String condition) throws Exception {
        return superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND (" + condition
                + ")" + scope(user));
    }

    private static double number(String sql) throws Exception {
        try (Connection connection = TestDatabase.connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void comparisonEqualsSqlInTheReadersScope(String user) throws Exception {
        List<SegmentFigures> figures = SignedIn.call(users, user, () -> service.compare(List.of(
                new SegmentRef.Custom(segments.often), new SegmentRef.Rfm("Champions"))));
        String[] conditions = {OFTEN_SQL, "segment = 'Champions'"};
        long base = count(user, "true");
        for (int i = 0; i < 2; i++) {
            SegmentFigures f = figures.get(i);
            String where = " FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND (" + conditions[i] + ")"
                    + scope(user);
            assertThat(f.customers()).isEqualTo(count(user, conditions[i])).isPositive();
            assertThat(f.baseCustomers()).isEqualTo(base);
            assertThat(f.revenue().movePointRight(2).longValueExact()).isEqualTo(superuserLong(
                    "SELECT round(sum(monetary) * 100)" + where));
            assertThat(f.averageOrderValue().movePointRight(2).longValueExact()).isEqualTo(superuserLong(
                    "SELECT round(sum(monetary) / sum(frequency), 2) * 100" + where));
            assertThat(f.meanClv()).isCloseTo(number("SELECT avg(clv)" + where), within(1e-6));
            assertThat(f.meanPAlive()).isCloseTo(number("SELECT avg(p_alive)" + where), within(1e-9));
            for (int s = 1; s <= 5; s++) {
                assertThat(f.byRScore().get(s - 1)).isEqualTo(superuserLong("SELECT count(*)" + where
                        + " AND r_score = " + s));
                assertThat(f.byMScore().get(s - 1)).isEqualTo(superuserLong("SELECT count(*)" + where
                        + " AND m_score = " + s));
            }
        }
        assertThat(figures.get(0).source()).isEqualTo("version 1");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        SignedIn.call(users, user, () -> {
            service.exportComparison(List.of(new SegmentRef.Custom(segments.often), new SegmentRef.Rfm("Champions")),
                    ExportFormat.CSV, csv);
            return null;
        });
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).startsWith("segment,source,as_of,customers,base_customers,share_of_base,revenue");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(segments.oftenName + ",version 1,")
                .contains("," + count(user, OFTEN_SQL) + "," + base + ",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void topProductsAndCountriesEqualSqlInTheReadersScope(String user) throws Exception {
        SegmentRef often = new SegmentRef.Custom(segments.often);
        List<ProductFigure> products = SignedIn.call(users, user, () -> service.topProducts(often, 10));
        // Independently: every line of the members before the snapshot's day, by product, most revenue first
        // (ties by code), with units and the number of members who bought it.
        String members = "SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND ("
                + OFTEN_SQL + ")" + scope(user);
        String expected = """
                SELECT string_agg(concat_ws(':', code, buyers, units, revenue), ',' ORDER BY revenue DESC, code)
                FROM (SELECT p.product_code AS code, count(DISTINCT f.customer_id) AS buyers, sum(f.quantity) AS units,
                             sum(f.net_amount) AS revenue
                      FROM fact_sales f JOIN dim_product p USING (product_id)
                      WHERE f.customer_id IN (%s)
                        AND f.date_key < to_char((SELECT as_of_date FROM snapshot WHERE is_current), 'YYYYMMDD')::int
                      GROUP BY p.product_code ORDER BY revenue DESC, code LIMIT 10) t""".formatted(members);
        assertThat(products).hasSize(10);
        assertThat(String.join(",", products.stream().map(p -> String.join(":", p.code(),
                        Long.toString(p.customers()), Long.toString(p.units()), p.revenue().toPlainString())).toList()))
                .isEqualTo(TestDatabase.superuserText(expected));
        var countries = SignedIn.call(users, user, () -> service.topCountries(often, 5));
        assertThat(String.join(",", countries.stream().map(c -> c.getKey() + ":" + c.getValue()).toList()))
                .isEqualTo(TestDatabase.superuserText("""
                        SELECT string_agg(country || ':' || n, ',' ORDER BY n DESC, country) FROM (
                            SELECT coalesce(c.country, '(unknown)') AS country, count(*) AS n
                            FROM snap_customer s LEFT JOIN dim_customer c USING (customer_id)
                            WHERE s.customer_id IN (%s) AND s.snapshot_id = %s
                            GROUP BY 1 ORDER BY n DESC, country LIMIT 5) t""".formatted(members, CURRENT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void overlapEqualsSqlInTheReadersScope(String user) throws Exception {
        Overlap overlap = SignedIn.call(users, user, () -> service.overlap(List.of(new SegmentRef.Custom(segments.often),
                new SegmentRef.Custom(segments.recent), new SegmentRef.Rfm("Champions"), new SegmentRef.Rfm("Lost"))));
        String[] conditions = {OFTEN_SQL, RECENT_SQL, "segment = 'Champions'", "segment = 'Lost'"};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(overlap.counts()[i][j]).as("%s and %s", conditions[i], conditions[j])
                        .isEqualTo(count(user, "(" + conditions[i] + ") AND (" + conditions[j] + ")"));
            }
        }
        assertThat(overlap.counts()[0][1]).isPositive();
        assertThat(overlap.counts()[2][3]).as("RFM segments are a partition").isZero();
        long both = SignedIn.call(users, user, () -> service.memberCount(List.of(new SegmentRef.Custom(segments.often),
                new SegmentRef.Custom(segments.recent))));
        assertThat(both).isEqualTo(overlap.counts()[0][1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void movementAndSizeHistoryEqualSqlOverTheTwoSnapshots(String user) throws Exception {
        for (long id : new long[] {segments.often, segments.recent}) {
            String condition = id == segments.often ? OFTEN_SQL : RECENT_SQL;
            Movement movement = SignedIn.call(users, user, () -> service.movement(id));
            List<SizePoint> sizes = SignedIn.call(users, user, () -> service.sizes(id));
            String before = "customer_id IN (SELECT customer_id FROM snap_customer WHERE snapshot_id = " + PREVIOUS
                    + " AND (" + condition + "))";
            assertThat(movement.from()).isEqualTo(java.time.LocalDate.parse(superuserString(
                    "SELECT as_of_date::text FROM snapshot WHERE snapshot_id = " + PREVIOUS)));
            assertThat(movement.joined()).isEqualTo(count(user, "(" + condition + ") AND NOT " + before));
            assertThat(movement.left()).isEqualTo(count(user, "NOT (" + condition + ") AND " + before));
            assertThat(movement.stayed()).isEqualTo(count(user, "(" + condition + ") AND " + before));
            assertThat(sizes).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sizes.getLast().customers()).isEqualTo(count(user, condition));
            assertThat(sizes.get(sizes.size() - 2).customers()).isEqualTo(superuserLong("SELECT count(*) FROM "
                    + "snap_customer WHERE snapshot_id = " + PREVIOUS + " AND (" + condition + ")" + scope(user)));
            assertThat(sizes).extracting(SizePoint::version).containsOnly(1);
        }
        Movement often = SignedIn.call(users, user, () -> service.movement(segments.often));
        assertThat(often.joined()).as("a week of purchases brings new frequent buyers").isPositive();
        Movement recent = SignedIn.call(users, user, () -> service.movement(segments.recent));
        assertThat(recent.left()).as("a week later some are no longer recent").isPositive();
    }

    /**
     * The figures the refresh stored with the members (custom_segment_figures) and with the RFM segment summary
     * are what the pages read, and they equal the figures computed from the members, which the pages use where none
     * are stored: the rows are set aside for the second reading and put back after.
     */
    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void storedFiguresEqualTheFiguresComputedFromTheMembers(String user) throws Exception {
        String rows = "custom_segment_figures WHERE snapshot_id = " + CURRENT + " AND segment_id IN (" + segments.often
                + ", " + segments.recent + ")";
        assertThat(superuserLong("SELECT count(*) FROM " + rows)).as("stored by the refresh").isPositive();
        assertThat(superuserLong("SELECT count(*) FROM " + rows + " AND customers > 0 AND (product_ids IS NULL "
                + "OR countries IS NULL OR rfm_segments IS NULL OR top_members IS NULL OR top_joined IS NULL)")).isZero();
        assertThat(superuserLong("SELECT count(*) FROM " + rows + " AND shared_segments IS NOT NULL")).isPositive();
        try (Connection north = TestDatabase.connectAs("c360_app")) {
            TestDatabase.bindScope(north, NORTH);
            assertThat(TestDatabase.regionsOf(north, rows)).as("north reads North's stored figures only")
                    .containsExactly(1);
        }
        SegmentRef often = new SegmentRef.Custom(segments.often);
        SegmentRef recent = new SegmentRef.Custom(segments.recent);
        java.util.concurrent.Callable<List<Object>> read = () -> List.of(
                service.figures(often), service.figures(recent), service.figures(new SegmentRef.Rfm("At Risk")),
                service.topCountries(often, 50),
                service.topProducts(often, 50), service.topProducts(recent, 50), service.movement(segments.often),
                service.movement(segments.recent), service.memberCount(List.of(often)),
                service.members(List.of(often), CustomerOrder.BY_MONETARY, 0, 50),
                service.members(List.of(recent), CustomerOrder.BY_MONETARY, 0, 20),
                service.movers(segments.often, Movement.Kind.JOINED, CustomerOrder.BY_MONETARY, 0, 50),
                service.movers(segments.recent, Movement.Kind.JOINED, CustomerOrder.BY_MONETARY, 0, 10),
                java.util.Arrays.deepToString(service.overlap(List.of(often, recent, new SegmentRef.Rfm("Champions"),
                        new SegmentRef.Rfm("Lost"))).counts()),
                java.util.Arrays.deepToString(service.overlap(List.of(new SegmentRef.Rfm("At Risk"), often))
                        .counts()),
                service.segments().stream().map(SegmentSummary::members).toList());
        List<Object> stored = SignedIn.call(users, user, read);
        List<Object> computed;
        try (Connection connection = TestDatabase.connectAs("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE set_aside AS SELECT * FROM " + rows);
            statement.execute("DELETE FROM " + rows);
            statement.execute("CREATE TABLE set_aside_scores AS SELECT snapshot_id, region_id, segment, r_scores "
                    + "FROM snap_segment_summary WHERE snapshot_id = " + CURRENT);
            statement.execute("UPDATE snap_segment_summary SET r_scores = NULL WHERE snapshot_id = " + CURRENT);
            try {
                computed = SignedIn.call(users, user, read);
            } finally {
                statement.execute("INSERT INTO custom_segment_figures SELECT * FROM set_aside");
                statement.execute("DROP TABLE set_aside");
                statement.execute("UPDATE snap_segment_summary t SET r_scores = a.r_scores FROM set_aside_scores a "
                        + "WHERE t.snapshot_id = a.snapshot_id AND t.region_id = a.region_id "
                        + "AND t.segment = a.segment");
                statement.execute("DROP TABLE set_aside_scores");
            }
        }
        for (int i = 0; i < stored.size(); i++) {
            Object a = stored.get(i);
            Object b = computed.get(i);
            if (a instanceof SegmentFigures f && b instanceof SegmentFigures g) {
                assertThat(f).usingRecursiveComparison()
                        .ignoringFields("meanRecencyDays", "meanFrequency", "meanClv", "meanPAlive").isEqualTo(g);
                assertThat(f.meanRecencyDays()).isCloseTo(g.meanRecencyDays(), within(1e-9));
                assertThat(f.meanFrequency()).isCloseTo(g.meanFrequency(), within(1e-9));
                assertThat(f.meanClv()).isCloseTo(g.meanClv(), within(1e-6));
                assertThat(f.meanPAlive()).isCloseTo(g.meanPAlive(), within(1e-9));
            } else {
                assertThat(a).as("reading %d", i).isEqualTo(b);
            }
        }
    }

    /**
     * The member lists the refresh writes (V53) are what the member exports and pages read in the default order, and
     * they list what the members' list gives (the list set aside for the second reading): the same rows, names and
     * order, in the reader's scope. A customer renamed or moved since the refresh is read from the warehouse again:
     * the new name, and for north a customer moved out of North without a name, as every list shows it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"north", "exec"})
    void memberListsListWhatTheMembersGiveUntilACustomerIsRenamedOrMoved(String user) throws Exception {
        assertThat(superuserLong("SELECT count(*) FROM custom_segment_list WHERE snapshot_id = " + CURRENT
                + " AND segment_id = " + segments.often)).as("written by the refresh").isEqualTo(count("exec", OFTEN_SQL));
        assertThat(superuserLong("SELECT count(*) FROM custom_segment_list WHERE snapshot_id <> " + CURRENT))
                .as("kept for the current snapshot only").isZero();
        assertThat(superuserLong("SELECT count(*) FROM custom_segment_run WHERE list_renames IS NOT NULL "
                + "AND snapshot_id <> " + CURRENT)).isZero();
        try (Connection north = TestDatabase.connectAs("c360_app")) {
            TestDatabase.bindScope(north, NORTH);
            assertThat(TestDatabase.regionsOf(north, "custom_segment_list")).as("north reads North's rows only")
                    .containsExactly(1);
        }
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        assertThat(queries.listed(segments.often, current)).as("the lists answer").isTrue();
        SegmentRef often = new SegmentRef.Custom(segments.often);
        SegmentRef recent = new SegmentRef.Custom(segments.recent);
        java.util.concurrent.Callable<List<Object>> read = () -> List.of(
                csv(out -> service.exportMembers(List.of(often), CustomerOrder.BY_MONETARY, ExportFormat.CSV, out)),
                csv(out -> service.exportMembers(List.of(often, recent), CustomerOrder.BY_MONETARY, ExportFormat.CSV,
                        out)),
                csv(out -> service.exportMembers(List.of(recent, new SegmentRef.Rfm("Champions")),
                        CustomerOrder.BY_MONETARY, ExportFormat.CSV, out)),
                service.members(List.of(often, recent), CustomerOrder.BY_MONETARY, 0, 100),
                service.members(List.of(often), CustomerOrder.BY_MONETARY, 60, 50));
        List<Object> listed = SignedIn.call(users, user, read);
        List<Object> members;
        String runs = " WHERE snapshot_id = " + CURRENT + " AND segment_id IN (" + segments.often + ", "
                + segments.recent + ")";
        try (Connection connection = TestDatabase.connectAs("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE set_aside_runs AS SELECT segment_id, list_renames FROM custom_segment_run"
                    + runs);
            try {
                statement.execute("UPDATE custom_segment_run SET list_renames = NULL" + runs);
                assertThat(queries.listed(segments.often, current)).isFalse();
                members = SignedIn.call(users, user, read);
            } finally {
                statement.execute("UPDATE custom_segment_run r SET list_renames = a.list_renames "
                        + "FROM set_aside_runs a WHERE r.snapshot_id = " + CURRENT + " AND r.segment_id = a.segment_id");
                statement.execute("DROP TABLE set_aside_runs");
            }
        }
        assertThat(queries.listed(segments.often, current)).isTrue();
        assertThat(listed).isEqualTo(members);
        assertThat(((String) listed.getFirst()).lines().count() - 1).isEqualTo(count(user, OFTEN_SQL));
        assertThat(((String) listed.get(1)).lines().count() - 1)
                .isEqualTo(count(user, "(" + OFTEN_SQL + ") AND (" + RECENT_SQL + ")")).isPositive();

        // The member with the most net revenue in the reader's scope, renamed, then moved to South.
        long top = ((List<?>) listed.get(3)).isEmpty() ? 0
                : ((com.consumer360.warehouse.CellCustomer) ((List<?>) listed.get(3)).getFirst()).customerId();
        assertThat(top).isPositive();
        String name = superuserString("SELECT name FROM dim_customer WHERE customer_id = " + top);
        String counters = superuserString("SELECT customer_moves || ',' || customer_renames FROM warehouse_version");
        try (Connection connection = TestDatabase.connectAs("postgres");
             Statement statement = connection.createStatement()) {
            try {
                statement.execute("UPDATE dim_customer SET name = 'Renamed since the refresh' WHERE customer_id = "
                        + top);
                assertThat(queries.listed(segments.often, current)).as("after a rename").isFalse();
                assertThat(SignedIn.call(users, user, () -> service.members(List.of(often, recent),
                        CustomerOrder.BY_MONETARY, 0, 100)).getFirst())
                        .satisfies(c -> assertThat(c.customerId()).isEqualTo(top))
                        .satisfies(c -> assertThat(c.name()).isEqualTo("Renamed since the refresh"));
                statement.execute("UPDATE dim_customer SET name = '" + name.replace("'", "''") + "', region_id = "
                        + "CASE WHEN region_id = 1 THEN 2 ELSE 1 END WHERE customer_id = " + top);
                statement.execute("UPDATE warehouse_version SET customer_renames = " + counters.split(",")[1]);
                assertThat(queries.listed(segments.often, current)).as("after a move").isFalse();
                assertThat(SignedIn.call(users, user, () -> service.members(List.of(often, recent),
                        CustomerOrder.BY_MONETARY, 0, 100)).getFirst())
                        .satisfies(c -> assertThat(c.customerId()).isEqualTo(top))
                        .satisfies(c -> assertThat(c.name()).as("north no longer sees the name of a customer moved "
                                + "out of North").isEqualTo("north".equals(user) ? null : name));
            } finally {
                statement.execute("UPDATE dim_customer SET name = '" + name.replace("'", "''") + "', region_id = "
                        + "(SELECT region_id FROM snap_customer WHERE snapshot_id = " + CURRENT + " AND customer_id = "
                        + top + ") WHERE customer_id = " + top);
                statement.execute("UPDATE warehouse_version SET customer_moves = " + counters.split(",")[0]
                        + ", customer_renames = " + counters.split(",")[1]);
            }
        }
        assertThat(queries.listed(segments.often, current)).as("put back").isTrue();
    }

    private static String superuserString(String sql) throws Exception {
        try (Connection connection = TestDatabase.connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void northsListsAndExportsHoldNorthCustomersOnly() throws Exception {
        Set<Long> north = ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = " + NORTH);
        SegmentRef often = new SegmentRef.Custom(segments.often);
        SegmentRef recent = new SegmentRef.Custom(segments.recent);
        List<String> exports = SignedIn.call(users, "north", () -> {
            List<String> files = new java.util.ArrayList<>();
            files.add(csv(out -> service.exportMembers(List.of(often), CustomerOrder.BY_MONETARY, ExportFormat.CSV, out)));
            files.add(csv(out -> service.exportMembers(List.of(often, recent), CustomerOrder.BY_MONETARY,
                    ExportFormat.CSV, out)));
            files.add(csv(out -> service.exportMembers(List.of(often, new SegmentRef.Rfm("Champions")),
                    CustomerOrder.BY_MONETARY, ExportFormat.CSV, out)));
            for (Movement.Kind kind : Movement.Kind.values()) {
                for (long id : new long[] {segments.often, segments.recent}) {
                    files.add(csv(out -> service.exportMovers(id, kind, CustomerOrder.BY_MONETARY, ExportFormat.CSV,
                            out)));
                }
            }
            return files;
        });
        long rows = 0;
        for (String file : exports) {
            List<String> lines = file.lines().toList();
            assertThat(lines.getFirst()).startsWith("customer_id,name,region,");
            List<Long> listed = lines.stream().skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
            assertThat(north).containsAll(listed);
            assertThat(file).doesNotContain(",South,", ",East,", ",West,", ",Central,");
            rows += listed.size();
        }
        assertThat(rows).isPositive();
        assertThat(exports.getFirst().lines().count() - 1).isEqualTo(count("north", OFTEN_SQL));
        List<Long> page = SignedIn.call(users, "north", () -> service.members(List.of(often), CustomerOrder.BY_MONETARY,
                0, 500).stream().map(c -> c.customerId()).toList());
        assertThat(page).isNotEmpty();
        assertThat(north).containsAll(page);

        long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 2 AND " + OFTEN_SQL);
        assertThat(SignedIn.call(users, "north", () -> service.why(segments.often, south))).isEmpty();
        assertThat(SignedIn.call(users, "exec", () -> service.why(segments.often, south))).get()
                .satisfies(w -> assertThat(w.member()).isTrue());
    }

    @Test
    void aSegmentNotSharedWithRegionalManagersDoesNotExistForNorth() throws Exception {
        SegmentRef hidden = new SegmentRef.Custom(segments.hidden);
        SignedIn.call(users, "north", () -> {
            assertThat(service.segment(segments.hidden)).isEmpty();
            assertThat(service.segments()).extracting(SegmentSummary::id).contains(segments.often)
                    .doesNotContain(segments.hidden);
            assertThatThrownBy(() -> service.figures(hidden)).hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.memberCount(List.of(hidden))).hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.movement(segments.hidden)).hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.sizes(segments.hidden)).hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.why(segments.hidden, 1)).hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.overlap(List.of(hidden, new SegmentRef.Custom(segments.often))))
                    .hasMessageContaining("No such segment");
            assertThatThrownBy(() -> service.figures(new SegmentRef.Custom(Long.MAX_VALUE)))
                    .hasMessage("segment: No such segment.");
            assertThatThrownBy(() -> service.figures(hidden)).hasMessage("segment: No such segment.");
            return null;
        });
        assertThat(SignedIn.call(users, "exec", () -> service.figures(hidden).customers()))
                .isEqualTo(count("exec", "monetary > 1000"));
    }

    /**
     * The list and the builder (custom-segments, custom-segments/new, custom-segments/{id}): the list's members
     * column, its last evaluation and the definition JSON in the reader's scope; the builder's preview and value
     * lists for north hold North only; north can neither create, edit nor delete.
     */
    @ParameterizedTest
    @ValueSource(strings = {"north", "exec", "csops"})
    void theListAndTheBuilderAreScoped(String user) throws Exception {
        SignedIn.call(users, user, () -> {
            SegmentSummary often = service.segments().stream().filter(s -> s.id() == segments.often).findFirst()
                    .orElseThrow();
            assertThat(often.members()).isEqualTo(count(user, OFTEN_SQL));
            assertThat(often.version()).isEqualTo(1);
            assertThat(often.owner()).isEqualTo("csops");
            assertThat(often.lastEvaluated()).isEqualTo(java.time.LocalDate.parse(SegmentSql.strings(
                    "SELECT as_of_date::text FROM snapshot WHERE is_current").getFirst()));
            assertThat(often.editable()).isEqualTo("csops".equals(user));
            assertThat(service.canEdit()).isEqualTo("csops".equals(user));
            assertThat(service.definitionJson(segments.often)).get().asString().contains("\"FREQUENCY\"");
            assertThat(service.definitionJson(segments.hidden).isPresent()).isEqualTo(!"north".equals(user));
            Preview preview = service.preview(service.parse(service.definitionJson(segments.often).orElseThrow()));
            assertThat(preview.customers()).isEqualTo(count(user, OFTEN_SQL));
            assertThat(preview.baseCustomers()).isEqualTo(count(user, "true"));
            Choices choices = service.choices();
            if ("north".equals(user)) {
                assertThat(choices.regions()).containsOnlyKeys("NORTH");
                assertThat(choices.countries()).containsExactlyInAnyOrderElementsOf(SegmentSql.strings(
                        "SELECT DISTINCT country FROM dim_customer WHERE region_id = 1"));
                assertThat(preview.first()).allSatisfy(c -> assertThat(c.region()).isEqualTo("North"));
            } else {
                assertThat(choices.regions()).hasSize(5);
            }
            return null;
        });
        if (!"csops".equals(user)) {
            SegmentDraft draft = new SegmentDraft("Not allowed", "", Set.of(), new SegmentDefinition(
                    new Rule.Group(Match.ALL, List.of(new Rule.Criterion(Attribute.FREQUENCY, Operator.GREATER,
                            List.of("1"), null)))));
            long rows = superuserLong("SELECT count(*) FROM custom_segment_version");
            SignedIn.call(users, user, () -> {
                assertThatThrownBy(() -> service.create(draft))
                        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
                assertThatThrownBy(() -> service.update(segments.often, draft))
                        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
                assertThatThrownBy(() -> service.delete(segments.often))
                        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
                return null;
            });
            assertThat(superuserLong("SELECT count(*) FROM custom_segment_version")).isEqualTo(rows);
            assertThat(superuserLong("SELECT count(*) FROM custom_segment WHERE segment_id = ? AND deleted_at IS NULL",
                    segments.often)).isEqualTo(1);
        }
    }

    private interface Write {
        void to(ByteArrayOutputStream out) throws Exception;
    }

    private static String csv(Write write) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.to(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<Long> ids(String sql) throws Exception {
        return TestDatabase.superuserIds(sql);
    }
}
