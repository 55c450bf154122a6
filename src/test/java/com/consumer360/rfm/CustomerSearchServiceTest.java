package com.consumer360.rfm;

import static com.consumer360.support.TestDatabase.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Customer search within the user's scope: North never finds another region's customer, by id, code or name, and
 * what it finds is exactly what dim_customer holds for North (read as superuser).
 */
@PortalIntegration
class CustomerSearchServiceTest {

    @Autowired
    CustomerSearchService search;

    @Test
    @WithUserDetails("north")
    void northNeverFindsAnotherRegionsCustomer() throws SQLException {
        Set<Long> north = new HashSet<>(longs("SELECT customer_id FROM dim_customer WHERE region_id = 1"));
        List<String[]> others = rows("SELECT customer_id, customer_code, name FROM dim_customer WHERE region_id <> 1"
                + " ORDER BY customer_id LIMIT 40");
        for (String[] other : others) {
            for (String text : other) {
                assertThat(search.search(text)).as(text).extracting(CustomerMatch::customerId).allMatch(north::contains);
            }
            assertThat(search.search(other[0])).extracting(CustomerMatch::customerId)
                    .doesNotContain(Long.parseLong(other[0]));
        }
        for (String common : List.of("an", "er", "CU", "1", "a", "%", "_", "e%")) {
            assertThat(search.search(common)).as(common).extracting(CustomerMatch::customerId)
                    .allMatch(north::contains);
        }
        assertThat(search.search("an")).extracting(CustomerMatch::region).containsOnly("North");
    }

    @Test
    @WithUserDetails("north")
    void findsItsOwnCustomersByIdCodeAndPartOfTheName() throws SQLException {
        String[] mine = rows("SELECT customer_id, customer_code, name FROM dim_customer WHERE region_id = 1"
                + " ORDER BY customer_id LIMIT 1").getFirst();
        long id = Long.parseLong(mine[0]);
        assertThat(search.search(mine[0]).getFirst().customerId()).isEqualTo(id);
        assertThat(search.search(mine[1].toLowerCase()).getFirst().customerId()).isEqualTo(id);
        String part = mine[2].substring(1, Math.min(mine[2].length(), 6)).toUpperCase();
        long expected = longs("SELECT count(*) FROM dim_customer WHERE region_id = 1 AND (name ILIKE '%' || ? || '%'"
                + " OR customer_code ILIKE ? || '%')", part, part).getFirst();
        assertThat(search.search(part)).hasSize((int) Math.min(expected, CustomerSearchService.MAX_RESULTS))
                .extracting(CustomerMatch::customerId).contains(id);
        assertThat(search.search("%%")).as("a wildcard is a character, not everything")
                .hasSize(longs("SELECT count(*) FROM dim_customer WHERE region_id = 1 AND name LIKE '%\\%\\%%'")
                        .getFirst().intValue());
        assertThat(search.search("")).isEmpty();
        assertThat(search.search(" x ")).as("one letter").isEmpty();
    }

    @Test
    @WithUserDetails("exec")
    void anExecutiveFindsEveryRegionsCustomers() throws SQLException {
        String[] south = rows("SELECT customer_id, customer_code, name FROM dim_customer WHERE region_id = 2"
                + " ORDER BY customer_id LIMIT 1").getFirst();
        assertThat(search.search(south[0]).getFirst().region()).isEqualTo("South");
    }

    @Test
    @WithUserDetails("north")
    void matchesWhatIlikeMatchesBeyondAscii() throws SQLException {
        // The search compares the stored folded code and name (V49) with LIKE: the same customers as ILIKE, for
        // letters outside ASCII too (an imported name may have any). Written and removed here, as superuser.
        long id = 990_000_001L;
        execute("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, country)"
                + " VALUES (" + id + ", 'ÜB-ÉTÉ-7', 'Zoë Ørsted-Çelik', 1, 'Denmark')");
        try {
            for (String text : List.of("ØRSTED-ÇE", "zoë ø", "üb-été", "ÜB-É")) {
                assertThat(search.search(text)).as(text).extracting(CustomerMatch::customerId).contains(id);
            }
            assertThat(search.search("ORSTED")).as("no folding of accents").extracting(CustomerMatch::customerId)
                    .doesNotContain(id);
            for (String pattern : List.of("%ørsted%", "%AN%", "cu1%", "%Ç%", "%_%")) {
                assertThat(longs("SELECT count(*) FROM dim_customer WHERE name_folded LIKE lower(?)", pattern))
                        .as(pattern).isEqualTo(longs("SELECT count(*) FROM dim_customer WHERE name ILIKE ?", pattern));
                assertThat(longs("SELECT count(*) FROM dim_customer WHERE code_folded LIKE lower(?)", pattern))
                        .as(pattern).isEqualTo(longs("SELECT count(*) FROM dim_customer WHERE customer_code ILIKE ?",
                                pattern));
            }
        } finally {
            execute("DELETE FROM dim_customer WHERE customer_id = " + id);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void refusesAnonymousCallers() {
        assertThatThrownBy(() -> search.search("an")).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static List<Long> longs(String sql, Object... parameters) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection connection = connectAs("postgres");
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getLong(1));
                }
            }
        }
        return values;
    }

    private static List<String[]> rows(String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = connectAs("postgres");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
            }
        }
        return rows;
    }
}
