package com.consumer360.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.Consumer360Application;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An unreachable external database gives one clear startup error naming the URL, never the password. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void unreachableDatabaseIsNamedWithoutItsPassword(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:9/consumer360?connectTimeout=2";
        // Another application context in this JVM installs its own Spring Security context-holder strategy
        // statically; put back the shared test context's afterwards so later tests keep their signed-in user.
        SecurityContextHolderStrategy shared = SecurityContextHolder.getContextHolderStrategy();
        try {
            assertThatThrownBy(() -> SpringApplication.run(Consumer360Application.class,
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=c360_app",
                    "--spring.datasource.password=s3cret-app",
                    "--spring.flyway.user=c360_owner",
                    "--spring.flyway.password=s3cret-owner",
                    "--server.port=0",
                    "--spring.datasource.hikari.initialization-fail-timeout=1"))
                    .isInstanceOf(Exception.class);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(shared);
        }
        assertThat(output.getAll())
                .contains("Cannot connect to the database at " + url)
                .doesNotContain("s3cret-app", "s3cret-owner");
    }
}
