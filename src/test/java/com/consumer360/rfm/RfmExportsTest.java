package com.consumer360.rfm;

import com.consumer360.warehouse.CustomerOrder;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.Spreadsheets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The XLSX exports, the segment profile's products and the customer's invoice export hold exactly the rows and
 * figures of the caller's regions; expected values come from the database as the superuser.
 */
@PortalIntegration
class RfmExportsTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String TOP_PRODUCTS = "SELECT p.product_code, count(DISTINCT f.customer_id), sum(f.quantity), "
            + "sum(f.net_amount) FROM snap_customer s JOIN fact_sales f ON f.customer_id = s.customer_id "
            + "JOIN dim_product p ON p.product_id = f.product_id WHERE s.snapshot_id = " + CURRENT
            + " AND s.segment = ? %s GROUP BY p.product_id, p.product_code ORDER BY sum(f.net_amount) DESC, "
            + "p.product_code LIMIT 5";

    @Autowired
    RfmService rfm;

    @Test
    @WithUserDetails("north")
    void northsXlsxCellExportsHoldExactlyNorthsCustomersWithNumbersAsNumbers() throws Exception {
        Set<Long> exported = new HashSet<>();
        BigDecimal monetary = BigDecimal.ZERO;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                int rr = r;
                int ff = f;
                List<List<Object>> rows = xlsx(out -> rfm.exportCellCustomers(rr, ff, Set.of(),
                        CustomerOrder.BY_MONETARY, ExportFormat.XLSX, out));
                assertThat(rows.getFirst()).containsExactly("customer_id", "name", "region", "recency_days",
                        "frequency", "monetary", "segment", "clv");
                for (List<Object> row : rows.subList(1, rows.size())) {
                    assertThat(row.get(0)).isInstanceOf(Double.class);
                    exported.add(((Double) row.get(0)).longValue());
                    assertThat(row.get(2)).isEqualTo("North");
                    monetary = monetary.add(BigDecimal.valueOf((Double) row.get(5)));
                }
            }
        }
        assertThat(exported).isEqualTo(ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1"));
        assertThat(monetary.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact())
                .isEqualTo(superuserLong("SELECT round(sum(monetary) * 100) FROM snap_customer WHERE snapshot_id = "
                        + CURRENT + " AND region_id = 1"));
    }

    @Test
    @WithUserDetails("north")
    void northsSegmentXlsxExportsMatchTheCsvOnesAndNorthOnly() throws Exception {
        String segment = "At Risk";
        List<List<Object>> xlsx = xlsx(out -> rfm.exportSegmentCustomers(segment, Set.of(), CustomerOrder.BY_MONETARY,
                ExportFormat.XLSX, out));
        List<String> csv = csv(out -> rfm.exportSegmentCustomers(segment, Set.of(), CustomerOrder.BY_MONETARY,
                ExportFormat.CSV, out));
        assertThat(xlsx).hasSize(csv.size());
        assertThat(xlsx.stream().skip(1).map(row -> ((Double) row.get(0)).longValue()).toList())
                .isEqualTo(csv.stream().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                        .toList());
        assertThat(new HashSet<>(xlsx.stream().skip(1).map(row -> ((Double) row.get(0)).longValue()).toList()))
                .isEqualTo(ids("SELECT customer_id FROM snap_customer WHERE snapshot_id = " + CURRENT
                        + " AND region_id = 1 AND segment = 'At Risk'"));

        List<List<Object>> segments = xlsx(out -> rfm.exportSegments(Set.of(), ExportFormat.XLSX, out));
        assertThat(segments).hasSize(12);
        for (List<Object> row : segments.subList(1, 12)) {
            assertThat(((Double) row.get(1)).longValue()).as(row.get(0).toString()).isEqualTo(superuserLong(
                    "SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                            + " AND region_id = 1 AND segment = ?", row.get(0)));
            assertThat(row.get(10)).as("as_of is a date").isInstanceOf(java.time.LocalDateTime.class);
        }
    }

    @Test
    @WithUserDetails("north")
    void northsTopProductsAreComputedFromNorthsSegmentCustomersOnly() throws Exception {
        for (String segment : List.of("Champions", "Hibernating")) {
            SegmentProfile profile = rfm.segmentProfile(segment, Set.of());
            List<Object[]> expected = rows(TOP_PRODUCTS.formatted("AND s.region_id = 1"), segment);
            assertThat(expected).isNotEmpty();
            assertThat(profile.topProducts()).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                SegmentProfile.ProductRevenue product = profile.topProducts().get(i);
                Object[] row = expected.get(i);
                assertThat(product.productCode()).as(segment + " #" + i).isEqualTo(row[0]);
                assertThat(product.customers()).isEqualTo(((Number) row[1]).longValue());
                assertThat(product.units()).isEqualTo(((Number) row[2]).longValue());
                assertThat(product.revenue()).isEqualByComparingTo((BigDecimal) row[3]);
            }
            List<Object[]> allRegions = rows(TOP_PRODUCTS.formatted(""), segment);
            assertThat(profile.topProducts().stream().map(SegmentProfile.ProductRevenue::revenue).toList())
                    .as("not every region's revenue").isNotEqualTo(allRegions.stream().map(r -> r[3]).toList());
        }
    }

    @Test
    @WithUserDetails("north")
    void northsProfileExportHoldsTheProfileShownInBothFormats() throws Exception {
        SegmentProfile profile = rfm.segmentProfile("Champions", Set.of());
        List<String> csv = csv(out -> rfm.exportSegmentProfile("Champions", Set.of(), ExportFormat.CSV, out));
        List<List<Object>> xlsx = xlsx(out -> rfm.exportSegmentProfile("Champions", Set.of(), ExportFormat.XLSX,
                out));
        int expectedRows = 15 + profile.topCountries().size() + profile.topProducts().size();
        assertThat(csv).hasSize(expectedRows + 1);
        assertThat(xlsx).hasSize(expectedRows + 1);
        assertThat(csv.getFirst()).isEqualTo("segment,section,item,description,customers,share_of_segment_customers,"
                + "units,net_revenue");
        long rScoreSum = xlsx.stream().filter(row -> "R score".equals(row.get(1)))
                .mapToLong(row -> ((Double) row.get(4)).longValue()).sum();
        assertThat(rScoreSum).isEqualTo(profile.customers()).isEqualTo(superuserLong("SELECT count(*) FROM "
                + "snap_customer WHERE snapshot_id = " + CURRENT + " AND region_id = 1 AND segment = 'Champions'"));
        List<List<Object>> products = xlsx.stream().filter(row -> "Top product".equals(row.get(1))).toList();
        List<Object[]> expected = rows(TOP_PRODUCTS.formatted("AND s.region_id = 1"), "Champions");
        assertThat(products).hasSize(expected.size());
        for (int i = 0; i < products.size(); i++) {
            assertThat(products.get(i).get(2)).isEqualTo(expected.get(i)[0]);
            assertThat(BigDecimal.valueOf((Double) products.get(i).get(7)))
                    .isEqualByComparingTo((BigDecimal) expected.get(i)[3]);
        }
        for (List<Object> country : xlsx.stream().filter(row -> "Top country".equals(row.get(1))).toList()) {
            assertThat(((Double) country.get(4)).longValue()).isEqualTo(superuserLong("SELECT count(*) FROM "
                    + "snap_customer s JOIN dim_customer c USING (customer_id) WHERE s.snapshot_id = " + CURRENT
                    + " AND s.region_id = 1 AND s.segment = 'Champions' AND c.country = ?", country.get(2)));
        }
    }

    @Test
    @WithUserDetails("north")
    void northExportsItsCustomersInvoicesButGetsOnlyTheHeaderForSouths() throws Exception {
        long north = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 1");
        long south = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = " + CURRENT
                + " AND region_id = 2");
        long missing = superuserLong("SELECT max(customer_id) + 1000 FROM dim_customer");
        long invoices = superuserLong("SELECT count(DISTINCT invoice_no) FROM fact_sales WHERE customer_id = ?", north);
        assertThat(invoices).isPositive();
        List<List<Object>> own = xlsx(out -> rfm.exportCustomerInvoices(north, ExportFormat.XLSX, out));
        assertThat(own).hasSize((int) invoices + 1);
        assertThat(own.getFirst()).containsExactly("customer_id", "invoice_no", "invoiced_at", "lines", "units",
                "net_amount", "cancellation");
        BigDecimal net = own.stream().skip(1).map(row -> BigDecimal.valueOf((Double) row.get(5)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(net.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact())
                .isEqualTo(superuserLong("SELECT round(sum(net_amount) * 100) FROM fact_sales WHERE customer_id = ?",
                        north));
        assertThat(csv(out -> rfm.exportCustomerInvoices(north, ExportFormat.CSV, out))).hasSize((int) invoices + 1);

        assertThat(superuserLong("SELECT count(*) FROM fact_sales WHERE customer_id = ?", south)).isPositive();
        for (long other : new long[] {south, missing}) {
            assertThat(csv(out -> rfm.exportCustomerInvoices(other, ExportFormat.CSV, out))).hasSize(1);
            assertThat(xlsx(out -> rfm.exportCustomerInvoices(other, ExportFormat.XLSX, out))).hasSize(1);
        }
    }

    @Test
    @WithUserDetails("exec")
    void executivesProfileCoversAllRegionsAndTheFilterNarrowsIt() throws Exception {
        SegmentProfile all = rfm.segmentProfile("Champions", Set.of());
        List<Object[]> expected = rows(TOP_PRODUCTS.formatted(""), "Champions");
        assertThat(all.topProducts().stream().map(SegmentProfile.ProductRevenue::productCode).toList())
                .isEqualTo(expected.stream().map(r -> r[0]).toList());
        SegmentProfile south = rfm.segmentProfile("Champions", Set.of((short) 2));
        List<Object[]> southExpected = rows(TOP_PRODUCTS.formatted("AND s.region_id = 2"), "Champions");
        assertThat(south.topProducts()).hasSize(southExpected.size());
        for (int i = 0; i < southExpected.size(); i++) {
            assertThat(south.topProducts().get(i).revenue()).isEqualByComparingTo((BigDecimal) southExpected.get(i)[3]);
        }
        List<List<Object>> segments = xlsx(out -> rfm.exportSegments(Set.of((short) 2), ExportFormat.XLSX, out));
        assertThat(segments.stream().skip(1).mapToLong(row -> ((Double) row.get(1)).longValue()).sum())
                .isEqualTo(superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = " + CURRENT
                        + " AND region_id = 2"));
    }

    private interface Export {
        void to(java.io.OutputStream out) throws IOException;
    }

    private static List<List<Object>> xlsx(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.to(out);
        return Spreadsheets.rows(out.toByteArray());
    }

    private static List<String> csv(Export export) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.to(out);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<Object[]> rows(String sql, Object... parameters) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = result.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static Set<Long> ids(String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        for (Object[] row : rows(sql)) {
            ids.add(((Number) row[0]).longValue());
        }
        return ids;
    }
}
