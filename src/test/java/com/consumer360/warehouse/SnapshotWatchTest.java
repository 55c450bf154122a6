package com.consumer360.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The watch that tells open pages about a newer snapshot reads the current snapshot's row with no user of its own,
 * and calls each page's listener as the user whose page registered it: north's listener sees North only, exec's
 * all five regions, one registered without a sign-in nothing.
 */
@PortalIntegration
class SnapshotWatchTest {

    @Autowired
    SnapshotWatch watch;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    private final List<Runnable> registrations = new CopyOnWriteArrayList<>();

    @AfterEach
    void unregister() {
        registrations.forEach(Runnable::run);
        SecurityContextHolder.clearContext();
    }

    @Test
    void listenersGetTheCurrentSnapshotInTheirRegistrantsScope() {
        List<SnapshotWatch.Current> heard = new CopyOnWriteArrayList<>();
        List<Set<Integer>> northSaw = new CopyOnWriteArrayList<>();
        List<Set<Integer>> execSaw = new CopyOnWriteArrayList<>();
        List<Set<Integer>> anonymousSaw = new CopyOnWriteArrayList<>();
        registerAs("north", current -> {
            heard.add(current);
            northSaw.add(visibleRegions());
        });
        registerAs("exec", current -> execSaw.add(visibleRegions()));
        registrations.add(watch.register(current -> anonymousSaw.add(visibleRegions())));

        watch.check();

        var row = jdbc.queryForMap("SELECT snapshot_id, as_of_date, created_at FROM snapshot WHERE is_current");
        assertThat(heard).isNotEmpty().allSatisfy(current -> {
            assertThat(current.snapshotId()).isEqualTo(((Number) row.get("snapshot_id")).longValue());
            assertThat(current.asOf()).isEqualTo(((java.sql.Date) row.get("as_of_date")).toLocalDate());
        });
        assertThat(northSaw).isNotEmpty().containsOnly(Set.of(1));
        assertThat(execSaw).isNotEmpty().containsOnly(Set.of(1, 2, 3, 4, 5));
        assertThat(anonymousSaw).isNotEmpty().containsOnly(Set.of());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the caller's context unchanged").isNull();
    }

    private void registerAs(String username, Consumer<SnapshotWatch.Current> listener) {
        SignedIn.as(users, username);
        registrations.add(watch.register(listener));
        SecurityContextHolder.clearContext();
    }

    private Set<Integer> visibleRegions() {
        return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT region_id FROM dim_customer", Integer.class));
    }
}
