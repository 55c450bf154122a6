package com.consumer360.sources;

import com.consumer360.audit.AuditAction;
import com.consumer360.audit.AuditTrail;
import com.consumer360.security.SystemScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A source's scheduled run, nobody's request: under the audited system scope "source:NAME" over every region (the
 * one entry point of this module allowed to enter it, ArchitectureTest), audited as {@code system:scheduler}; when
 * lines were loaded it queues the refresh job, as the refresh's own schedule would.
 */
@Component
class ScheduledSourceRun {

    static final String STARTED_BY = "system:scheduler";
    /** The refresh's Quartz job (refresh.RefreshSchedule) and the job data it reads (refresh.RefreshJob). */
    static final JobKey REFRESH_JOB = JobKey.jobKey("refresh", "consumer360");

    private static final Logger log = LoggerFactory.getLogger(ScheduledSourceRun.class);

    private final DataSource dataSource;
    private final SourceRunner runner;
    private final AuditTrail audit;
    private final Scheduler scheduler;

    ScheduledSourceRun(DataSource dataSource, SourceRunner runner, AuditTrail audit, Scheduler scheduler) {
        this.dataSource = dataSource;
        this.runner = runner;
        this.audit = audit;
        this.scheduler = scheduler;
    }

    void run(int sourceId) {
        try {
            RunResult result = SystemScope.call("source-" + sourceId, allRegions(), () -> runner.run(sourceId));
            audit.recordFor(STARTED_BY, AuditAction.IMPORT, "source " + result.source() + " (run " + result.runId()
                    + ", scheduled): " + result.summary());
            if (result.linesInserted() > 0) {
                JobDataMap data = new JobDataMap();
                data.put("trigger", "SCHEDULED");
                data.put("startedBy", "system:source " + result.source());
                scheduler.triggerJob(REFRESH_JOB, data);
            }
        } catch (SourceException e) {
            audit.recordFor(STARTED_BY, AuditAction.IMPORT, e.getMessage() + " (scheduled run of source id " + sourceId
                    + ")");
        } catch (SchedulerException e) {
            log.warn("Source {}: the refresh could not be queued: {}", sourceId, e.getMessage());
        } catch (Exception e) {
            log.warn("Source {}: the scheduled run failed: {}", sourceId, e.getMessage());
        }
    }

    private Set<Short> allRegions() throws SQLException {
        Set<Short> regions = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT region_id FROM dim_region")) {
            while (result.next()) {
                regions.add(result.getShort(1));
            }
        }
        return regions;
    }
}
