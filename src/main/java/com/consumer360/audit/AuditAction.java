package com.consumer360.audit;

/** The actions of the audit trail, as stored in {@code audit_event.action} (user changes come as {@code USER_*}). */
public final class AuditAction {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String SIGN_IN_THROTTLED = "SIGN_IN_THROTTLED";
    public static final String PAGE_VIEW = "PAGE_VIEW";
    public static final String EXPORT = "EXPORT";
    public static final String VIEW_AS_START = "VIEW_AS_START";
    public static final String VIEW_AS_END = "VIEW_AS_END";
    public static final String REFRESH = "REFRESH";
    /** For the import feature (issue 16): detail = source and file, rows = lines imported. */
    public static final String IMPORT = "IMPORT";
    /** For custom segments (issue 18): detail = segment name and what changed. */
    public static final String SEGMENT_CHANGE = "SEGMENT_CHANGE";

    /**
     * An action as the audit page shows it ("View as started" for VIEW_AS_START; a user change "User: " and its kind);
     * an unknown one as it is. Exports keep the stored codes.
     */
    public static String label(String action) {
        return switch (action) {
            case SIGN_IN -> "Signed in";
            case SIGN_IN_FAILED -> "Sign-in failed";
            case SIGN_IN_THROTTLED -> "Sign-in refused (too many attempts)";
            case PAGE_VIEW -> "Page opened";
            case EXPORT -> "Export";
            case VIEW_AS_START -> "View as started";
            case VIEW_AS_END -> "View as ended";
            case REFRESH -> "Refresh";
            case IMPORT -> "Import";
            case SEGMENT_CHANGE -> "Custom segment changed";
            case "USER_CREATE" -> "User created";
            case "USER_BOOTSTRAP" -> "User created at installation";
            case "USER_SET_ACCESS" -> "User's roles and regions set";
            case "USER_ENABLE" -> "User enabled";
            case "USER_DISABLE" -> "User disabled";
            case "USER_RESET_PASSWORD" -> "User's password reset";
            default -> action;
        };
    }

    private AuditAction() {
    }
}
