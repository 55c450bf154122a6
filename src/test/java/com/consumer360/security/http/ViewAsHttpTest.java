package com.consumer360.security.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.admin.UserAdminService;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Who may start and end "view as", through the real filter chain (the browser test covers what a viewer sees). */
@PortalIntegration
class ViewAsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdminService admin;

    @Autowired
    UserDetailsService users;

    @Test
    void onlyAdminsMayViewAsAndNeverAsAnotherAdmin() throws Exception {
        SignedIn.call(users, "admin", () -> {
            admin.createUser("admin2", "Second Admin", "another-admin-pw", Set.of("ADMIN"), Set.of());
            return null;
        });
        Portal north = new Portal(port);
        north.signIn("north", "demo");
        HttpResponse<String> denied = north.getPage("/admin/view-as?username=south");
        assertThat(denied.statusCode()).as("a manager may not view as").isEqualTo(403);
        assertThat(denied.body()).as("the portal's page, not the framework's").contains("Access denied")
                .doesNotContain("Whitelabel");
        assertThat(north.get("/admin/view-as/exit").statusCode()).as("nothing to exit").isEqualTo(403);

        Portal portal = new Portal(port);
        portal.signIn("admin", "demo");
        for (String other : new String[] {"admin2", "admin", "nobody"}) {
            HttpResponse<String> refused = portal.get("/admin/view-as?username=" + other);
            assertThat(refused.statusCode()).as(other).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as(other).contains("view-as-refused");
        }
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE action = 'VIEW_AS_START'"
                + " AND viewed_as IN ('admin2', 'admin', 'nobody', 'south')")).isZero();

        HttpResponse<String> started = portal.get("/admin/view-as?username=csops");
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow()).doesNotContain("refused");
        assertThat(portal.get("/admin/view-as?username=east").statusCode()).as("no view-as from within a view-as")
                .isEqualTo(403);
        assertThat(portal.get("/admin/view-as/exit").statusCode()).isEqualTo(302);
        assertThat(portal.get("/admin/view-as/exit").statusCode()).as("exited already").isEqualTo(403);
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM audit_event WHERE username = 'admin'"
                + " AND viewed_as = 'csops' AND action IN ('VIEW_AS_START', 'VIEW_AS_END')")).isEqualTo(2);
    }
}
