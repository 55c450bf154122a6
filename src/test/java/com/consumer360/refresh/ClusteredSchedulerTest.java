package com.consumer360.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/** Two scheduler instances clustered on one PostgreSQL fire a trigger exactly once (the refresh's set-up). */
@PortalIntegration
class ClusteredSchedulerTest {

    static final AtomicInteger FIRED = new AtomicInteger();

    @Autowired
    DataSource dataSource;

    @Test
    void twoInstancesOnOneDatabaseFireATriggerOnce() throws Exception {
        SchedulerFactoryBean first = node("node-a");
        SchedulerFactoryBean second = node("node-b");
        try {
            Scheduler scheduler = first.getScheduler();
            JobDetail job = JobBuilder.newJob(CountingJob.class).withIdentity("count-once", "cluster-test").build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("count-once", "cluster-test")
                    .startAt(new Date(System.currentTimeMillis() + 2_000))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)).build();
            scheduler.scheduleJob(job, trigger);
            first.start();
            second.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (FIRED.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(5_000); // time enough for a second, wrong firing on the other node
            assertThat(FIRED.get()).isEqualTo(1);
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private SchedulerFactoryBean node(String instanceId) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "c360-cluster-test");
        properties.setProperty("org.quartz.scheduler.instanceId", instanceId);
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setQuartzProperties(properties);
        factory.setSchedulerName("c360-cluster-test");
        factory.setAutoStartup(false);
        factory.setOverwriteExistingJobs(true);
        factory.afterPropertiesSet();
        return factory;
    }

    /** Counts its executions. */
    public static class CountingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            FIRED.incrementAndGet();
        }
    }
}
