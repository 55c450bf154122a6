package com.consumer360.sources;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An enabled source has its own Quartz job on its cron in the clustered store; the job, fired, runs the source under
 * the system scope and is audited as the scheduler; disabling the source removes the job. The source is an empty
 * stand-in, so the shared test warehouse gets no line and no refresh.
 */
@PortalIntegration
class SourceScheduleTest {

    @Autowired
    SourceService sources;

    @Autowired
    Scheduler scheduler;

    @Test
    @WithUserDetails("admin")
    void anEnabledSourceRunsOnItsOwnJobAndADisabledOneHasNone() throws Exception {
        String url = SourceDatabases.source("sources_schedule_src");
        SourceDefinition d = SourceDatabases.definition("scheduled-empty", url, HwmKind.TIMESTAMP);
        SourceDefinition enabled = new SourceDefinition(0, d.name(), d.jdbcUrl(), d.username(), false, d.factTable(),
                d.invoiceColumn(), d.invoiceTsColumn(), d.productColumn(), d.descriptionColumn(), d.quantityColumn(),
                d.unitPriceColumn(), d.customerColumn(), d.customerTable(), d.customerKeyColumn(), d.countryColumn(),
                d.hwmColumn(), d.hwmKind(), null, "EAST", "0 30 1 ? * MON-FRI", true);
        long lines = superuserLong("SELECT count(*) FROM fact_sales");
        long refreshes = superuserLong("SELECT count(*) FROM refresh_run");
        int id = sources.save(enabled, SourceDatabases.READER_PASSWORD);
        try {
            var triggers = scheduler.getTriggersOfJob(SourceSchedules.job(id));
            assertThat(triggers).singleElement().isInstanceOfSatisfying(CronTrigger.class,
                    trigger -> assertThat(trigger.getCronExpression()).isEqualTo("0 30 1 ? * MON-FRI"));

            scheduler.triggerJob(SourceSchedules.job(id));
            String audited = "SELECT count(*) FROM audit_event WHERE action = 'IMPORT' AND username = "
                    + "'system:scheduler' AND detail LIKE 'source scheduled-empty (run %, scheduled): no new lines%'";
            for (int i = 0; i < 150 && superuserLong(audited) == 0; i++) {
                Thread.sleep(200);
            }
            assertThat(superuserLong(audited)).as("the scheduled run, audited as the scheduler").isEqualTo(1);
            assertThat(superuserLong("SELECT count(*) FROM ingest_run WHERE source = 'sql:scheduled-empty' "
                    + "AND status = 'SUCCEEDED'")).isEqualTo(1);
            assertThat(superuserLong("SELECT count(*) FROM fact_sales")).isEqualTo(lines);
            assertThat(superuserLong("SELECT count(*) FROM refresh_run")).isEqualTo(refreshes);

            SourceDefinition saved = sources.sources().stream().filter(s -> s.definition().id() == id).findFirst()
                    .orElseThrow().definition();
            SourceDefinition disabled = new SourceDefinition(id, saved.name(), saved.jdbcUrl(), saved.username(), true,
                    saved.factTable(), saved.invoiceColumn(), saved.invoiceTsColumn(), saved.productColumn(),
                    saved.descriptionColumn(), saved.quantityColumn(), saved.unitPriceColumn(), saved.customerColumn(),
                    saved.customerTable(), saved.customerKeyColumn(), saved.countryColumn(), saved.hwmColumn(),
                    saved.hwmKind(), null, "EAST", saved.cron(), false);
            sources.save(disabled, null);
            assertThat(scheduler.checkExists(SourceSchedules.job(id))).isFalse();
            assertThat(sources.testConnection(disabled, null)).as("the stored password was kept")
                    .startsWith("Connected to PostgreSQL");
        } finally {
            sources.delete(id);
        }
        assertThat(scheduler.checkExists(SourceSchedules.job(id))).isFalse();
    }
}
