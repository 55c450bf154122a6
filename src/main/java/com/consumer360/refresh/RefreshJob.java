package com.consumer360.refresh;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz trigger of the refresh: thin, the work is in {@link RefreshRunner}. Never two at once in the cluster. */
@DisallowConcurrentExecution
class RefreshJob implements Job {

    static final String TRIGGER = "trigger";
    static final String STARTED_BY = "startedBy";

    private final RefreshRunner runner;

    RefreshJob(RefreshRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        String trigger = data.containsKey(TRIGGER) ? data.getString(TRIGGER) : "SCHEDULED";
        String startedBy = data.containsKey(STARTED_BY) ? data.getString(STARTED_BY) : "system:scheduler";
        runner.run(trigger, startedBy);
    }
}
