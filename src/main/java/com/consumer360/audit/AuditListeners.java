package com.consumer360.audit;

import com.consumer360.refresh.SnapshotPublished;
import com.consumer360.security.SignInThrottled;
import com.consumer360.security.ViewAsEvent;
import com.consumer360.ui.ExportDownloaded;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns the application's events into audit entries: sign-in, failed sign-in, downloads, published refreshes. */
@Component
class AuditListeners {

    private final AuditTrail trail;

    AuditListeners(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getGeneratedBy().getSimpleName().equals("SwitchUserFilter")) {
            return;
        }
        trail.recordFor(event.getAuthentication().getName(), AuditAction.SIGN_IN, "form sign-in");
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        trail.recordFor(event.getAuthentication().getName(), AuditAction.SIGN_IN_FAILED,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void throttled(SignInThrottled event) {
        trail.recordFor(event.username(), AuditAction.SIGN_IN_THROTTLED,
                "refused without checking the password after " + event.failures() + " recent failures");
    }

    @EventListener
    void viewAs(ViewAsEvent event) {
        trail.recordFor(event.admin(), event.viewed(), event.started() ? AuditAction.VIEW_AS_START
                : AuditAction.VIEW_AS_END, (event.started() ? "started viewing as " : "stopped viewing as ") + event.viewed(),
                null);
    }

    @EventListener
    void exported(ExportDownloaded download) {
        trail.record(AuditAction.EXPORT, download.table() + " (" + download.fileName() + ")", download.rows());
    }

    /** A published refresh, in the name of the person who started it (Refresh now), else of the system. */
    @EventListener
    void refreshed(SnapshotPublished published) {
        String trigger = published.trigger() == null ? "" : published.trigger().toLowerCase(java.util.Locale.ROOT);
        trail.recordFor(published.startedByUser() ? published.startedBy() : "system", AuditAction.REFRESH,
                "refresh run " + published.runId() + " (" + trigger
                        + (published.startedByUser() ? ", started by " + published.startedBy() : "")
                        + ") published snapshot " + published.snapshotId());
    }
}
