package com.consumer360.warehouse;

import static com.consumer360.jooq.Tables.SNAP_CUSTOMER;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.refresh.SnapshotExtension;
import com.consumer360.refresh.TestRefresh;
import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Customer lists in name order (V50): read through the index on names when every customer of the snapshot has a name
 * the reader sees, and through the LEFT JOIN otherwise; both list exactly what plain SQL lists (LEFT JOIN, names
 * last when missing), and a customer whose region changed out of the reader's scope after the snapshot stays on the
 * list without a name, last.
 */
@PortalIntegration
class CustomerNameOrderTest {

    private static final CustomerOrder BY_NAME = new CustomerOrder(CustomerOrder.Column.NAME, false);
    private static final CustomerOrder BY_NAME_DESCENDING = new CustomerOrder(CustomerOrder.Column.NAME, true);

    @Autowired
    DSLContext db;
    @Autowired
    ApplicationContext context;
    /** Injected in the order the refresh runs them (its runner takes the same list). */
    @Autowired
    List<SnapshotExtension> extensions;

    @Test
    void theRefreshRecordsTheSnapshotsUnnamedCustomersAndTheMovesUntilThen() throws SQLException {
        // A refresh of the application's runner (other tests build runners without the after-switch work).
        TestRefresh.runNow(context, "CustomerNameOrderTest");
        long snapshot = current();
        assertThat(superuserLong("SELECT coalesce(unnamed_customers, -1) FROM snapshot WHERE snapshot_id = ?",
                snapshot)).as("counted, not left NULL").isEqualTo(unnamedBySql(snapshot)).isZero();
        assertThat(superuserLong("SELECT count(*) FROM snapshot WHERE snapshot_id = ? AND customer_moves IS NOT NULL",
                snapshot)).isOne();
    }

    @Test
    void theUnnamedCountRunsFirstOnceTheSnapshotIsCurrent() {
        assertThat(extensions.getFirst().name()).isEqualTo("unnamed_customers");
        assertThat(extensions.getFirst().afterSwitch()).isTrue();
    }

    @Test
    void movingOrRemovingCustomersMovesTheCounterOnAndOtherChangesDoNot() throws SQLException {
        long before = moves();
        long id = 990_000_002L;
        execute("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, country)"
                + " VALUES (" + id + ", 'NAME-ORDER-1', 'Name Order', 1, 'Norway')");
        execute("UPDATE dim_customer SET name = 'Name Order 2', first_purchase_date = DATE '2020-01-01'"
                + " WHERE customer_id = " + id);
        execute("UPDATE dim_customer SET region_id = 1 WHERE customer_id = " + id);
        assertThat(moves()).as("insert, a new name and first purchase, the same region").isEqualTo(before);
        execute("UPDATE dim_customer SET region_id = 2 WHERE customer_id = " + id);
        assertThat(moves()).as("a change of region").isEqualTo(before + 1);
        execute("DELETE FROM dim_customer WHERE customer_id = " + id);
        assertThat(moves()).as("a removal").isEqualTo(before + 2);
    }

    @Test
    @WithUserDetails("north")
    void theIndexReadListsWhatTheLeftJoinLists() throws SQLException {
        long snapshot = current();
        assertThat(unnamedBySql(snapshot)).isZero();
        long recorded = superuserLong("SELECT customer_moves FROM snapshot WHERE snapshot_id = ?", snapshot);
        String unnamed = String.valueOf(superuserLong("SELECT coalesce(unnamed_customers, -1) FROM snapshot "
                + "WHERE snapshot_id = ?", snapshot)).replace("-1", "NULL");
        // Other tests remove customers they added (not in any snapshot), which moves the counter on, and some write
        // snapshots without the after-switch count; record that no customer of the snapshot lacks a name now, as a
        // refresh would, and put the values back afterwards.
        execute("UPDATE snapshot SET customer_moves = (SELECT customer_moves FROM warehouse_version),"
                + " unnamed_customers = 0 WHERE snapshot_id = " + snapshot);
        try {
            assertThat(CustomerListQuery.allNamed(db, snapshot)).isTrue();
            assertListsAsSql(snapshot);
        } finally {
            execute("UPDATE snapshot SET customer_moves = " + recorded + ", unnamed_customers = " + unnamed
                    + " WHERE snapshot_id = " + snapshot);
        }
    }

