package com.consumer360.customsegments;

import com.consumer360.support.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Independent evaluation of a segment, written by hand in plain SQL as the superuser (no row-level security, no jOOQ,
 * no code of the feature): the current snapshot's customers meeting {@code where} (over {@code sc} = snap_customer
 * and {@code dc} = dim_customer, {@code s.as_of_date} = the snapshot's as-of date) in the given regions.
 */
final class SegmentSql {

    private SegmentSql() {
    }

    private static final String FROM = " FROM snap_customer sc JOIN snapshot s ON s.snapshot_id = sc.snapshot_id "
            + "AND s.is_current LEFT JOIN dim_customer dc ON dc.customer_id = sc.customer_id WHERE sc.region_id = ANY (?) ";

    static TreeSet<Long> ids(String where, Short[] regions) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        try (Connection c = TestDatabase.connectAs("postgres");
             PreparedStatement q = c.prepareStatement("SELECT sc.customer_id" + FROM + "AND (" + where + ")")) {
            q.setArray(1, c.createArrayOf("smallint", regions));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    static BigDecimal revenue(String where, Short[] regions) throws SQLException {
        try (Connection c = TestDatabase.connectAs("postgres");
             PreparedStatement q = c.prepareStatement("SELECT coalesce(sum(sc.monetary), 0)" + FROM + "AND (" + where
                     + ")")) {
            q.setArray(1, c.createArrayOf("smallint", regions));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }

    static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestDatabase.connectAs("postgres");
             PreparedStatement q = c.prepareStatement(sql);
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }
}
