package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The natural key computed while copying ({@link LineKey}) is the documented SQL expression over the staged values
 * (the day key, then the digest's last twelve bytes), so lines loaded by earlier versions, whose keys V27 put in this
 * form, keep matching: missing values skipped as concat_ws skips NULL, empty text kept, PostgreSQL's text of
 * timestamps and numerics.
 */
class ImportNaturalKeyTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "536365, 2010-12-01, 30360, 85123A, 6, 2.55, 15.30, 17850, United Kingdom",
            "C536379, 2010-12-01, 34260, D, -1, 27.50, -27.50, 14527, United Kingdom",
            "536414, 2010-12-01, 40260, 22139, 56, 0.00, 0.00, NULL, United Kingdom",
            "536544, 2011-01-09, 0, DOT, 1, 1234567.89, 1234567.89, NULL, NULL",
            "'', 0999-02-03, 86399, '', 0, 0.01, -0.01, '', ''",
            "581587, 2011-12-09, 45000, POST, 3, 18.00, 54.00, 12680, Côte d'Ivoire ü €",
    })
    void digestEqualsThePostgresExpression(String invoice, LocalDate day, int second, String product, int quantity,
                                           String price, String amount, String customer, String country)
            throws Exception {
        String timestamp = LineKey.timestamp(day, second);
        int dateKey = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
        UUID key = new LineKey().of(dateKey, invoice, timestamp, product, quantity, price, amount, customer, country);
        try (Connection connection = TestDatabase.connectAs("postgres");
             PreparedStatement sql = connection.prepareStatement("""
                     SELECT (lpad(to_hex(?::int), 8, '0')
                             || substr(md5(concat_ws('|', ?::varchar, ?::timestamp, ?::varchar, ?::int,
                                                     ?::numeric(12, 2), ?::numeric(14, 2), ?::varchar, ?::varchar)),
                                       9))::uuid,
                            ?::timestamp::text,
                            (lpad(to_hex(?::int), 8, '0') || substr(replace(md5(concat_ws('|', ?::varchar,
                                    ?::timestamp, ?::varchar, ?::int, ?::numeric(12, 2), ?::numeric(14, 2),
                                    ?::varchar, ?::varchar))::uuid::text, '-', ''), 9))::uuid""")) {
            String time = day + " " + LocalTime.ofSecondOfDay(second);
            bind(sql, 1, dateKey, invoice, time, product, quantity, price, amount, customer, country);
            sql.setString(10, time);
            // V27's rewrite of a key of the earlier form (the whole digest): the same key.
            bind(sql, 11, dateKey, invoice, time, product, quantity, price, amount, customer, country);
            try (ResultSet result = sql.executeQuery()) {
                result.next();
                assertThat(timestamp).isEqualTo(result.getString(2));
                assertThat(key).isEqualTo(result.getObject(1, UUID.class));
                assertThat(key).as("an earlier key after V27").isEqualTo(result.getObject(3, UUID.class));
            }
        }
    }

    /** The line's values as parameters {@code first} to {@code first + 8}, in the key expression's order. */
    private static void bind(PreparedStatement sql, int first, int dateKey, String invoice, String time,
                             String product, int quantity, String price, String amount, String customer,
                             String country) throws java.sql.SQLException {
        sql.setInt(first, dateKey);
        sql.setString(first + 1, invoice);
        sql.setString(first + 2, time);
        sql.setString(first + 3, product);
        sql.setInt(first + 4, quantity);
        sql.setString(first + 5, price);
        sql.setString(first + 6, amount);
        sql.setString(first + 7, customer);
        sql.setString(first + 8, country);
    }
}
