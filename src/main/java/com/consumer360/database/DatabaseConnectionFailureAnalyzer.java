package com.consumer360.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Turns "cannot connect to PostgreSQL" at startup into one clear message naming the URL, never the password. */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith("08") || state.equals("28P01") || state.equals("3D000"))) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(no URL)");
        return new FailureAnalysis(
                "Cannot connect to the database at " + url + ": " + cause.getMessage(),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD "
                        + "(and SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD), that the server is running and "
                        + "reachable, and that sql/setup-roles.sql has been run (docs/operations.md). "
                        + "Leave SPRING_DATASOURCE_URL unset to use the embedded PostgreSQL.",
                cause);
    }
}
