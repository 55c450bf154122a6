package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.CustomSegmentService;
import com.consumer360.customsegments.InvalidSegmentException;
import com.consumer360.customsegments.SegmentRef;
import com.consumer360.customsegments.SegmentSummary;
import com.consumer360.security.Roles;
import com.consumer360.ui.DefinitionsPanel;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The custom segments the reader may open, with their members in the reader's own regions at the current snapshot:
 * open the profile, compare the selected ones, download a definition as JSON; CS ops and administrators also create
 * (or import), edit and delete. Other roles read only: the builder's routes refuse them.
 */
@Route("custom-segments")
@PageTitle("Custom segments · Consumer360")
@Menu(title = "Custom segments", order = 3.6)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class CustomSegmentsView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomSegmentService segments;
    private final Grid<SegmentSummary> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Button compare = new Button("Compare selected");
    private final Button create = new Button("New segment");

    public CustomSegmentsView(CustomSegmentService segments) {
        this.segments = segments;
        addClassName("c360-page");
        setId("custom-segments-view");
        summary.setId("custom-segments-summary");
        compare.setId("custom-segments-compare");
        compare.setEnabled(false);
        compare.addClickListener(e -> compareSelected());
        create.setId("custom-segments-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate("custom-segments/new")));
        configureGrid();
        add(PageHeader.of("Custom segments", summary, new HorizontalLayout(compare, create)), grid,
                DefinitionsPanel.of("custom-segments-definitions", "Definitions: custom segments",
                        CustomSegmentDefinitions.PROFILE, "custom segments"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reload();
    }

    private void reload() {
        List<SegmentSummary> list = segments.segments();
        boolean editor = segments.canEdit();
        create.setVisible(editor);
        grid.setItems(list);
        summary.setText(list.isEmpty()
                ? (editor ? "No custom segment yet: press New segment to define one, or import a definition there."
                : "No custom segment is shared with you yet.")
                : Formats.count(list.size()) + " segment" + (list.size() == 1 ? "" : "s") + (editor ? ""
                : " shared with you") + ". Members are counted in your own regions at the current snapshot; select "
                + "two to four to compare them.");
    }

    /**
     * Columns that fit a tablet's width (820 px) without sideways scrolling: the description under the name, owner and
     * version in one column, the actions wrapping onto two lines in a narrow one.
     */
    private void configureGrid() {
        grid.setId("custom-segments-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(CustomSegmentsView::nameAndDescription).setHeader("Name").setWidth("10rem")
                .setFlexGrow(1);
        grid.addColumn(s -> s.members() == null ? "–" : Formats.count(s.members())).setHeader("Members")
                .setTooltipGenerator(s -> "Members in your own regions at the current snapshot")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.owner() + " · v" + s.version()).setHeader("Owner · version").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.lastEvaluated() == null ? "not yet" : s.lastEvaluated().toString())
                .setHeader("Last evaluated")
                .setTooltipGenerator(s -> s.lastEvaluated() == null
                        ? "No refresh has stored this segment's members yet: until one does, they are counted from "
                        + "its rules at the current snapshot"
                        : "As-of date of the latest snapshot a refresh stored its members for")
                .setWidth("8rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("9rem").setFlexGrow(0);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            compare.setEnabled(n >= 2 && n <= 4);
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
    }

    private static Div nameAndDescription(SegmentSummary s) {
        Anchor open = new Anchor("custom-segments/" + s.id() + "/profile", s.name());
        open.getElement().setAttribute("router-link", true);
        open.setId("segment-open-" + s.id());
        Div cell = new Div(open);
        if (s.description() != null && !s.description().isBlank()) {
            Span description = new Span(s.description());
            description.addClassName("c360-segment-description");
            cell.add(description);
        }
        return cell;
    }

    /** Export JSON for everyone; Edit and Delete for CS ops and administrators only; they wrap in a narrow column. */
    private Div actions(SegmentSummary s) {
        Div actions = new Div(exportLink(s));
        actions.addClassName("c360-segment-actions");
        if (s.editable()) {
            Anchor edit = new Anchor("custom-segments/" + s.id(), "Edit");
            edit.getElement().setAttribute("router-link", true);
            edit.setId("segment-edit-" + s.id());
            Button delete = new Button("Delete", e -> confirmDelete(s));
            delete.setId("segment-delete-" + s.id());
            // Inline, like the links beside it: the same size of text.
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            actions.add(edit, delete);
        }
        return actions;
    }

    private Anchor exportLink(SegmentSummary s) {
        Anchor link = new Anchor();
        link.setText("Export JSON");
        link.setHref(json(segments, s.id(), "custom-segment-" + s.id() + "-v" + s.version()), AttachmentType.DOWNLOAD);
        link.setId("segment-json-" + s.id());
        return link;
    }

    private void compareSelected() {
        List<String> keys = grid.getSelectedItems().stream().sorted(java.util.Comparator.comparing(SegmentSummary::name,
                String.CASE_INSENSITIVE_ORDER)).map(s -> new SegmentRef.Custom(s.id()).key()).toList();
        getUI().ifPresent(ui -> ui.navigate(CompareView.class, new QueryParameters(Map.of("s", keys))));
    }

    private void confirmDelete(SegmentSummary s) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("segment-delete-dialog");
        dialog.setHeader("Delete \"" + s.name() + "\"?");
        dialog.setText("It will no longer be listed nor evaluated by the refresh; its stored history stays.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                segments.delete(s.id());
                Notification.show("Deleted \"" + s.name() + "\".", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidSegmentException ex) {
                Notification.show(ex.problems().getFirst().message(), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            grid.deselectAll();
            reload();
        });
        dialog.open();
    }

    /** A download of a saved segment's current definition as JSON, read through the scoped service. */
    static DownloadHandler json(CustomSegmentService segments, long id, String baseName) {
        return event -> {
            event.setFileName(baseName + ".json");
            event.setContentType("application/json");
            try (var out = event.getOutputStream()) {
                out.write(segments.definitionJson(id).orElse("{}").getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
