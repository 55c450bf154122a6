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

    private static List<Long> ids(List<CellCustomer> customers) {
        return customers.stream().map(CellCustomer::customerId).toList();
    }
}
