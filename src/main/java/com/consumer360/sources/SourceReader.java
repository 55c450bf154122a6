package com.consumer360.sources;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.TransactionTableBuilder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Properties;

/**
 * Reads a source over plain JDBC, read-only: the extract query for the lines past the high-water mark, streamed in
 * fetch batches into a transaction table, and the new high-water mark (the last line's). Failures come back as
 * {@link SourceException} with the driver's reason and never the password.
 */
final class SourceReader {

    static final int FETCH_SIZE = 10_000;
    static final int LOGIN_TIMEOUT_SECONDS = 10;
    /** Below every line id and every SQL Server datetime: the mark of a source never read. */
    static final long FIRST_LINE_ID = Long.MIN_VALUE;
    static final LocalDateTime FIRST_TIMESTAMP = LocalDateTime.of(1753, 1, 1, 0, 0);

    static final String UNKNOWN_COUNTRY = "(unknown)";

    record Extract(TransactionTable table, long lines, long malformed, String highWaterMark) {
    }

    private SourceReader() {
    }

    static Connection connect(SourceDefinition source, String password) throws SourceException {
        Properties properties = new Properties();
        properties.setProperty("user", source.username());
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (source.jdbcUrl().startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
            properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
            properties.setProperty("readOnly", "true");
        } else {
            properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
            properties.setProperty("applicationIntent", "ReadOnly");
            properties.setProperty("applicationName", "Consumer360");
        }
        try {
            Connection connection = DriverManager.getConnection(source.jdbcUrl(), properties);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            throw new SourceException("cannot connect to the source: " + reason(e, password));
        }
    }

    /** Connects and runs the extract for no lines: the tables and columns exist and the login may read them. */
    static String test(SourceDefinition source, String password) throws SourceException {
        try (Connection connection = connect(source, password)) {
            String product = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion();
            try (PreparedStatement statement = connection.prepareStatement(ExtractSql.of(source))) {
                statement.setMaxRows(1);
                bindMark(statement, source.hwmKind(), null);
                try (ResultSet result = statement.executeQuery()) {
                    boolean any = result.next();
                    return "Connected to " + product + "; the extract query runs"
                            + (any ? " and returns lines" : " (no lines yet)");
                }
            } catch (SQLException e) {
                throw new SourceException("connected, but the extract query failed: " + reason(e, password));
            }
        } catch (SQLException e) {
            throw new SourceException("the source connection failed: " + reason(e, password));
        }
    }

    /** The lines past {@code mark} (null: all), oldest first. */
    static Extract read(SourceDefinition source, String password, String mark) throws SourceException {
        var builder = new TransactionTableBuilder(EnumSet.of(TransactionColumn.CUSTOMER_ID, TransactionColumn.INVOICE_ID,
                TransactionColumn.INVOICE_DATE, TransactionColumn.PRODUCT_ID, TransactionColumn.DESCRIPTION,
                TransactionColumn.QUANTITY, TransactionColumn.UNIT_PRICE, TransactionColumn.COUNTRY));
        long lines = 0;
        long malformed = 0;
        String last = mark;
        try (Connection connection = connect(source, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(ExtractSql.of(source),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                bindMark(statement, source.hwmKind(), mark);
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        lines++;
                        last = readMark(r, source.hwmKind());
                        Timestamp ts = r.getTimestamp("invoice_ts");
                        String invoice = r.getString("invoice_id");
                        String product = r.getString("product_id");
                        BigDecimal price = r.getBigDecimal("unit_price");
                        int quantity = r.getInt("quantity");
                        boolean noQuantity = r.wasNull();
                        if (ts == null || invoice == null || product == null || price == null || noQuantity) {
                            malformed++;
                            builder.skipMalformedLine();
                            continue;
                        }
                        String customer = strip(r.getString("customer_id"));
                        LocalDateTime time = ts.toLocalDateTime();
                        builder.invoice(invoice.strip()).dateTime(Math.toIntExact(time.toLocalDate().toEpochDay()),
                                        time.toLocalTime().toSecondOfDay())
                                .product(product.strip()).description(r.getString("description"))
                                .quantity(quantity).unitPrice(price.doubleValue())
                                .customer(customer).country(country(customer, strip(r.getString("country"))));
                        builder.addLine();
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SourceException("the extract query failed: " + reason(e, password));
        }
        return new Extract(builder.build(), lines, malformed, last);
    }

    /**
     * A customer missing from the dimension or without a country gets {@link #UNKNOWN_COUNTRY} (the warehouse keeps a
     * country per customer), which goes to the default region like any unmapped country.
     */
    private static String country(String customer, String country) {
        return customer != null && (country == null || country.isEmpty()) ? UNKNOWN_COUNTRY : country;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static void bindMark(PreparedStatement statement, HwmKind kind, String mark) throws SQLException {
        if (kind == HwmKind.LINE_ID) {
            statement.setLong(1, mark == null ? FIRST_LINE_ID : Long.parseLong(mark));
        } else {
            statement.setTimestamp(1, Timestamp.valueOf(mark == null ? FIRST_TIMESTAMP : LocalDateTime.parse(mark)));
        }
    }

    private static String readMark(ResultSet r, HwmKind kind) throws SQLException {
        if (kind == HwmKind.LINE_ID) {
            return String.valueOf(r.getLong("hwm"));
        }
        return r.getTimestamp("hwm").toLocalDateTime().toString();
    }

    /** The driver's message (with its SQL state), the password masked should a driver ever echo it. */
    static String reason(SQLException e, String password) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.getSQLState() != null) {
            message += " (SQL state " + e.getSQLState() + ")";
        }
        return mask(message, password);
    }

    static String mask(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "********");
    }
}
