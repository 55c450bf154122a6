package com.consumer360.admin;

import static com.consumer360.support.TestDatabase.superuserLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consumer360.security.Roles;
import com.consumer360.support.PortalIntegration;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Admins create users, change their roles and regions, disable them and reset passwords, all through the database's
 * admin functions; every change is audited; refused input changes nothing; nobody else can call any of it.
 */
@PortalIntegration
class UserAdminServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    UserAdminService admin;

    @Autowired
    PasswordEncoder passwords;

    private static String freshName() {
        return "tmp-user-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
    }

    @Test
    @WithUserDetails("admin")
    void adminCreatesChangesDisablesAndResetsAUserAndEveryChangeIsAudited() throws SQLException {
        String name = freshName();
        long auditBefore = superuserLong("SELECT count(*) FROM user_admin_audit");
        admin.createUser(name, "Temporary User", "long enough", Set.of(Roles.REGIONAL_MANAGER), Set.of((short) 3));
        assertThat(admin.users()).anySatisfy(u -> {
            assertThat(u.username()).isEqualTo(name);
            assertThat(u.roles()).containsExactly(Roles.REGIONAL_MANAGER);
            assertThat(u.regions()).containsExactly("East");
            assertThat(u.enabled()).isTrue();
        });
        assertThat(passwords.matches("long enough", passwordHash(name))).isTrue();

        admin.setAccess(name, Set.of(Roles.EXECUTIVE, Roles.CS_OPS), Set.of((short) 1, (short) 2));
        assertThat(superuserLong("SELECT count(*) FROM app_user_role JOIN app_user USING (user_id) WHERE username = ?",
                name)).isEqualTo(2);
        assertThat(superuserLong("SELECT sum(region_id) FROM app_user_region JOIN app_user USING (user_id) "
                + "WHERE username = ?", name)).isEqualTo(3);

        admin.setEnabled(name, false);
        assertThat(superuserLong("SELECT count(*) FROM app_user WHERE username = ? AND NOT enabled", name)).isEqualTo(1);
        admin.resetPassword(name, "another secret");
        assertThat(passwords.matches("another secret", passwordHash(name))).isTrue();

        assertThat(superuserLong("SELECT count(*) FROM user_admin_audit") - auditBefore).isEqualTo(4);
        assertThat(admin.changes(4)).extracting(UserChange::action)
                .containsExactly("RESET_PASSWORD", "DISABLE", "SET_ACCESS", "CREATE");
        assertThat(admin.changes(4)).allSatisfy(c -> {
            assertThat(c.actor()).isEqualTo("admin");
            assertThat(c.username()).isEqualTo(name);
        });
    }

    @Test
    @WithUserDetails("admin")
    void refusedInputSaysWhyAndChangesNothing() throws SQLException {
        long users = superuserLong("SELECT count(*) FROM app_user");
        long audit = superuserLong("SELECT count(*) FROM user_admin_audit");
        assertThatThrownBy(() -> admin.createUser("x'); DELETE FROM app_user; --", "Injected", "long enough",
                Set.of(Roles.ADMIN), Set.of())).isInstanceOf(UserAdminException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> admin.createUser(freshName(), "No region", "long enough", Set.of(Roles.REGIONAL_MANAGER),
                Set.of((short) 99))).isInstanceOf(UserAdminException.class).hasMessageContaining("unknown region");
        assertThatThrownBy(() -> admin.createUser(freshName(), "Bad role", "long enough", Set.of("SUPERUSER"),
                Set.of())).isInstanceOf(UserAdminException.class).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> admin.createUser(freshName(), "Short", "short", Set.of(Roles.CS_OPS), Set.of()))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> admin.createUser("north", "Twin", "long enough", Set.of(Roles.CS_OPS), Set.of()))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> admin.setAccess("nobody-here", Set.of(Roles.CS_OPS), Set.of()))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("no user");
        assertThatThrownBy(() -> admin.setAccess("north", Set.of(), Set.of((short) 1)))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("at least one role");
        // The demo admin is the only admin: neither disabling them nor taking their role away is allowed.
        assertThatThrownBy(() -> admin.setEnabled("admin", false))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("administrator must remain");
        assertThatThrownBy(() -> admin.setAccess("admin", Set.of(Roles.EXECUTIVE), Set.of((short) 1)))
                .isInstanceOf(UserAdminException.class).hasMessageContaining("administrator must remain");
        assertThat(superuserLong("SELECT count(*) FROM app_user")).isEqualTo(users);
        assertThat(superuserLong("SELECT count(*) FROM user_admin_audit")).isEqualTo(audit);
        assertThat(superuserLong("SELECT count(*) FROM app_user_role r JOIN app_user u USING (user_id) "
                + "WHERE u.username = 'admin' AND r.role_name = 'ADMIN' AND u.enabled")).isEqualTo(1);
        assertThat(superuserLong("SELECT count(*) FROM app_user_region r JOIN app_user u USING (user_id) "
                + "WHERE u.username = 'north'")).isEqualTo(1);
    }

    @Test
    @WithUserDetails("exec")
    void nobodyButAnAdminMayReadOrChangeUsers() {
        assertThatThrownBy(() -> admin.users()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.changes(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.setAccess("exec", Set.of(Roles.ADMIN), Set.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymousCallersGetNothing() {
        assertThatThrownBy(() -> admin.users()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> admin.createUser(freshName(), "X", "long enough", Set.of(Roles.ADMIN), Set.of()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private static String passwordHash(String username) throws SQLException {
        try (var connection = com.consumer360.support.TestDatabase.connectAs("postgres");
             var statement = connection.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            statement.setString(1, username);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
