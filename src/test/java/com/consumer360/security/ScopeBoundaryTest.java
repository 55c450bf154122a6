package com.consumer360.security;

import static com.consumer360.support.TestDatabase.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.database.EmbeddedDatabase;
import com.consumer360.support.PortalIntegration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scope boundary below the services: the region setting never outlives the unit of work it was bound for, even
 * on a pool of two connections shared by two users and after a failed transaction; the runtime role cannot change
 * users, roles or regions by plain DML; and the user administration functions refuse anyone but an enabled admin.
 */
@PortalIntegration
class ScopeBoundaryTest {

    private static final int ROUNDS = 40;

    @Autowired
    AppUserDetailsService users;

    @Test
    void twoUsersOnAPoolOfTwoNeverSeeEachOthersRowsEvenAfterAFailedTransaction() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.startOrGet(Path.of(PortalIntegration.DATA_DIR).resolve("postgres"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername("c360_app");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setAutoCommit(true);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            RegionScopedDataSource scoped = new RegionScopedDataSource(pool);
            CyclicBarrier bothHoldAConnection = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<List<Set<Integer>>> north = threads.submit(() -> rounds(scoped, "north", bothHoldAConnection));
                Future<List<Set<Integer>>> south = threads.submit(() -> rounds(scoped, "south", bothHoldAConnection));
                assertThat(north.get(120, TimeUnit.SECONDS)).hasSize(ROUNDS).containsOnly(Set.of(1));
                assertThat(south.get(120, TimeUnit.SECONDS)).hasSize(ROUNDS).containsOnly(Set.of(2));
            } finally {
                threads.shutdownNow();
            }
            // Both pooled connections have been used by both users; nobody signed in now sees nothing on either.
            SecurityContextHolder.clearContext();
            for (int i = 0; i < 4; i++) {
                try (Connection connection = scoped.getConnection()) {
                    assertThat(regions(connection)).as("anonymous checkout %d", i).isEmpty();
                    assertThat(setting(connection, "app.username")).isIn("anonymous");
                }
            }
        }
    }

    /** Each round holds a connection while the other user holds the other one; every third round fails mid-way. */
    private List<Set<Integer>> rounds(RegionScopedDataSource scoped, String username, CyclicBarrier barrier)
            throws Exception {
        AppUser user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        List<Set<Integer>> seen = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (Connection connection = scoped.getConnection()) {
                    connection.setAutoCommit(false);
                    barrier.await(30, TimeUnit.SECONDS);
                    seen.add(regions(connection));
                    if (round % 3 == 0) {
                        try (Statement statement = connection.createStatement()) {
                            assertThatThrownBy(() -> statement.execute("SELECT 1 / 0")).isInstanceOf(SQLException.class);
                        }
                    } else {
                        connection.commit();
                    }
                    barrier.await(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        return seen;
    }

    @Test
    void runtimeRoleCannotChangeUsersRolesOrRegionsDirectly() throws SQLException {
        try (Connection connection = connectAs("c360_app"); Statement statement = connection.createStatement()) {
            assertRefused(statement, "UPDATE app_user_region SET region_id = 2 WHERE user_id = 1");
            assertRefused(statement, "INSERT INTO app_user_region (user_id, region_id) VALUES (1, 3)");
            assertRefused(statement, "INSERT INTO app_user_role (user_id, role_name) VALUES (1, 'ADMIN')");
            assertRefused(statement, "UPDATE app_user SET enabled = true");
            assertRefused(statement, "DELETE FROM app_user_role");
            assertRefused(statement, "DELETE FROM user_admin_audit");
            assertRefused(statement, "SELECT app_user_admin_apply(1, ARRAY['ADMIN']::VARCHAR[], ARRAY[1,2,3,4,5]::SMALLINT[])");
        }
        assertThat(com.consumer360.support.TestDatabase.superuserLong(
                "SELECT count(*) FROM app_user_region r JOIN app_user u USING (user_id) WHERE u.username = 'north'"))
                .isEqualTo(1);
    }

    @Test
    void userAdministrationFunctionsRefuseEveryoneButAnEnabledAdmin() throws SQLException {
        for (String caller : List.of("north", "exec", "csops", "", "nobody")) {
            try (Connection connection = connectAs("c360_app")) {
                bind(connection, "1,2,3,4,5", caller);
                try (Statement statement = connection.createStatement()) {
                    assertRefused(statement, "SELECT app_set_user_access('north', ARRAY['ADMIN']::VARCHAR[], "
                            + "ARRAY[1,2,3,4,5]::SMALLINT[])");
                    assertRefused(statement, "SELECT app_create_user('intruder', 'Intruder', '{noop}x', "
                            + "ARRAY['ADMIN']::VARCHAR[], ARRAY[1]::SMALLINT[])");
                    assertRefused(statement, "SELECT app_set_user_enabled('admin', false)");
                    assertRefused(statement, "SELECT app_set_user_password('admin', '{noop}x')");
                    // Users exist: bootstrapping is over for everyone.
                    assertRefused(statement, "SELECT app_bootstrap_user('intruder', 'Intruder', '{noop}x', "
                            + "ARRAY['ADMIN']::VARCHAR[], ARRAY[1]::SMALLINT[])");
                }
            }
        }
        assertThat(com.consumer360.support.TestDatabase.superuserLong(
                "SELECT count(*) FROM app_user WHERE username = 'intruder'")).isZero();
        assertThat(com.consumer360.support.TestDatabase.superuserLong(
                "SELECT count(*) FROM app_user_role r JOIN app_user u USING (user_id) "
                        + "WHERE u.username = 'north' AND r.role_name = 'ADMIN'")).isZero();
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo("42501"));
    }

    private static void bind(Connection connection, String regions, String username) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('app.region_ids', ?, false), set_config('app.username', ?, false)")) {
            statement.setString(1, regions);
            statement.setString(2, username);
            statement.execute();
        }
    }

    private static Set<Integer> regions(Connection connection) throws SQLException {
        Set<Integer> regions = new java.util.TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT DISTINCT region_id FROM dim_customer")) {
            while (result.next()) {
                regions.add(result.getInt(1));
            }
        }
        return regions;
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('" + name + "', true)")) {
            result.next();
            return result.getString(1);
        }
    }
}
