package com.consumer360.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.consumer360.admin.UserAdminException;
import com.consumer360.admin.UserAdminException.Field;
import com.consumer360.admin.ui.UserFormChecks.Problem;
import com.consumer360.security.Roles;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user dialog's checks and the database's refusals, each for its field and in words for an admin. */
class UserFormChecksTest {

    @Test
    void aNewUserIsCheckedFieldByFieldBeforeAnythingIsSent() {
        assertThat(UserFormChecks.check(true, "Not Valid!", " ", "short", Set.of()))
                .extracting(Problem::field)
                .containsExactly(Field.USERNAME, Field.DISPLAY_NAME, Field.PASSWORD, Field.ROLES);
        assertThat(UserFormChecks.check(true, "page.user-1", "Page User", "long enough", Set.of(Roles.CS_OPS)))
                .isEmpty();
        assertThat(UserFormChecks.check(true, "a", "x".repeat(129), "long enough", Set.of(Roles.CS_OPS)))
                .extracting(Problem::field).containsExactly(Field.USERNAME, Field.DISPLAY_NAME);
    }

    @Test
    void aChangeOfAccessNeedsARoleOnly() {
        assertThat(UserFormChecks.check(false, "", "", "", Set.of())).containsExactly(
                new Problem(Field.ROLES, "Choose at least one role."));
        assertThat(UserFormChecks.check(false, "", "", "", Set.of(Roles.ADMIN))).isEmpty();
    }

    @Test
    void theDatabasesRefusalsAreSaidPlainlyAtTheirField() {
        assertThat(UserFormChecks.words(new UserAdminException("user name page-user is taken")))
                .isEqualTo(new Problem(Field.USERNAME, "This user name is taken: choose another."));
        assertThat(UserFormChecks.words(new UserAdminException(
                "user name: 2–64 lower-case letters, digits, dots, dashes or underscores")))
                .isEqualTo(new Problem(Field.USERNAME, UserFormChecks.USERNAME_RULE));
        assertThat(UserFormChecks.words(new UserAdminException("at least one enabled administrator must remain")))
                .extracting(Problem::field).isEqualTo(Field.ROLES);
        assertThat(UserFormChecks.words(new UserAdminException("unknown region")))
                .isEqualTo(new Problem(Field.REGIONS, "A region chosen here no longer exists: reload the page."));
        assertThat(UserFormChecks.words(new UserAdminException("password: at least 8 characters")).field())
                .isEqualTo(Field.PASSWORD);
        assertThat(UserFormChecks.words(new UserAdminException("no user ghost")))
                .isEqualTo(new Problem(Field.NONE, "This user no longer exists: reload the page."));
        assertThat(UserFormChecks.words(new UserAdminException("only an administrator may change users")))
                .isEqualTo(new Problem(Field.NONE, "Only an administrator may change users."));
    }
}
