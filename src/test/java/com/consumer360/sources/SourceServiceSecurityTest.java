package com.consumer360.sources;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Only ADMIN reaches the sources; everybody else is refused every method and nothing changes. The admin's form is
 * checked at the field, the password is write-only (stored sealed, in no listing), and a run of an empty source
 * records a run and changes no line of the shared test warehouse.
 */
@PortalIntegration
class SourceServiceSecurityTest {

    @Autowired
    SourceService sources;

    @Test
    @WithUserDetails("north")
    void regionalManagerIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("exec")
    void executiveIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("csops")
    void csOpsIsRefusedEverything() throws Exception {
        assertRefused(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        assertRefused(AuthenticationCredentialsNotFoundException.class);
    }

    private void assertRefused(Class<? extends Exception> refusal) throws Exception {
        long definitions = superuserLong("SELECT count(*) FROM source_definition");
        long runs = superuserLong("SELECT count(*) FROM ingest_run");
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        SourceDefinition example = SourceDefinition.example();
        assertThatThrownBy(() -> sources.sources()).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.save(example, "x")).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.delete(1)).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.testConnection(example, "x")).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.runNow(1)).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.runs(10)).isInstanceOf(refusal);
        assertThatThrownBy(() -> sources.extractTemplate()).isInstanceOf(refusal);
        assertThat(superuserLong("SELECT count(*) FROM source_definition")).isEqualTo(definitions);
        assertThat(superuserLong("SELECT count(*) FROM ingest_run")).isEqualTo(runs);
        assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
    }

    @Test
    @WithUserDetails("admin")
    void badFieldsAreNamedAndNothingIsStored() {
        long definitions = count();
        SourceDefinition d = SourceDefinition.example();
        SourceDefinition bad = new SourceDefinition(0, "", "jdbc:h2:mem:x", d.username(), false,
                "dbo.SalesLine; DROP TABLE fact_sales", d.invoiceColumn(), d.invoiceTsColumn(), d.productColumn(),
                d.descriptionColumn(), "Qty--", d.unitPriceColumn(), d.customerColumn(), d.customerTable(),
                d.customerKeyColumn(), d.countryColumn(), d.hwmColumn(), d.hwmKind(), null, null, "nightly", true);
        assertThatThrownBy(() -> sources.save(bad, ""))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.problems()).containsOnlyKeys("name",
                        "jdbcUrl", "fact_table", "quantity_column", "cron", "defaultRegion", "password"));
        assertThat(count()).isEqualTo(definitions);
    }

    @Test
    @WithUserDetails("admin")
    void thePasswordIsWriteOnlyAndAnEmptySourceRunLoadsNothing() throws Exception {
        String url = SourceDatabases.source("sources_portal_src");
        SourceDefinition definition = SourceDatabases.definition("portal-empty", url, HwmKind.LINE_ID);
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        long refreshes = superuserLong("SELECT count(*) FROM refresh_run");
        int id = sources.save(definition, SourceDatabases.READER_PASSWORD);
        try {
            assertThat(sources.sources().toString()).contains("portal-empty").contains("passwordSet=true")
                    .doesNotContain(SourceDatabases.READER_PASSWORD);
            try (Connection postgres = TestDatabase.connectAs("postgres");
                 Statement statement = postgres.createStatement();
                 ResultSet stored = statement.executeQuery("SELECT password_secret FROM source_definition "
                         + "WHERE source_id = " + id)) {
                stored.next();
                assertThat(stored.getString(1)).startsWith("v1:").doesNotContain(SourceDatabases.READER_PASSWORD);
            }
            SourceDefinition saved = sources.sources().stream().filter(s -> s.definition().id() == id).findFirst()
                    .orElseThrow().definition();
            assertThat(sources.testConnection(saved, "")).as("the stored password is used")
                    .startsWith("Connected to PostgreSQL").contains("(no lines yet)");
            assertThatThrownBy(() -> sources.testConnection(saved, "wrong-" + SourceDatabases.READER_PASSWORD))
                    .isInstanceOf(SourceException.class).hasMessageContaining("password authentication failed")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SourceDatabases.READER_PASSWORD));
            RunResult run = sources.runNow(id);
            assertThat(run.linesRead()).isZero();
            assertThat(sources.runs(5)).first().satisfies(r -> {
                assertThat(r.source()).isEqualTo("sql:portal-empty");
                assertThat(r.status()).isEqualTo("SUCCEEDED");
            });
            assertThat(superuserLong("SELECT count(*) FROM audit_event WHERE action = 'IMPORT' AND username = 'admin' "
                    + "AND detail LIKE 'source portal-empty (run " + run.runId() + ", run now)%'")).isEqualTo(1);
            assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
            assertThat(superuserLong("SELECT count(*) FROM refresh_run")).as("no lines, no refresh")
                    .isEqualTo(refreshes);
        } finally {
            sources.delete(id);
        }
        assertThat(sources.sources()).noneMatch(s -> s.definition().id() == id);
    }

    private static long count() {
        try {
            return superuserLong("SELECT count(*) FROM source_definition");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
