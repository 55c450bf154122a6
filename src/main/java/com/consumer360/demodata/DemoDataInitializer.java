package com.consumer360.demodata;

import com.consumer360.security.SystemScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo retailer and demo users into an empty warehouse before the portal accepts requests
 * ({@code consumer360.demo-data}, on by default for the embedded database).
 */
@Component
@ConditionalOnProperty(name = "consumer360.demo-data", havingValue = "true")
class DemoDataInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);
    /** Advisory lock key of the demo load ("c36d" in hex), held until its transaction ends. */
    private static final long LOAD_LOCK = 0x63333664L;

    private final DataSource dataSource;
    private final PasswordEncoder passwordEncoder;
    private final long lines;
    private final long seed;
    private final DemoParameters parameters;

    DemoDataInitializer(DataSource dataSource, PasswordEncoder passwordEncoder, Flyway flywayMigratedFirst,
                        @Value("${consumer360.demo-lines:1000000}") long lines,
                        @Value("${consumer360.demo-seed:42}") long seed,
                        @Value("${consumer360.demo-shape:standard}") String shape) {
        this.dataSource = dataSource;
        this.passwordEncoder = passwordEncoder;
        this.lines = lines;
        this.seed = seed;
        this.parameters = DemoParameters.ofShape(shape);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            SystemScope.call("demo-load", new HashSet<>(DemoUsers.ALL_REGIONS), this::loadIfEmpty);
        } catch (Exception e) {
            throw new IllegalStateException("Loading the demo data failed: " + e.getMessage(), e);
        }
    }

    private Void loadIfEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // Several app nodes may start together on one empty database: the first loads, the others wait for its
            // commit here and then find the warehouse loaded (a second load would fail on the regions' keys).
            lockAgainstOtherNodes(connection);
            if (hasRegions(connection)) {
                connection.commit();
                log.info("Demo data: warehouse already loaded, nothing to do");
                return null;
            }
            LocalDate end = LocalDate.now().minusDays(1);
            log.info("Demo data: generating and loading {} sales lines (seed {}, ending {})", lines, seed, end);
            long started = System.nanoTime();
            long runId = IngestRuns.start(connection, "demo-data");
            long loaded = new DemoDataLoader(new DemoDataGenerator(seed, lines, end, parameters))
                    .load(connection);
            DemoUsers.insert(connection, passwordEncoder);
            IngestRuns.finish(connection, runId, loaded);
            connection.commit();
            connection.setAutoCommit(true);
            try (var statement = connection.createStatement()) {
                // Statistics for the freshly loaded tables (migration V9 grants MAINTAIN), so that the first
                // refresh and the first views are planned for the data they read.
                statement.execute("ANALYZE fact_sales, fact_invoice, dim_customer");
            }
            log.info("Demo data: done, {} lines in {} ms; demo users: {}", loaded,
                    (System.nanoTime() - started) / 1_000_000,
                    DemoUsers.USERS.stream().map(DemoUsers.DemoUser::username).toList());
        }
        return null;
    }

    private static void lockAgainstOtherNodes(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOAD_LOCK);
            lock.execute();
        }
    }

    private static boolean hasRegions(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM dim_region");
             ResultSet result = query.executeQuery()) {
            return result.next() && result.getLong(1) > 0;
        }
    }
}
