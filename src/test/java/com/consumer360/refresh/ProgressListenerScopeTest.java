package com.consumer360.refresh;

import com.consumer360.support.SignedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.support.PortalIntegration;
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
 * A refresh publishes its progress from inside its all-region system scope; a listener a page registered must not
 * inherit that scope. Listeners query the warehouse while the refresh runs (as a Vaadin {@code ui.access} does when
 * the session lock is free) and see exactly their registrant's regions.
 */
@PortalIntegration
class ProgressListenerScopeTest {

    @Autowired
    RefreshRunner runner;

    @Autowired
    RefreshProgressBroadcaster broadcaster;

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
    void aListenerRegisteredByNorthSeesNorthOnlyDuringARefresh() {
        List<Set<Integer>> northSaw = new CopyOnWriteArrayList<>();
        List<Set<Integer>> execSaw = new CopyOnWriteArrayList<>();
        List<Set<Integer>> anonymousSaw = new CopyOnWriteArrayList<>();
        registerAs("north", progress -> northSaw.add(visibleRegions()));
        registerAs("exec", progress -> execSaw.add(visibleRegions()));
        SecurityContextHolder.clearContext();
        registrations.add(broadcaster.register(progress -> anonymousSaw.add(visibleRegions())));

        assertThat(runner.run("MANUAL", "test")).isPositive();

        assertThat(northSaw).as("progress events heard by north's listener").hasSizeGreaterThan(3)
                .containsOnly(Set.of(1));
        assertThat(execSaw).hasSameSizeAs(northSaw).containsOnly(Set.of(1, 2, 3, 4, 5));
        assertThat(anonymousSaw).hasSameSizeAs(northSaw).containsOnly(Set.of());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("publisher's context restored").isNull();
    }

    private void registerAs(String username, Consumer<RefreshProgress> listener) {
        SignedIn.as(users, username);
        registrations.add(broadcaster.register(listener));
        SecurityContextHolder.clearContext();
    }

    private Set<Integer> visibleRegions() {
        return new TreeSet<>(jdbc.queryForList("SELECT DISTINCT region_id FROM dim_customer", Integer.class));
    }
}