    @Test
    @WithUserDetails("north")
    void aCustomerMovedOutOfTheScopeStaysListedWithoutANameLast() throws SQLException {
        long snapshot = current();
        long recorded = superuserLong("SELECT customer_moves FROM snapshot WHERE snapshot_id = ?", snapshot);
        long counter = moves();
        String unnamed = String.valueOf(superuserLong("SELECT coalesce(unnamed_customers, -1) FROM snapshot "
                + "WHERE snapshot_id = ?", snapshot)).replace("-1", "NULL");
        execute("UPDATE snapshot SET customer_moves = (SELECT customer_moves FROM warehouse_version),"
                + " unnamed_customers = 0 WHERE snapshot_id = " + snapshot);
        assertThat(CustomerListQuery.allNamed(db, snapshot)).as("before the move").isTrue();
        long moved = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = ? AND region_id = 1",
                snapshot);
        execute("UPDATE dim_customer SET region_id = 2 WHERE customer_id = " + moved);
        try {
            assertThat(CustomerListQuery.allNamed(db, snapshot)).as("a customer moved since the refresh").isFalse();
            List<CellCustomer> whole = CustomerListQuery.page(db, snapshot, members(snapshot), BY_NAME, 0,
                    Integer.MAX_VALUE);
            assertThat(whole.getLast().customerId()).isEqualTo(moved);
            assertThat(whole.getLast().name()).isNull();
            List<CellCustomer> last = CustomerListQuery.page(db, snapshot, members(snapshot), BY_NAME,
                    whole.size() - 10, 50);
            assertThat(last.getLast().customerId()).as("the last page, read from the end").isEqualTo(moved);
            assertThat(CustomerListQuery.page(db, snapshot, members(snapshot), BY_NAME_DESCENDING, 0, 1).getFirst()
                    .customerId()).as("nulls last in either direction").isNotEqualTo(moved);
            assertListsAsSql(snapshot);
        } finally {
            execute("UPDATE dim_customer SET region_id = 1 WHERE customer_id = " + moved);
            execute("UPDATE warehouse_version SET customer_moves = " + counter);
            execute("UPDATE snapshot SET customer_moves = " + recorded + ", unnamed_customers = " + unnamed
                    + " WHERE snapshot_id = " + snapshot);
        }
    }

    @Test
    @WithUserDetails("north")
    void aRefreshAfterACustomerMovedCountsItAndListsJoinAsBefore() throws SQLException {
        // The snapshot rows take their region from the lines; a customer moved to South keeps North's lines, so the
        // next snapshot lists it in North with no North name: counted, and the lists join the names as before.
        long moved = superuserLong("SELECT min(customer_id) FROM snap_customer WHERE snapshot_id = ? AND region_id = 1",
                current());
        execute("UPDATE dim_customer SET region_id = 2 WHERE customer_id = " + moved);
        try {
            TestRefresh.runNow(context, "CustomerNameOrderTest");
            long snapshot = current();
            assertThat(superuserLong("SELECT coalesce(unnamed_customers, -1) FROM snapshot WHERE snapshot_id = ?",
                    snapshot)).isEqualTo(unnamedBySql(snapshot)).isOne();
            assertThat(superuserLong("SELECT customer_moves FROM snapshot WHERE snapshot_id = ?", snapshot))
                    .as("recorded after the move").isEqualTo(moves());
            assertThat(CustomerListQuery.allNamed(db, snapshot)).isFalse();
            List<CellCustomer> whole = CustomerListQuery.page(db, snapshot, members(snapshot), BY_NAME, 0,
                    Integer.MAX_VALUE);
            assertThat(whole.getLast().customerId()).isEqualTo(moved);
            assertThat(whole.getLast().name()).isNull();
            assertListsAsSql(snapshot);
        } finally {
            execute("UPDATE dim_customer SET region_id = 1 WHERE customer_id = " + moved);
            TestRefresh.runNow(context, "CustomerNameOrderTest");
        }
        long snapshot = current();
        assertThat(superuserLong("SELECT coalesce(unnamed_customers, -1) FROM snapshot WHERE snapshot_id = ?",
                snapshot)).isZero();
        assertThat(CustomerListQuery.allNamed(db, snapshot)).as("moved back and refreshed").isTrue();
    }

    /** North's whole list by name both ways, and its first and last pages, against plain SQL as superuser. */
    private void assertListsAsSql(long snapshot) throws SQLException {
        for (CustomerOrder order : List.of(BY_NAME, BY_NAME_DESCENDING)) {
            List<Long> expected = northByNameBySql(snapshot, order.descending());
            List<Long> whole = ids(CustomerListQuery.page(db, snapshot, members(snapshot), order, 0,
                    Integer.MAX_VALUE));
            assertThat(whole).as(order.toString()).isEqualTo(expected);
            assertThat(expected.size()).as("a last page read from the end").isGreaterThan(ReversiblePage.REVERSE_FROM + 100);
            assertThat(ids(CustomerListQuery.page(db, snapshot, members(snapshot), order, 0, 50)))
                    .isEqualTo(expected.subList(0, 50));
            int last = expected.size() - 30;
            assertThat(ids(CustomerListQuery.page(db, snapshot, members(snapshot), order, last, 50)))
                    .isEqualTo(expected.subList(last, expected.size()));
            List<Long> streamed = new ArrayList<>();
            CustomerListQuery.each(db, snapshot, members(snapshot), order, c -> streamed.add(c.customerId()));
            assertThat(streamed).isEqualTo(expected);
        }
    }

    private static Condition members(long snapshot) {
        return SNAP_CUSTOMER.SNAPSHOT_ID.eq(snapshot);
    }

    private static long current() throws SQLException {
        return superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
    }

    private static long moves() throws SQLException {
        return superuserLong("SELECT customer_moves FROM warehouse_version");
    }

    private static long unnamedBySql(long snapshot) throws SQLException {
        return superuserLong("SELECT count(*) FROM snap_customer s LEFT JOIN dim_customer c USING (customer_id)"
                + " WHERE s.snapshot_id = ? AND c.region_id IS DISTINCT FROM s.region_id", snapshot);
    }

    /** North's snapshot customers by the name North sees (none when the customer is now in another region). */
    private static List<Long> northByNameBySql(long snapshot, boolean descending) throws SQLException {
        String direction = descending ? "DESC" : "ASC";
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement("SELECT s.customer_id FROM snap_customer s"
                     + " LEFT JOIN dim_customer c ON c.customer_id = s.customer_id AND c.region_id = 1"
                     + " WHERE s.snapshot_id = ? AND s.region_id = 1"
                     + " ORDER BY c.name " + direction + " NULLS LAST, s.customer_id " + direction)) {
            statement.setLong(1, snapshot);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Long> ids(List<CellCustomer> customers) {
        return customers.stream().map(CellCustomer::customerId).toList();
    }
}
