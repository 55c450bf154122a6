package com.consumer360.refresh;

import org.springframework.context.ApplicationContext;

/** For tests that change the shared warehouse or compare refreshes: refreshes run synchronously on the test's thread. */
public final class TestRefresh {

    private TestRefresh() {
    }

    /** One refresh now; returns its run id. */
    public static long runNow(ApplicationContext context, String startedBy) {
        return context.getBean(RefreshRunner.class).run("MANUAL", startedBy);
    }

    /**
     * For pages that compare refreshes (custom segment movement and size history): runs the weekly snapshot of
     * {@code weeks} weeks ago and of every week since, then a refresh over all sales, as the first start does. The
     * warehouse is unchanged; the snapshots stay within the retention like any refresh's.
     */
    public static void withHistory(ApplicationContext context, String startedBy, int weeks) {
        context.getBean(RefreshRunner.class).runWithHistory("MANUAL", startedBy, weeks);
    }
}
