package com.consumer360.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is given and points the data source
 * (runtime role) and Flyway (owner role) at it. Runs before any bean exists, so all of Spring Boot's
 * database auto-configuration works the same for the embedded and an external PostgreSQL.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()
                || !environment.getProperty("consumer360.embedded-database.enabled", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("consumer360.data-dir", "./data"));
        EmbeddedDatabase database = EmbeddedDatabase.startOrGet(dataDir.resolve("postgres"));
        Map<String, Object> connection = new HashMap<>();
        connection.put("spring.datasource.url", database.jdbcUrl());
        connection.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
        connection.put("spring.datasource.password", EmbeddedDatabase.PASSWORD);
        connection.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
        connection.put("spring.flyway.password", EmbeddedDatabase.PASSWORD);
        environment.getPropertySources().addFirst(new MapPropertySource("consumer360-embedded-postgres", connection));
        // Defaults a user may still override: the embedded database is the demo setup.
        environment.getPropertySources().addLast(new MapPropertySource("consumer360-embedded-defaults",
                Map.of("consumer360.demo-data", "true")));
    }
}
