package com.consumer360.sources;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz trigger of one source's scheduled run: thin, the work is in {@link ScheduledSourceRun}. */
@DisallowConcurrentExecution
class SourceJob implements Job {

    static final String SOURCE_ID = "sourceId";

    private final ScheduledSourceRun run;

    SourceJob(ScheduledSourceRun run) {
        this.run = run;
    }

    @Override
    public void execute(JobExecutionContext context) {
        run.run(context.getMergedJobDataMap().getInt(SOURCE_ID));
    }
}
