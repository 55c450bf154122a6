package com.consumer360.refresh;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz trigger of the refresh: thin, the work is in {@link RefreshRunner}. Never two at once in the cluster;
 * a run whose node died is run again by another node ({@code requestRecovery} in {@link RefreshSchedule}).
 */
@DisallowConcurrentExecution
class RefreshJob implements Job {

    static final String TRIGGER = "trigger";
    static final String STARTED_BY = "startedBy";
    private static final Logger log = LoggerFactory.getLogger(RefreshJob.class);

    private final RefreshRunner runner;

    RefreshJob(RefreshRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        String trigger = data.containsKey(TRIGGER) ? data.getString(TRIGGER) : "SCHEDULED";
        String startedBy = data.containsKey(STARTED_BY) ? data.getString(STARTED_BY) : "system:scheduler";
        // Which node runs which firing: with several nodes, the logs show each firing on exactly one of them.
        log.info("Refresh job fired on node {}: trigger {}, scheduled {}, recovering {}", instanceId(context),
                context.getTrigger().getKey(), context.getScheduledFireTime() == null ? null
                        : context.getScheduledFireTime().toInstant(), context.isRecovering());
        runner.run(trigger, startedBy);
    }

    private static String instanceId(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "?";
        }
    }
}
