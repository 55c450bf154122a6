package com.consumer360.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.Consumer360Application;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With SPRING_DATASOURCE_URL and the Flyway owner set, the portal uses that database instead of starting
 * its own, migrates it as the owner and, with CONSUMER360_DEMO_DATA=true, loads the demo data into it. The
 * "external" server here is a second database on the test run's embedded server, set up like
 * sql/setup-roles.sql does.
 */
class ExternalDatabaseTest {

    @Test
    void migratesAndLoadsDemoDataIntoAGivenDatabase() throws Exception {
        try (Connection admin = TestDatabase.connectAs("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS consumer360_external");
            statement.execute("CREATE DATABASE consumer360_external OWNER c360_owner");
            statement.execute("REVOKE ALL ON DATABASE consumer360_external FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE consumer360_external TO c360_app");
        }
        String url = EmbeddedDatabase.startOrGet(java.nio.file.Path.of(PortalIntegration.DATA_DIR).resolve("postgres"))
                .jdbcUrl().replace("/consumer360", "/consumer360_external");
        // Another application context in this JVM installs its own Spring Security context-holder strategy
        // statically; put back the shared test context's afterwards so later tests keep their signed-in user.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try {
            try (ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=c360_app",
                    "--spring.datasource.password=unused-with-trust",
                    "--spring.flyway.user=c360_owner",
                    "--spring.flyway.password=unused-with-trust",
                    "--consumer360.demo-data=true",
                    "--consumer360.demo-lines=5000",
                    "--server.port=0",
                    // Quartz registers its data source in a JVM-wide registry under the scheduler's name: a second
                    // context in this JVM must use another name, or it takes over the shared test context's.
                    "--spring.quartz.scheduler-name=c360-external-database-test",
                    "--spring.quartz.auto-startup=false",
                    "--vaadin.devmode.devTools.enabled=false")) {
                assertThat(context.isRunning()).isTrue();
            }
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        try (Connection owner = java.sql.DriverManager.getConnection(url, "postgres", "");
             Statement statement = owner.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT (SELECT count(*) FROM dim_region), (SELECT count(*) FROM fact_sales), "
                             + "(SELECT count(*) FROM app_user)")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(5);
            assertThat(result.getLong(2)).isEqualTo(5000);
            assertThat(result.getLong(3)).isEqualTo(8);
        }
    }
}
