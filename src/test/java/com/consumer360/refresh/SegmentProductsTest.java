package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The refresh sums the segment profiles' product totals in Java from fact_invoice's per-product arrays and stores
 * them as arrays per segment and region (migration V12); unnested, they must equal the plain SQL definition over
 * the warehouse lines of each segment's customers.
 */
@PortalIntegration
class SegmentProductsTest {

    private static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String EXPECTED = "SELECT s.segment, s.region_id, f.product_id, sum(f.quantity), "
            + "sum(f.net_amount) FROM snap_customer s JOIN fact_sales f ON f.customer_id = s.customer_id "
            + "WHERE s.snapshot_id = " + CURRENT + " GROUP BY 1, 2, 3";
    private static final String ACTUAL = "SELECT segment, region_id, item.product_id, item.units, "
            + "(item.cents / 100.0)::NUMERIC(16, 2) FROM snap_segment_product_totals, "
            + "unnest(product_ids, units, revenue_cents) AS item(product_id, units, cents) WHERE snapshot_id = "
            + CURRENT;

    private static final String EXPECTED_BUYERS = "SELECT s.segment, s.region_id, f.product_id, "
            + "count(DISTINCT f.customer_id)::INT FROM snap_customer s JOIN fact_sales f ON f.customer_id = s.customer_id "
            + "WHERE s.snapshot_id = " + CURRENT + " GROUP BY 1, 2, 3";
    private static final String ACTUAL_BUYERS = "SELECT segment, region_id, item.product_id, item.buyers "
            + "FROM snap_segment_product_totals, unnest(product_ids, buyers) AS item(product_id, buyers) "
            + "WHERE snapshot_id = " + CURRENT;

    /** The buyers the refresh counts in its read of the invoices (V33) equal a distinct count over the lines. */
    @Test
    void theSnapshotsBuyersPerProductEqualADistinctCountOverTheLines() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM (" + ACTUAL_BUYERS + ") a WHERE buyers > 1")).isPositive();
        assertThat(superuserLong("SELECT count(*) FROM ((" + EXPECTED_BUYERS + " EXCEPT " + ACTUAL_BUYERS
                + ") UNION ALL (" + ACTUAL_BUYERS + " EXCEPT " + EXPECTED_BUYERS + ")) d")).isZero();
    }

    @Test
    void theSnapshotsProductTotalsEqualTheLinesOfEachSegmentsCustomers() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM (" + ACTUAL + ") a")).isPositive()
                .isEqualTo(superuserLong("SELECT count(*) FROM (" + EXPECTED + ") e"));
        assertThat(superuserLong("SELECT count(*) FROM ((" + EXPECTED + " EXCEPT " + ACTUAL + ") UNION ALL ("
                + ACTUAL + " EXCEPT " + EXPECTED + ")) d")).isZero();
    }
}
