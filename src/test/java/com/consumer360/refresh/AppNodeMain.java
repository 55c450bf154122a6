package com.consumer360.refresh;

import com.consumer360.Consumer360Application;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One app node of the two-node tests, in its own JVM: the portal as {@code java -jar} starts it, plus a control
 * directory ({@code -Dnode.control=DIR}) through which the test steers it, since it shares nothing with the test but
 * the database. Files the test writes: {@code standby} (while present, this node's Quartz scheduler fires nothing),
 * {@code pause-at} (a refresh stage name: a refresh reaching that stage on this node writes {@code paused} and then
 * hangs until the process is killed), {@code cron} (a new schedule for the refresh, for the whole cluster; the node
 * answers {@code rescheduled}). Files the node writes: {@code ready} once started (the first refresh done).
 */
public final class AppNodeMain {

    /** The refresh's advisory lock key, for tests outside this package that look for it in {@code pg_locks}. */
    public static final long REFRESH_LOCK = RefreshRunner.LOCK;

    private AppNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path control = Path.of(System.getProperty("node.control"));
        ConfigurableApplicationContext context = SpringApplication.run(Consumer360Application.class, args);
        context.getBean(RefreshRunner.class).setStageHook(stage -> pauseIfAsked(control, stage));
        Scheduler scheduler = context.getBean(Scheduler.class);
        Thread steering = new Thread(() -> steer(control, scheduler), "node-control");
        steering.setDaemon(true);
        steering.start();
        Files.writeString(control.resolve("ready"), "ready");
    }

    private static void pauseIfAsked(Path control, RefreshStage stage) {
        try {
            Path pauseAt = control.resolve("pause-at");
            if (Files.exists(pauseAt) && Files.readString(pauseAt).strip().equals(stage.name())) {
                Files.writeString(control.resolve("paused"), stage.name());
                while (true) {
                    Thread.sleep(60_000);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Changes the refresh's schedule for the whole cluster, as a changed {@code consumer360.refresh.cron} would. */
    private static void reschedule(Scheduler scheduler, String cron) throws SchedulerException {
        Trigger current = scheduler.getTriggersOfJob(RefreshSchedule.JOB).stream()
                .filter(trigger -> trigger instanceof CronTrigger).findFirst().orElseThrow();
        scheduler.rescheduleJob(current.getKey(), TriggerBuilder.newTrigger().withIdentity(current.getKey())
                .forJob(RefreshSchedule.JOB).withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .withMisfireHandlingInstructionFireAndProceed()).build());
    }

    private static void steer(Path control, Scheduler scheduler) {
        try {
            while (!scheduler.isShutdown()) {
                boolean standby = Files.exists(control.resolve("standby"));
                if (standby && !scheduler.isInStandbyMode()) {
                    scheduler.standby();
                    Files.writeString(control.resolve("in-standby"), "standby");
                } else if (!standby && scheduler.isInStandbyMode()) {
                    scheduler.start();
                    Files.deleteIfExists(control.resolve("in-standby"));
                }
                Path cron = control.resolve("cron");
                if (Files.exists(cron)) {
                    reschedule(scheduler, Files.readString(cron).strip());
                    Files.delete(cron);
                    Files.writeString(control.resolve("rescheduled"), "rescheduled");
                }
                Thread.sleep(100);
            }
        } catch (SchedulerException | IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
