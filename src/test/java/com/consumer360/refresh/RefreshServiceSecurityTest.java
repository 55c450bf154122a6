package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.support.PortalIntegration;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Only ADMIN may start a refresh or read its history, whatever page the call comes from. */
@PortalIntegration
class RefreshServiceSecurityTest {

    @Autowired
    RefreshService refresh;

    @Test
    @WithUserDetails("north")
    void regionalManagerMayNotStartARefreshNorReadTheHistory() throws SQLException {
        long runsBefore = superuserLong("SELECT count(*) FROM refresh_run");
        assertThatThrownBy(() -> refresh.refreshNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> refresh.history(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> refresh.isRunning()).isInstanceOf(AccessDeniedException.class);
        assertThat(superuserLong("SELECT count(*) FROM refresh_run")).as("no run was started").isEqualTo(runsBefore);
    }

    @Test
    @WithUserDetails("exec")
    void executiveMayNotStartARefreshEither() {
        assertThatThrownBy(() -> refresh.refreshNow()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> refresh.refreshNow()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> refresh.history(10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails("admin")
    void adminReadsTheHistoryNewestFirst() {
        var runs = refresh.history(5);
        assertThat(runs).isNotEmpty();
        assertThat(runs).extracting(RefreshRun::runId).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }
}
