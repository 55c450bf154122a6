package com.consumer360.admin.ui;

import com.consumer360.admin.UserAdminException;
import com.consumer360.admin.UserAdminException.Field;
import com.consumer360.admin.UserAdminService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user dialog's checks before anything is sent (the rules of the database's user functions, V13, which check
 * again), and every refusal in words for an admin, for the field it concerns.
 */
final class UserFormChecks {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    static final String USERNAME_RULE = "Use 2–64 characters: lower-case letters, digits, dots, dashes or "
            + "underscores, beginning with a letter or digit.";

    /** What to say at a field of the dialog ({@link Field#NONE}: under the form). */
    record Problem(Field field, String words) {
    }

    private UserFormChecks() {
    }

    /** What is wrong with a new user ({@code creating}) or a change of roles, one refusal per field; empty when nothing. */
    static List<Problem> check(boolean creating, String username, String displayName, String password,
                                          Set<String> roles) {
        List<Problem> problems = new ArrayList<>();
        if (creating) {
            if (!USERNAME.matcher(username).matches()) {
                problems.add(new Problem(Field.USERNAME, USERNAME_RULE));
            }
            if (displayName.isBlank() || displayName.length() > 128) {
                problems.add(new Problem(Field.DISPLAY_NAME, "Enter the person's name, at most 128 "
                        + "characters."));
            }
            if (password.length() < UserAdminService.MIN_PASSWORD_LENGTH) {
                problems.add(new Problem(Field.PASSWORD, passwordRule()));
            }
        }
        if (roles.isEmpty()) {
            problems.add(new Problem(Field.ROLES, "Choose at least one role."));
        }
        return problems;
    }

    /** A refusal in words for an admin: the database's own terse ones (V13) said again plainly. */
    static Problem words(UserAdminException refused) {
        return new Problem(refused.field(), wordsFor(refused));
    }

    private static String wordsFor(UserAdminException refused) {
        String message = refused.getMessage();
        return switch (refused.field()) {
            case USERNAME -> message.endsWith(" is taken")
                    ? "This user name is taken: choose another." : message.startsWith("user name:") ? USERNAME_RULE
                    : message;
            case DISPLAY_NAME -> message.startsWith("display name:")
                    ? "Enter the person's name, at most 128 characters." : message;
            case PASSWORD -> message.startsWith("password: at least") ? passwordRule() : message;
            case ROLES -> message.contains("administrator must remain")
                    ? "At least one enabled administrator must remain: keep the Administrator role here, or give it "
                            + "to another user first."
                    : message.equals("a user needs at least one role") ? "Choose at least one role."
                    : message.equals("unknown role") ? "A role chosen here no longer exists: reload the page." : message;
            case REGIONS -> message.equals("unknown region")
                    ? "A region chosen here no longer exists: reload the page." : message;
            case NONE -> message.startsWith("no user ")
                    ? "This user no longer exists: reload the page." : capitalised(message) + ".";
        };
    }

    private static String passwordRule() {
        return "The password needs at least " + UserAdminService.MIN_PASSWORD_LENGTH + " characters.";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
