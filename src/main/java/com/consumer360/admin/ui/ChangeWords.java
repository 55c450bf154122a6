package com.consumer360.admin.ui;

import com.consumer360.security.Roles;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user change in words for the users page: the action ("Roles and regions set" for SET_ACCESS) and the detail the
 * database functions write ("roles EXECUTIVE,CS_OPS; regions 1,2", V13) with role labels and region names ("roles
 * Executive, CS ops; regions North, South"). A detail of another form is shown as it is.
 */
final class ChangeWords {

    private static final Pattern ACCESS = Pattern.compile("roles ([^;]*); regions (.*)");

    private ChangeWords() {
    }

    static String action(String action) {
        return switch (action) {
            case "CREATE" -> "Created";
            case "BOOTSTRAP" -> "Created at installation";
            case "SET_ACCESS" -> "Roles and regions set";
            case "ENABLE" -> "Enabled";
            case "DISABLE" -> "Disabled";
            case "RESET_PASSWORD" -> "Password reset";
            default -> action;
        };
    }

    /** The detail with role labels and the names of {@code regionNames} (by id); null as empty. */
    static String detail(String detail, Map<Short, String> regionNames) {
        if (detail == null) {
            return "";
        }
        Matcher m = ACCESS.matcher(detail);
        if (!m.matches()) {
            return detail;
        }
        String roles = m.group(1).isBlank() ? "none" : Arrays.stream(m.group(1).split(","))
                .map(String::strip).map(Roles::label).collect(Collectors.joining(", "));
        String regions = m.group(2).isBlank() ? "none" : Arrays.stream(m.group(2).split(","))
                .map(String::strip).map(id -> regionName(id, regionNames)).collect(Collectors.joining(", "));
        return "roles " + roles + "; regions " + regions;
    }

    private static String regionName(String id, Map<Short, String> regionNames) {
        try {
            return regionNames.getOrDefault(Short.parseShort(id), "region " + id);
        } catch (NumberFormatException e) {
            return id;
        }
    }
}
