package com.consumer360.summary;

import static com.consumer360.support.TestDatabase.connectAs;
import static com.consumer360.support.TestDatabase.count;
import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.refresh.SnapshotPublished;
import com.consumer360.support.SignedIn;
import com.consumer360.support.PortalIntegration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import com.consumer360.refresh.WeeklyHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Digests are made in each recipient's own scope and each user reads only their own: North's digest holds North's
 * figures and no other region, exec's all five; North cannot open exec's digest by id; the runtime role without a
 * user sees no digest and cannot write one for somebody else; subscribing changes nothing about what one sees.
 */
@PortalIntegration
class DigestServiceTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void weeklyHistory() throws Exception {
        WeeklyHistory.ensure(context);
    }

    private static final List<String> OTHER_REGIONS = List.of("South", "East", "West", "Central");

    @Autowired
    DigestService digests;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserDetailsService users;

    @Test
    void eachRecipientsDigestIsComputedInTheirOwnScopeAndReadableByThemOnly() throws Exception {
        as("north", () -> {
            digests.subscribe(true);
            return null;
        });
        long current = superuserLong("SELECT snapshot_id FROM snapshot WHERE is_current");
        SecurityContextHolder.clearContext();
        events.publishEvent(new SnapshotPublished(current, current, "MANUAL", "test"));

        Digest north = as("north", () -> digests.myDigests().getFirst());
        assertThat(north.snapshotId()).isEqualTo(current);
        long northActive = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ? AND region_id = 1 "
                + "AND recency_days <= 90", current);
        long allActive = superuserLong("SELECT count(*) FROM snap_customer WHERE snapshot_id = ? "
                + "AND recency_days <= 90", current);
        assertThat(north.html()).contains(">" + String.format("%,d", northActive) + "<")
                .doesNotContain(">" + String.format("%,d", allActive) + "<").doesNotContain(OTHER_REGIONS);
        assertThat(north.delivery()).as("e-mailed to the test SMTP server").isEqualTo("SENT");

        Digest exec = as("exec", () -> digests.myDigests().getFirst());
        assertThat(exec.html()).contains(">" + String.format("%,d", allActive) + "<")
                .contains("North", "South", "East", "West", "Central");
        // Amounts carry no currency of their own: each label names it once.
        assertThat(exec.html()).contains(">Revenue (£)<", ">Average order value (£)<", ">Total expected CLV (£)<");
        assertThat(as("north", () -> digests.myDigest(exec.id()))).as("exec's digest opened by north").isEmpty();
        assertThat(as("exec", () -> digests.myDigest(exec.id()))).isPresent();
        assertThat(as("south", () -> digests.myDigests())).as("south did not subscribe").isEmpty();
        assertThat(superuserLong("SELECT count(*) FROM digest WHERE username = 'south'")).isZero();
        assertThat(as("exec", () -> digests.mySettings().subscribed())).as("executives by default").isTrue();
    }

    @Test
    void theRuntimeRoleSeesNoDigestWithoutAUserAndCannotWriteOneForSomebodyElse() throws SQLException {
        try (Connection connection = connectAs("c360_app")) {
            assertThat(count(connection, "digest")).isZero();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('app.region_ids', '1', false), "
                        + "set_config('app.username', 'north', false)");
                assertThatThrownBy(() -> statement.execute("INSERT INTO digest (username, snapshot_id, subject, html, "
                        + "delivery) VALUES ('exec', 1, 'x', 'x', 'KEPT')")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
                assertThatThrownBy(() -> statement.execute("INSERT INTO digest_subscription (username, subscribed) "
                        + "VALUES ('south', true)")).isInstanceOf(SQLException.class);
                assertThat(statement.executeUpdate("UPDATE digest SET html = 'x' WHERE username <> 'north'")).isZero();
            }
        }
    }

    @Test
    void aMalformedOrInjectedAddressIsRefusedAndChangesNothing() throws Exception {
        String before = as("csops", () -> digests.mySettings().email());
        for (String bad : List.of("not-an-address", "a@b", "x@example.com>\nBcc: all@example.com",
                "'; UPDATE app_user SET email = 'x'; --@x.y")) {
            assertThatThrownBy(() -> as("csops", () -> {
                digests.setEmail(bad);
                return null;
            })).as(bad).hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
        assertThat(as("csops", () -> digests.mySettings().email())).isEqualTo(before);
        as("csops", () -> {
            digests.setEmail("cs.ops@example.com");
            return null;
        });
        assertThat(superuserLong("SELECT count(*) FROM app_user WHERE email = 'cs.ops@example.com'")).isEqualTo(1);
        as("csops", () -> {
            digests.setEmail(before);
            return null;
        });
    }

    private <T> T as(String username, Callable<T> work) {
        try {
            return SignedIn.call(users, username, work);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
