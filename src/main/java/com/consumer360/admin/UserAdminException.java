package com.consumer360.admin;

/**
 * A user change the database refused (unknown role or region, taken name, last admin...), with its reason and the
 * field of the change it concerns, so that a form can say it there.
 */
public class UserAdminException extends RuntimeException {

    /** The part of a change a refusal concerns; {@code NONE} when it is none of them (no such user, no right). */
    public enum Field { USERNAME, DISPLAY_NAME, PASSWORD, ROLES, REGIONS, NONE }

    private final Field field;

    public UserAdminException(String message) {
        super(message);
        this.field = fieldOf(message);
    }

    public Field field() {
        return field;
    }

    /** The field a message of the database's user functions (V13) or of the service is about. */
    static Field fieldOf(String message) {
        if (message.startsWith("user name")) {
            return Field.USERNAME;
        } else if (message.startsWith("display name")) {
            return Field.DISPLAY_NAME;
        } else if (message.startsWith("password")) {
            return Field.PASSWORD;
        } else if (message.contains("role") || message.contains("administrator must remain")) {
            return Field.ROLES;
        } else if (message.contains("region")) {
            return Field.REGIONS;
        }
        return Field.NONE;
    }
}
