package com.consumer360.security;

import static com.consumer360.support.TestDatabase.bindScope;
import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.count;
import static com.consumer360.support.TestDatabase.regionsOf;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** PostgreSQL itself refuses rows outside the bound region scope, for the runtime and the owner role. */
@PortalIntegration
class RowLevelSecurityTest {

    private static final List<String> SCOPED_TABLES = List.of("fact_sales", "fact_invoice", "dim_customer");

    @Autowired
    DataSource dataSource;

    @Test
    void runtimeRoleWithoutScopeSeesNoRows() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isPositive();
        try (Connection connection = connectAs("c360_app")) {
            for (String table : SCOPED_TABLES) {
                assertThat(count(connection, table)).as(table).isZero();
            }
        }
    }

    @Test
    void ownerRoleIsFilteredToo() throws SQLException {
        try (Connection connection = connectAs("c360_owner")) {
            for (String table : SCOPED_TABLES) {
                assertThat(count(connection, table)).as(table).isZero();
            }
            bindScope(connection, "1");
            assertThat(regionsOf(connection, "fact_sales")).containsExactly(1);
        }
    }

    @Test
    void northScopeSeesExactlyNorthsRows() throws SQLException {
        try (Connection connection = connectAs("c360_app")) {
            bindScope(connection, "1");
            for (String table : SCOPED_TABLES) {
                assertThat(regionsOf(connection, table)).as(table).containsExactly(1);
                assertThat(count(connection, table)).as(table)
                        .isEqualTo(superuserLong("SELECT count(*) FROM " + table + " WHERE region_id = 1"));
            }
        }
    }

    @Test
    void writesIntoAnotherRegionAreRefused() throws SQLException {
        try (Connection connection = connectAs("c360_app")) {
            bindScope(connection, "1");
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO dim_customer (customer_id, customer_code, name, region_id, "
                            + "country) VALUES (999999999, 'X', 'Intruder', 2, 'Spain')");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
        }
    }

    @Test
    void runtimeRoleOwnsNothingAndCannotBypass() throws SQLException {
        assertThat(superuserLong("SELECT count(*) FROM pg_roles WHERE rolname = 'c360_app' "
                + "AND (rolbypassrls OR rolsuper)")).isZero();
        assertThat(superuserLong("SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
                + "WHERE r.rolname = 'c360_app'")).isZero();
        assertThat(superuserLong("SELECT count(*) FROM pg_class WHERE relname IN ('fact_sales', 'fact_invoice', "
                + "'dim_customer') AND relrowsecurity AND relforcerowsecurity")).isEqualTo(3);
    }

    @Test
    void applicationConnectionsCarryTheSignedInUsersScopeAndNoScopeWithoutOne() throws SQLException {
        AppUser north = new AppUser(1, "north", "Nora North", "", true, Set.of(Roles.REGIONAL_MANAGER),
                Set.of((short) 1));
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(north, null, north.getAuthorities())));
        try (Connection connection = dataSource.getConnection()) {
            assertThat(regionsOf(connection, "fact_sales")).containsExactly(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (int i = 0; i < 12; i++) { // more than the pool size: every pooled connection is checked
            try (Connection connection = dataSource.getConnection()) {
                assertThat(count(connection, "fact_sales")).isZero();
            }
        }
    }
}
