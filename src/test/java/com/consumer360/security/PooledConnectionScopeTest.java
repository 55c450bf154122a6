package com.consumer360.security;

import static com.consumer360.support.TestDatabase.regionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection returned to the pool carries no region setting into the next transaction, also when the transaction
 * that used it failed half-way (plain JDBC and a Spring-managed transaction): every connection of the pool is then
 * taken at once and checked, for another user and for no user.
 */
@PortalIntegration
class PooledConnectionScopeTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserDetailsService users;

    @Test
    void noRegionSettingSurvivesAFailedTransaction() throws Exception {
        SignedIn.call(users, "north", () -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                assertThat(regionsOf(connection, "fact_sales")).containsExactly(1);
                assertThatThrownBy(() -> statement.execute("SELECT 1 / 0")).isInstanceOf(SQLException.class);
                // closed inside the aborted transaction, without rollback
            }
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                assertThat(jdbc.queryForList("SELECT DISTINCT region_id FROM fact_sales", Integer.class))
                        .containsExactly(1);
                jdbc.execute("SELECT 1 / 0");
            })).isNotNull();
            return null;
        });
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        SignedIn.call(users, "south", () -> {
            everyPooledConnection(poolSize, connection -> {
                assertThat(setting(connection, "app.region_ids")).isEqualTo("2");
                assertThat(setting(connection, "app.username")).isEqualTo("south");
                assertThat(regionsOf(connection, "fact_sales")).containsExactly(2);
            });
            return null;
        });
        everyPooledConnection(poolSize, connection -> {
            assertThat(setting(connection, "app.region_ids")).isEmpty();
            assertThat(regionsOf(connection, "fact_sales")).isEmpty();
        });
    }

    private interface Check {
        void check(Connection connection) throws SQLException;
    }

    /** Takes as many connections as the pool holds, all at once, so each pooled connection is checked. */
    private void everyPooledConnection(int poolSize, Check check) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection connection = dataSource.getConnection();
                held.add(connection);
                check.check(connection);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(current_setting('" + name + "', true), '')")) {
            result.next();
            return result.getString(1);
        }
    }
}
