package com.consumer360.refresh;

import org.springframework.context.ApplicationContext;

/** For tests that change the shared warehouse and put it back: a refresh run synchronously on the test's thread. */
public final class TestRefresh {

    private TestRefresh() {
    }

    public static long runNow(ApplicationContext context, String startedBy) {
        return context.getBean(RefreshRunner.class).run("MANUAL", startedBy);
    }
}
