package com.consumer360.sources;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One Quartz job per enabled source on its cron, in the clustered job store (group {@code consumer360-sources}):
 * brought in line with the definitions at start and after every change; a disabled or deleted source's job goes.
 */
@Component
class SourceSchedules {

    static final String GROUP = "consumer360-sources";
    private static final Logger log = LoggerFactory.getLogger(SourceSchedules.class);

    private final Scheduler scheduler;
    private final DataSource dataSource;

    SourceSchedules(Scheduler scheduler, DataSource dataSource) {
        this.scheduler = scheduler;
        this.dataSource = dataSource;
    }

    static JobKey job(int sourceId) {
        return JobKey.jobKey("source-" + sourceId, GROUP);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try (Connection connection = dataSource.getConnection()) {
            sync(SourceStore.all(connection));
        } catch (SQLException | RuntimeException e) {
            log.warn("Source schedules not synchronised at start: {}", e.getMessage());
        }
    }

    synchronized void sync(List<SourceStatus> sources) {
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (SourceStatus status : sources) {
                SourceDefinition source = status.definition();
                JobKey key = job(source.id());
                if (!source.enabled()) {
                    continue;
                }
                wanted.add(key);
                JobDetail detail = JobBuilder.newJob(SourceJob.class).withIdentity(key)
                        .usingJobData(SourceJob.SOURCE_ID, source.id()).storeDurably()
                        .withDescription("Reads source " + source.name()).build();
                Trigger trigger = TriggerBuilder.newTrigger().forJob(key).withIdentity(key.getName(), GROUP)
                        .withSchedule(CronScheduleBuilder.cronSchedule(source.cron())
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build();
                scheduler.scheduleJob(detail, Set.of(trigger), true);
            }
            for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(existing)) {
                    scheduler.deleteJob(existing);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the sources: " + e.getMessage(), e);
        }
    }

    /** The next time a source's job fires, or null when it has none. */
    java.util.Date nextRun(int sourceId) {
        try {
            var triggers = scheduler.getTriggersOfJob(job(sourceId));
            return triggers.isEmpty() ? null : triggers.getFirst().getNextFireTime();
        } catch (SchedulerException e) {
            return null;
        }
    }
}
