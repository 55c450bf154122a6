package com.consumer360.refresh;

import com.consumer360.security.Roles;
import java.util.List;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Admin control of the refresh: start one now (through Quartz, so never two at once) and read the history. */
@Service
public class RefreshService {

    private final Scheduler scheduler;
    private final RunHistory history;

    RefreshService(Scheduler scheduler, RunHistory history) {
        this.scheduler = scheduler;
        this.history = history;
    }

    /** Queues a refresh now; it runs under the refresh's own audited scope, not the admin's. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void refreshNow() {
        JobDataMap data = new JobDataMap();
        data.put(RefreshJob.TRIGGER, "MANUAL");
        data.put(RefreshJob.STARTED_BY, SecurityContextHolder.getContext().getAuthentication().getName());
        try {
            scheduler.triggerJob(RefreshSchedule.JOB, data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the refresh: " + e.getMessage(), e);
        }
    }

    /** Whether a refresh is executing on this node right now (Quartz's view; a dead process's RUNNING row is not). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public boolean isRunning() {
        try {
            return scheduler.getCurrentlyExecutingJobs().stream()
                    .anyMatch(job -> job.getJobDetail().getKey().equals(RefreshSchedule.JOB));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not ask the scheduler: " + e.getMessage(), e);
        }
    }

    /** The latest runs, newest first. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public List<RefreshRun> history(int limit) {
        return history.latest(limit);
    }
}
