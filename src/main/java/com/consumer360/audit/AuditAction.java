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

    private AuditAction() {
    }
}
