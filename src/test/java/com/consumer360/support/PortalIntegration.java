package com.consumer360.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole portal on a random port, on the embedded PostgreSQL (a fresh one per test run) with a small demo
 * data set. All tests that use it share one Spring context and one database.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "consumer360.data-dir=" + PortalIntegration.DATA_DIR,
    "consumer360.demo-lines=" + PortalIntegration.DEMO_LINES,
    "consumer360.refresh.initial-history-weeks=" + PortalIntegration.HISTORY_WEEKS,
    "consumer360.snapshot-watch-interval=1s",
    "vaadin.devmode.devTools.enabled=false"})
public @interface PortalIntegration {

    String DATA_DIR = "target/test-data";
    String DEMO_LINES = "60000";
    /** Weekly snapshots of the past written at the first start, before the refresh over all sales. */
    String HISTORY_WEEKS = "3";
}
