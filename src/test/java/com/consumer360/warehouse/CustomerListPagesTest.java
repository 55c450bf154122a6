package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Pages of a customer list, those read from the end of the list included ({@link CustomerListQuery#page}), put
 * together in order are exactly the whole list in the chosen order, for every column and direction, in the reader's
 * scope. (Names and CLV may be missing, and nulls stay last; the demo data has none, so that part holds by
 * construction: the reverse order puts them first.)
 */
@PortalIntegration
class CustomerListPagesTest {

    @Autowired
    DSLContext db;

    @Test
    @WithUserDetails("exec")
    void pagesFromTheEndOfTheListAreTheSameRowsInTheSameOrder() throws Exception {
        long snapshot = TestDatabase.superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        Condition current = SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshot);
        for (CustomerOrder.Column column : CustomerOrder.Column.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                CustomerOrder order = new CustomerOrder(column, descending);
                List<Long> whole = ids(CustomerListQuery.page(db, snapshot, current, order, 0, Integer.MAX_VALUE));
                assertThat(whole.size()).as("a list long enough to be read from its end")
                        .isGreaterThan(4 * ReversiblePage.REVERSE_FROM);
                List<Long> paged = new ArrayList<>();
                int size = 97;
                for (int offset = 0; offset < whole.size() + size; offset += size) {
                    paged.addAll(ids(CustomerListQuery.page(db, snapshot, current, order, offset, size)));
                }
                assertThat(paged).as(order.toString()).isEqualTo(whole);
                // The last, partial page and a page past the end.
                int last = whole.size() - 13;
                assertThat(ids(CustomerListQuery.page(db, snapshot, current, order, last, 50))).as(order.toString())
                        .isEqualTo(whole.subList(last, whole.size()));
                assertThat(CustomerListQuery.page(db, snapshot, current, order, whole.size() + 5, 50)).isEmpty();
            }
        }
    }

    /**
     * An export streams the list in two statements ({@link CustomerListQuery#eachFirstRowsEarly}): its first rows as
     * a page, then the rest after the last of them. Together they are the whole list in the chosen order, ties
     * across the seam included (frequency and recency have many), for every column and direction; so is the list
     * read in one statement ({@link CustomerListQuery#each}).
     */
    @Test
    @WithUserDetails("exec")
    void anExportStreamsTheWholeListInItsOrder() throws Exception {
        long snapshot = TestDatabase.superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        for (CustomerOrder.Column column : CustomerOrder.Column.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                assertStreamedIsPaged(snapshot, new CustomerOrder(column, descending));
            }
        }
    }

    /**
     * Customers without a CLV stay last across the seam of an export's two statements: with the seam's row having
     * a CLV (a third without one) and without one (all but one in 40 without).
     */
    @Test
    @WithUserDetails("exec")
    void anExportKeepsCustomersWithoutAClvLastAcrossItsSeam() throws Exception {
        long snapshot = TestDatabase.superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        for (String withoutClv : List.of("customer_id % 3 = 0", "customer_id % 40 <> 0")) {
            try (java.sql.Connection owner = TestDatabase.connectAs("postgres");
                 java.sql.Statement sql = owner.createStatement()) {
                owner.setAutoCommit(false);
                sql.execute("CREATE TEMPORARY TABLE saved_clv AS SELECT customer_id, clv FROM snap_customer "
                        + "WHERE snapshot_id = " + snapshot);
                sql.execute("UPDATE snap_customer SET clv = NULL WHERE snapshot_id = " + snapshot + " AND "
                        + withoutClv);
                owner.commit();
                try {
                    long nulls = TestDatabase.superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = "
                            + snapshot + " AND clv IS NULL");
                    assertThat(nulls).as(withoutClv).isPositive();
                    for (boolean descending : new boolean[] {false, true}) {
                        List<CellCustomer> streamed = assertStreamedIsPaged(snapshot,
                                new CustomerOrder(CustomerOrder.Column.CLV, descending));
                        assertThat(streamed.subList(streamed.size() - (int) nulls, streamed.size()))
                                .as("%s, the last %d", withoutClv, nulls).allSatisfy(c -> assertThat(c.clv()).isNull());
                    }
                } finally {
                    sql.execute("UPDATE snap_customer t SET clv = s.clv FROM saved_clv s WHERE t.snapshot_id = "
                            + snapshot + " AND t.customer_id = s.customer_id");
                    sql.execute("DROP TABLE saved_clv");
                    owner.commit();
                }
            }
        }
    }

    private List<CellCustomer> assertStreamedIsPaged(long snapshot, CustomerOrder order) {
        Condition current = SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshot);
        List<CellCustomer> whole = CustomerListQuery.page(db, snapshot, current, order, 0, Integer.MAX_VALUE);
        assertThat(whole.size()).as("a list read in two statements").isGreaterThan(2 * CustomerListQuery.FIRST_ROWS);
        List<CellCustomer> streamed = new ArrayList<>();
        CustomerListQuery.eachFirstRowsEarly(db, snapshot, current, order, streamed::add);
        assertThat(ids(streamed)).as(order.toString()).isEqualTo(ids(whole));
        List<CellCustomer> inOne = new ArrayList<>();
        CustomerListQuery.each(db, snapshot, current, order, inOne::add);
        assertThat(ids(inOne)).as(order.toString() + ", in one statement").isEqualTo(ids(whole));
        return streamed;
    }

    private static List<Long> ids(List<CellCustomer> customers) {
        return customers.stream().map(CellCustomer::customerId).toList();
    }
}
