package com.consumer360.refresh;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weekly schedule (consumer360.refresh.cron, Monday 03:00 by default); a missed run fires once on recovery. */
@Configuration
@EnableConfigurationProperties(RefreshOptions.class)
class RefreshSchedule {

    static final JobKey JOB = JobKey.jobKey("refresh", "consumer360");

    @Bean
    JobDetail refreshJobDetail() {
        return JobBuilder.newJob(RefreshJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                .withDescription("Refreshes RFM, CLV, cohort and basket snapshots").build();
    }

    @Bean
    Trigger refreshTrigger(JobDetail refreshJobDetail, RefreshOptions options) {
        return TriggerBuilder.newTrigger().forJob(refreshJobDetail).withIdentity("refresh-weekly", "consumer360")
                .withSchedule(CronScheduleBuilder.cronSchedule(options.cron())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
