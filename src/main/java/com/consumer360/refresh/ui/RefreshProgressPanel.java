package com.consumer360.refresh.ui;

import com.consumer360.refresh.RefreshProgress;
import com.consumer360.refresh.RefreshRun;
import com.consumer360.refresh.RefreshStage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.Locale;

/** The "Refresh now" button with the running refresh's stage and progress; it knows nothing of the service. */
class RefreshProgressPanel extends Div {

    private final Button refreshNow = new Button("Refresh now");
    private final ProgressBar bar = new ProgressBar(0, 1, 0);
    private final Span stage = new Span();
    private final Span percent = new Span();
    private long shownRun;

    RefreshProgressPanel(Runnable onRefreshNow) {
        addClassName("c360-refresh-panel");
        refreshNow.setId("refresh-now");
        refreshNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        refreshNow.addClickListener(click -> onRefreshNow.run());
        refreshNow.setDisableOnClick(true);
        bar.setId("refresh-progress");
        stage.setId("refresh-stage");
        stage.addClassName("c360-refresh-stage");
        percent.setId("refresh-percent");
        percent.addClassName("c360-refresh-percent");
        Div status = new Div(stage, percent);
        status.addClassName("c360-refresh-status");
        Div progress = new Div(status, bar);
        progress.addClassName("c360-refresh-progress");
        add(refreshNow, progress);
    }

    /** Idle: shows how the latest run ended, if there is one. */
    void idle(RefreshRun latest) {
        refreshNow.setEnabled(true);
        if (latest == null) {
            show("No refresh has run yet", 0);
        } else {
            show("Last run #" + latest.runId() + " " + RunText.status(latest.status()).toLowerCase(Locale.ROOT)
                    + " " + RunText.time(latest.finishedAt() == null ? latest.startedAt() : latest.finishedAt()),
                    "SUCCEEDED".equals(latest.status()) ? 1 : 0);
        }
    }

    /** A run is executing: at a stage we know from the history row, or just started by this button. */
    void running(RefreshStage current) {
        refreshNow.setEnabled(false);
        show(current == null ? "Starting…" : current.label(), current == null ? 0 : current.startFraction());
    }

    void progress(RefreshProgress progress) {
        if (!progress.finished()) {
            refreshNow.setEnabled(false);
            // Engines run side by side, so a later stage may start before an earlier one: never move back.
            double fraction = progress.runId() == shownRun ? Math.max(progress.fraction(), bar.getValue())
                    : progress.fraction();
            shownRun = progress.runId();
            show(progress.stage() == null ? "Running…" : progress.stage().label(), fraction);
            return;
        }
        refreshNow.setEnabled(true);
        boolean succeeded = "SUCCEEDED".equals(progress.outcome());
        show("Run #" + progress.runId() + " " + RunText.status(progress.outcome()).toLowerCase(Locale.ROOT),
                succeeded ? 1 : progress.fraction());
    }

    /** The button's call failed: let the admin try again. */
    void failedToStart() {
        refreshNow.setEnabled(true);
        show("Not started", 0);
    }

    private void show(String text, double fraction) {
        stage.setText(text);
        bar.setValue(Math.max(0, Math.min(1, fraction)));
        percent.setText(Math.round(bar.getValue() * 100) + " %");
    }
}
