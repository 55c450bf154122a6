package com.consumer360.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.SignedIn;
import com.consumer360.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The audit trail is append-only for the application, records who did what, and only admins read it. */
@PortalIntegration
class AuditTrailTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditService audit;

    @Autowired
    UserDetailsService users;

    @Test
    void theRuntimeRoleMayInsertAndSelectButNeverUpdateDeleteOrTruncate() throws SQLException {
        try (Connection c = TestDatabase.connectAs("c360_app"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (username, action, detail) VALUES ('probe', 'PROBE', 'runtime role insert')");
            assertThat(TestDatabase.count(c, "audit_event")).isPositive();
            for (String sql : List.of("UPDATE audit_event SET detail = 'changed'", "DELETE FROM audit_event",
                    "TRUNCATE audit_event", "UPDATE user_admin_audit SET detail = 'changed'",
                    "DELETE FROM user_admin_audit")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void recordsTheSignedInUserAndOnlyAdminsReadTheTrail() throws Exception {
        SignedIn.call(users, "north", () -> {
            trail.record(AuditAction.IMPORT, "probe import of north", 42L);
            return null;
        });
        assertThat(TestDatabase.superuserLong("SELECT row_count FROM audit_event WHERE username = 'north'"
                + " AND action = 'IMPORT' AND detail = 'probe import of north'")).isEqualTo(42);

        for (String user : List.of("north", "exec", "csops")) {
            assertThatThrownBy(() -> SignedIn.call(users, user, () -> audit.events(AuditFilter.ALL, 0, 10)))
                    .as(user).isInstanceOf(AccessDeniedException.class);
        }
        SignedIn.call(users, "admin", () -> {
            AuditFilter north = new AuditFilter("north", AuditAction.IMPORT, LocalDate.now(ZoneOffset.UTC).minusDays(1),
                    LocalDate.now(ZoneOffset.UTC));
            List<AuditEvent> events = audit.events(north, 0, 50);
            assertThat(events).isNotEmpty().allMatch(e -> e.username().equals("north") && e.action().equals("IMPORT"));
            assertThat(audit.count(north)).isEqualTo(events.size());
            assertThat(audit.events(new AuditFilter("north", null, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2)),
                    0, 10)).isEmpty();
            assertThat(audit.actions()).contains(AuditAction.IMPORT);
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            audit.export(north, ExportFormat.CSV, csv);
            String text = csv.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("probe import of north");
            assertThat(text.lines().count()).isEqualTo(events.size() + 1);
            return null;
        });
    }

    @Test
    void userChangesAppearInTheOneTrail() throws Exception {
        SignedIn.call(users, "admin", () -> {
            assertThat(audit.events(new AuditFilter("admin", "USER_CREATE", null, null), 0, 100))
                    .allMatch(e -> e.id() < 0);
            return null;
        });
    }
}
