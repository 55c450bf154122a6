package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;

import java.sql.SQLException;
import org.springframework.context.ApplicationContext;

/**
 * For tests of week-on-week pages: makes sure the snapshots hold at least three different as-of days, writing weekly
 * snapshots of the past and then a refresh over all sales when other tests' refreshes (same data, same day) have
 * pushed the start-up history out of the retention.
 */
public final class WeeklyHistory {

    private WeeklyHistory() {
    }

    public static void ensure(ApplicationContext context) throws SQLException {
        if (superuserLong("SELECT count(DISTINCT as_of_date) FROM snapshot") < 3) {
            context.getBean(RefreshRunner.class).runWithHistory("MANUAL", "test:weekly-history", 3);
        }
    }
}
