package com.consumer360.cohorts;

import static com.consumer360.support.TestDatabase.connectAs;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cohort figures computed independently, as the superuser (whom row-level security does not filter), straight
 * from fact_sales' lines: the definitions of docs/analytics-methods.md in one SQL statement.
 */
public final class CohortSql {

    /** Per customer and calendar month: purchased (a positive line on a non-cancellation invoice), net revenue. */
    private static final String MONTHS = """
            WITH m AS (
                SELECT s.customer_id, date_trunc('month', s.invoice_ts)::DATE AS month,
                       bool_or(s.net_amount > 0 AND NOT s.is_cancellation) AS purchase, sum(s.net_amount) AS revenue
                FROM fact_sales s JOIN dim_customer d ON d.customer_id = s.customer_id
                WHERE s.region_id = ANY (?) AND (?::TEXT IS NULL OR d.country = ?)
                  AND (?::TEXT IS NULL OR s.customer_id IN (SELECT customer_id FROM snap_customer WHERE segment = ?
                       AND snapshot_id = (SELECT snapshot_id FROM snapshot WHERE is_current)))
                  AND s.invoice_ts < (SELECT as_of_date FROM snapshot WHERE is_current)
                GROUP BY 1, 2),
            c AS (SELECT customer_id, min(month) FILTER (WHERE purchase) AS cohort FROM m GROUP BY 1),
            k AS (SELECT m.*, c.cohort, ((extract(YEAR FROM m.month) - extract(YEAR FROM c.cohort)) * 12
                         + extract(MONTH FROM m.month) - extract(MONTH FROM c.cohort))::INT AS period
                  FROM m JOIN c USING (customer_id) WHERE c.cohort IS NOT NULL AND m.month >= c.cohort)
            """;

    /** Customers and revenue of one cell. */
    public record Cell(long customers, BigDecimal revenue) {
    }

    private CohortSql() {
    }

    /** (cohort, period) to the cell's figures, for the given regions and optionally one country. */
    public static Map<String, Cell> cells(Short[] regions, String country) throws SQLException {
        return cells(regions, country, null);
    }

    /** As {@link #cells(Short[], String)}, for the customers in {@code segment} in the current snapshot. */
    public static Map<String, Cell> cells(Short[] regions, String country, String segment) throws SQLException {
        Map<String, Cell> cells = new TreeMap<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(MONTHS + "SELECT cohort, period, "
                     + "count(*) FILTER (WHERE purchase), sum(revenue) FROM k GROUP BY 1, 2")) {
            bind(connection, statement, regions, country, segment);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    cells.put(key(YearMonth.from(row.getDate(1).toLocalDate()), row.getInt(2)),
                            new Cell(row.getLong(3), row.getBigDecimal(4)));
                }
            }
        }
        return cells;
    }

    /** The customers of a cohort who purchased in its period {@code period}. */
    public static Set<Long> cellCustomers(Short[] regions, YearMonth cohort, int period) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = connectAs("postgres");
             PreparedStatement statement = connection.prepareStatement(MONTHS
                     + "SELECT customer_id FROM k WHERE purchase AND cohort = ? AND period = ?")) {
            bind(connection, statement, regions, null, null);
            statement.setObject(6, cohort.atDay(1));
            statement.setInt(7, period);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    public static String key(YearMonth cohort, int period) {
        return cohort + "/" + period;
    }

    private static void bind(Connection connection, PreparedStatement statement, Short[] regions, String country,
                             String segment) throws SQLException {
        statement.setArray(1, connection.createArrayOf("int2", regions));
        statement.setString(2, country);
        statement.setString(3, country);
        statement.setString(4, segment);
        statement.setString(5, segment);
    }

    /** The distinct values of a one-column query run as the superuser. */
    public static Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = connectAs("postgres");
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
