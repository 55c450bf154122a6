package com.consumer360.refresh.ui;

import com.consumer360.refresh.RefreshProgress;
import com.consumer360.refresh.RefreshProgressBroadcaster;
import com.consumer360.refresh.RefreshRun;
import com.consumer360.refresh.RefreshService;
import com.consumer360.refresh.RefreshStage;
import com.consumer360.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Start a refresh now, watch it stage by stage (server push), and read the job history. */
@Route("admin/refresh")
@PageTitle("Refresh · Consumer360")
@Menu(title = "Refresh", order = 91)
@RolesAllowed(Roles.ADMIN)
public class RefreshView extends VerticalLayout {

    private static final int HISTORY_ROWS = 20;

    private final RefreshService refresh;
    private final RefreshProgressBroadcaster broadcaster;
    private final RefreshProgressPanel panel = new RefreshProgressPanel(this::refreshNow);
    private final RunHistoryGrid history = new RunHistoryGrid();
    private Runnable unregister;

    public RefreshView(RefreshService refresh, RefreshProgressBroadcaster broadcaster,
                       ObjectProvider<JavaMailSender> mail) {
        this.refresh = refresh;
        this.broadcaster = broadcaster;
        addClassNames("c360-page", "c360-refresh-page");
        Paragraph digests = new Paragraph(mail.getIfAvailable() == null
                ? "Weekly digests: no mail server is configured (SPRING_MAIL_HOST), so after each run the digests are "
                        + "kept in the portal only (My digests); each run's message says how many were made."
                : "Weekly digests: after each run every subscriber's digest is e-mailed and kept in the portal; each "
                        + "run's message says how many were sent and whether any failed.");
        digests.setId("refresh-digest-status");
        digests.addClassName("c360-muted");
        add(new H2("Refresh"), new Paragraph("The analytics snapshot (RFM, CLV, cohorts, basket rules) is rebuilt "
                + "weekly from the warehouse. A run writes a new snapshot and makes it current in one transaction; "
                + "a failed run leaves the previous snapshot current."), digests, panel, new H3("Job history"),
                history);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Progress arrives on the refresh's thread, which carries no signed-in user; the service calls made
        // while handling it must run as the admin who has this page open.
        SecurityContext admin = SecurityContextHolder.getContext();
        unregister = broadcaster.register(progress -> ui.access(
                () -> new DelegatingSecurityContextRunnable(() -> show(progress), admin).run()));
        List<RefreshRun> runs = reloadHistory();
        RefreshRun latest = runs.isEmpty() ? null : runs.getFirst();
        // A run that has ended (its snapshot current) is shown as ended, also while the runner still completes
        // what it adds after the switch (page sums, digests).
        if (refresh.isRunning() && (latest == null || "RUNNING".equals(latest.status()))) {
            panel.running(latest == null || latest.stage() == null ? null : RefreshStage.valueOf(latest.stage()));
        } else {
            panel.idle(latest);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unregister != null) {
            unregister.run();
            unregister = null;
        }
    }

    private void refreshNow() {
        try {
            refresh.refreshNow();
            panel.running(null);
        } catch (RuntimeException e) {
            panel.failedToStart();
            Notification notification = Notification.show("The refresh could not be started: " + e.getMessage(),
                    8000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void show(RefreshProgress progress) {
        panel.progress(progress);
        if (progress.finished()) {
            reloadHistory();
        }
    }

    private List<RefreshRun> reloadHistory() {
        List<RefreshRun> runs = refresh.history(HISTORY_ROWS);
        history.show(runs);
        return runs;
    }
}
