package com.consumer360.clv;

import static com.consumer360.clv.ClvServiceTest.ALL;
import static com.consumer360.clv.ClvServiceTest.NORTH;
import static com.consumer360.clv.ClvServiceTest.RISK_ORDER;
import static com.consumer360.clv.ClvServiceTest.VALUED;
import static com.consumer360.clv.ClvServiceTest.ids;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import com.consumer360.warehouse.RegionOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A regional manager receives no row, name or figure of another region from anything the CLV page shows or exports;
 * the exports hold exactly the lists' rows in the lists' order.
 */
@PortalIntegration
class ClvScopeTest {

    private static final short SOUTH = 2;

    @Autowired
    ClvService clv;

    @Test
    @WithUserDetails("north")
    void northsListsChartsAndFilterOptionsHoldNorthOnly() throws SQLException {
        assertThat(clv.regions()).containsExactly(new RegionOption((short) 1, "North"));
        long north = superuserLong("SELECT count(*) FROM snap_customer WHERE " + VALUED + NORTH);
        assertThat(clv.highValue(Set.of(), 0, 1_000)).isNotEmpty().allSatisfy(c -> assertThat(c.region())
                .isEqualTo("North"));
        assertThat(clv.churnRisk(ChurnThresholds.DEFAULTS, Set.of(), 0, 10_000)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.region()).isEqualTo("North"));
        assertThat(clv.bySegment(Set.of()).stream().mapToLong(SegmentValue::customers).sum()).isEqualTo(north);
        assertThat(clv.clvHistogram(Set.of()).total()).isEqualTo(north);
        assertThat(clv.pAliveHistogram(Set.of()).total()).isEqualTo(north);
        assertThat(clv.modelFit(Set.of()).customers()).isEqualTo(superuserLong("SELECT count(DISTINCT customer_id) "
                + "FROM fact_sales WHERE region_id = 1 AND customer_id IS NOT NULL AND net_amount > 0 AND NOT "
                + "is_cancellation AND date_key <= ?", calibrationEndKey()));
    }

    @Test
    @WithUserDetails("north")
    void aSouthFilterGivesNorthNothing() {
        Set<Short> south = Set.of(SOUTH);
        ClvSummary summary = clv.summary(south);
        assertThat(summary.customersValued()).isZero();
        assertThat(summary.totalClv()).isZero();
        assertThat(summary.expectedPurchases()).isZero();
        assertThat(clv.highValue(south, 0, 100)).isEmpty();
        assertThat(clv.highValueCount(south)).isZero();
        assertThat(clv.churnRisk(ChurnThresholds.DEFAULTS, south, 0, 100)).isEmpty();
        assertThat(clv.churnRiskCount(ChurnThresholds.DEFAULTS, south)).isZero();
        assertThat(clv.bySegment(south)).allSatisfy(s -> assertThat(s.customers()).isZero());
        assertThat(clv.clvHistogram(south).total()).isZero();
        assertThat(clv.pAliveHistogram(south).total()).isZero();
        assertThat(clv.modelFit(south).customers()).isZero();
        assertThat(lines(out -> clv.exportHighValue(south, ExportFormat.CSV, out))).hasSize(1);
        assertThat(lines(out -> clv.exportChurnRisk(ChurnThresholds.DEFAULTS, south, ExportFormat.CSV, out)))
                .hasSize(1);
    }

    @Test
    @WithUserDetails("north")
    void northsExportsHoldExactlyTheListsRowsInTheListsOrder() throws Exception {
        assertExports(NORTH);
    }

    @Test
    @WithUserDetails("exec")
    void executivesExportsHoldExactlyTheListsRowsInTheListsOrder() throws Exception {
        assertExports(ALL);
    }

    private void assertExports(String scope) throws Exception {
        List<Long> highValue = ids("SELECT customer_id FROM snap_customer WHERE " + VALUED + scope
                + " ORDER BY clv DESC, customer_id LIMIT " + ClvService.HIGH_VALUE_TOP);
        List<String> csv = lines(out -> clv.exportHighValue(Set.of(), ExportFormat.CSV, out));
        assertThat(csv.getFirst()).isEqualTo("customer_id,name,region,segment,recency_days,frequency,monetary,"
                + "p_alive,expected_purchases,expected_avg_value,clv,value_at_risk");
        assertThat(csv.subList(1, csv.size()).stream().map(line -> Long.parseLong(line.substring(0,
                line.indexOf(','))))).containsExactlyElementsOf(highValue);
        // Amounts two decimals, P(alive) and expected purchases four: no model double at full precision.
        assertThat(csv.subList(1, csv.size())).isNotEmpty().allSatisfy(line -> {
            String[] fields = line.substring(line.lastIndexOf('"') + 1).split(",");
            List<Integer> decimals = java.util.Arrays.stream(fields).skip(fields.length - 6)
                    .map(f -> f.contains(".") ? f.length() - f.indexOf('.') - 1 : 0).toList();
            assertThat(decimals).as(line).satisfies(d -> {
                assertThat(d.get(0)).isLessThanOrEqualTo(2);
                assertThat(d.get(1)).isLessThanOrEqualTo(4);
                assertThat(d.get(2)).isLessThanOrEqualTo(4);
                assertThat(d.subList(3, 6)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
            });
        });
        List<List<Object>> xlsx = Spreadsheets.rows(bytes(out -> clv.exportHighValue(Set.of(), ExportFormat.XLSX,
                out)));
        assertThat(xlsx.subList(1, xlsx.size()).stream().map(row -> ((Double) row.get(0)).longValue()))
                .containsExactlyElementsOf(highValue);
        if (!scope.equals(ALL)) {
            assertThat(xlsx.subList(1, xlsx.size())).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("North"));
        }
        List<Long> churn = ids("SELECT customer_id FROM snap_customer WHERE " + VALUED + scope
                + " AND m_score >= 4 AND p_alive < 0.5 ORDER BY " + RISK_ORDER);
        List<List<Object>> churnRows = Spreadsheets.rows(bytes(out -> clv.exportChurnRisk(ChurnThresholds.DEFAULTS,
                Set.of(), ExportFormat.XLSX, out)));
        assertThat(churnRows.subList(1, churnRows.size()).stream().map(row -> ((Double) row.get(0)).longValue()))
                .containsExactlyElementsOf(churn);
        List<String> churnCsv = lines(out -> clv.exportChurnRisk(ChurnThresholds.DEFAULTS, Set.of(), ExportFormat.CSV,
                out));
        assertThat(churnCsv).hasSize(churn.size() + 1);
        // Read in index order (a stricter list) and sorted (a wider one): the list's order either way.
        for (ChurnThresholds t : List.of(new ChurnThresholds(5, 0.25), new ChurnThresholds(3, 0.3))) {
            List<Long> expected = ids("SELECT customer_id FROM snap_customer WHERE " + VALUED + scope + " AND m_score >= "
                    + t.minMScore() + " AND p_alive < " + t.maxPAlive() + " ORDER BY " + RISK_ORDER);
            assertThat(lines(out -> clv.exportChurnRisk(t, Set.of(), ExportFormat.CSV, out)).stream().skip(1)
                    .map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList()).as("%s", t)
                    .containsExactlyElementsOf(expected).isNotEmpty();
        }
    }

    private static long calibrationEndKey() throws SQLException {
        String end = ClvServiceTest.storedCheck().path("calibration_end").asString();
        return Long.parseLong(end.replace("-", ""));
    }

    interface Writer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    private static byte[] bytes(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    private static List<String> lines(Writer writer) {
        try {
            String text = new String(bytes(writer), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (!lines.isEmpty() && lines.getFirst().startsWith("\uFEFF")) {
                lines.set(0, lines.getFirst().substring(1));
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
