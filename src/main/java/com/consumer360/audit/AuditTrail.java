package com.consumer360.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Records an action in the append-only audit trail, for the signed-in user of this thread (the admin, with the viewed
 * user, while viewing as someone). Any module may call it, e.g. {@code auditTrail.record(AuditAction.IMPORT,
 * "orders.csv from SQL Server", 12_345)}. A failure to write is logged and never breaks the user's action.
 */
@Component
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger("consumer360.audit");
    private static final int MAX_DETAIL = 2000;

    private final AuditQueries queries;

    AuditTrail(AuditQueries queries) {
        this.queries = queries;
    }

    /** Records {@code action} with a free-text {@code detail} for the current user. */
    public void record(String action, String detail) {
        record(action, detail, null);
    }

    /** Records {@code action} with a detail and a row count (exported, imported, affected) for the current user. */
    public void record(String action, String detail, Long rows) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String user = "anonymous";
        String viewedAs = null;
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            user = authentication.getName();
            for (var authority : authentication.getAuthorities()) {
                if (authority instanceof SwitchUserGrantedAuthority switched) {
                    viewedAs = user;
                    user = switched.getSource().getName();
                }
            }
        }
        recordFor(user, viewedAs, action, detail, rows);
    }

    /** Records an action of a named user who is not (or not yet) signed in on this thread, e.g. a failed sign-in. */
    public void recordFor(String username, String action, String detail) {
        recordFor(username, null, action, detail, null);
    }

    void recordFor(String username, String viewedAs, String action, String detail, Long rows) {
        String text = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        String who = username == null || username.isBlank() ? "anonymous" : username.length() > 64 ? username.substring(0, 64) : username;
        try {
            queries.insert(who, viewedAs, action, text, rows);
        } catch (RuntimeException e) {
            LOG.error("audit write failed: {} {} {}", who, action, text, e);
        }
    }
}
