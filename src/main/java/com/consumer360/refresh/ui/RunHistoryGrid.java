package com.consumer360.refresh.ui;

import com.consumer360.refresh.RefreshRun;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.Locale;

/**
 * The refresh job history, newest first: when, outcome, who, how long, what was written and where time went, and a
 * run's message in full on a line below it.
 */
class RunHistoryGrid extends Grid<RefreshRun> {

    RunHistoryGrid() {
        setId("refresh-history");
        addClassName("c360-run-history");
        addColumn(run -> "#" + run.runId()).setHeader("Run").setWidth("4rem").setFlexGrow(0);
        addColumn(new ComponentRenderer<>(run -> lines(RunText.time(run.startedAt()).split(" "))))
                .setHeader("Started").setWidth("7rem").setFlexGrow(0);
        addColumn(run -> RunText.finished(run.startedAt(), run.finishedAt())).setHeader("Finished")
                .setWidth("6rem").setFlexGrow(0);
        addColumn(new ComponentRenderer<>(RunHistoryGrid::statusBadge)).setHeader("Status").setWidth("7.5rem")
                .setFlexGrow(0);
        addColumn(new ComponentRenderer<>(run -> lines(RunText.status(run.trigger()), run.startedBy())))
                .setHeader("Trigger").setWidth("7.5rem").setFlexGrow(0);
        addColumn(run -> RunText.duration(run.durationMillis())).setHeader("Duration").setWidth("5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        // Widths the contents need at least: narrower, at tablet width, the counts were cut ("55" for 55,203) and
        // the message ran one word a line; the grid scrolls sideways instead.
        addColumn(new ComponentRenderer<>(RunHistoryGrid::rowsWritten)).setHeader("Rows written").setWidth("10rem")
                .setFlexGrow(3);
        addColumn(new ComponentRenderer<>(run -> new StageTimesCell(RunText.stageMillis(run.stageMillis()))))
                .setHeader("Stage times").setWidth("11rem").setFlexGrow(2);
        // A run's message (an error, a note such as CLV left out, the digests' delivery) runs to 2,000 characters and
        // holds long words (exception and table names): a column cut it off, so it is a line of its own under the run,
        // as wide as the grid, always open.
        setItemDetailsRenderer(new ComponentRenderer<>(RunHistoryGrid::message));
        setDetailsVisibleOnClick(false);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    /** Shows the runs, each with its message, if it has one, below it. */
    void show(List<RefreshRun> runs) {
        setItems(runs);
        for (RefreshRun run : runs) {
            setDetailsVisible(run, hasMessage(run));
        }
    }

    private static boolean hasMessage(RefreshRun run) {
        return run.errorMessage() != null && !run.errorMessage().isBlank();
    }

    private static Component message(RefreshRun run) {
        Div cell = new Div();
        if (hasMessage(run)) {
            Span label = new Span("Message of run #" + run.runId() + ": ");
            label.addClassName("c360-run-message-label");
            cell.add(label, new Span(run.errorMessage()));
        }
        cell.addClassName("c360-run-message");
        return cell;
    }

    private static Span statusBadge(RefreshRun run) {
        Span badge = new Span(RunText.status(run.status()));
        badge.addClassNames("c360-status", "c360-status-" + run.status().toLowerCase(Locale.ROOT));
        return badge;
    }

    /** A main line with secondary lines below it. */
    private static Component lines(String... lines) {
        Div cell = new Div();
        cell.addClassName("c360-cell-lines");
        for (String line : lines) {
            cell.add(new Span(line));
        }
        return cell;
    }

    private static Component rowsWritten(RefreshRun run) {
        Div cell = new Div();
        cell.addClassName("c360-rows-written");
        RunText.rowsWritten(run.rowsWritten()).forEach((table, rows) -> {
            Div entry = new Div(new Span(table), new Span(rows));
            entry.setTitle(table + ": " + rows + " rows");
            cell.add(entry);
        });
        return cell;
    }
}
