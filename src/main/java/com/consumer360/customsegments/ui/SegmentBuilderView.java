package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.Attribute;
import com.consumer360.customsegments.CustomSegmentService;
import com.consumer360.customsegments.DefinitionJson;
import com.consumer360.customsegments.DefinitionProblem;
import com.consumer360.customsegments.InvalidSegmentException;
import com.consumer360.customsegments.Match;
import com.consumer360.customsegments.Operator;
import com.consumer360.customsegments.Preview;
import com.consumer360.customsegments.Rule;
import com.consumer360.customsegments.SegmentDefinition;
import com.consumer360.customsegments.SegmentDetail;
import com.consumer360.customsegments.SegmentDraft;
import com.consumer360.customsegments.SegmentVersion;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.CustomerList;
import com.consumer360.ui.DefinitionsPanel;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.warehouse.CellCustomer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The builder of custom segments, for CS ops and administrators only ({@code custom-segments/new} and
 * {@code custom-segments/{id}}): typed criteria in all-of / any-of groups, a live preview in the author's own
 * regions refreshed on every change (number fields wait until typing pauses), name, description and sharing, save
 * (a new version each time), the version history, and the definition as JSON (import and export). The validator's
 * problems show at the field they name; nothing is saved while there is one.
 */
@Route("custom-segments/:id(new|[0-9]{1,18})")
@PageTitle("Custom segment builder · Consumer360")
@RolesAllowed({Roles.CS_OPS, Roles.ADMIN})
public class SegmentBuilderView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Map<String, String> SHARE = new LinkedHashMap<>(Map.of(
            Roles.REGIONAL_MANAGER, "Regional managers", Roles.EXECUTIVE, "Executives"));

    private final CustomSegmentService segments;
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final CheckboxGroup<String> shared = new CheckboxGroup<>("Shared with (CS ops and administrators see all)");
    private final Span definitionError = new Span();
    private final Div criteria = new Div();
    private final Div previewFigures = new Div();
    private final Paragraph previewNote = new Paragraph();
    private final Grid<CellCustomer> previewRows = new Grid<>();
    private final Grid<SegmentVersion> history = new Grid<>();
    private final Div historyCard;
    private final Div importErrors = new Div();
    private final Anchor export = new Anchor();
    private final Div headerSlot = new Div();
    private GroupBox root;
    private Long id;

    public SegmentBuilderView(CustomSegmentService segments) {
        this.segments = segments;
        addClassName("c360-page");
        setId("segment-builder");
        // No maxlength on the fields: the browser would cut a longer text silently. The checks below say so instead.
        name.setId("segment-name");
        name.setWidth("24em");
        name.setManualValidation(true);
        name.setRequiredIndicatorVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.addValueChangeListener(e -> checkDetails());
        description.setId("segment-description");
        description.setWidth("36em");
        description.setManualValidation(true);
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.addValueChangeListener(e -> checkDetails());
        shared.setId("segment-shared");
        shared.setItems(SHARE.keySet());
        shared.setItemLabelGenerator(SHARE::get);
        shared.addValueChangeListener(e -> checkDetails());
        definitionError.setId("definition-error");
        definitionError.getStyle().set("color", "var(--lumo-error-text-color)");
        criteria.setId("segment-criteria");
        criteria.setWidthFull();
        Button save = new Button("Save", e -> save());
        save.setId("segment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor cancel = new Anchor("custom-segments", "Back to the list");
        cancel.getElement().setAttribute("router-link", true);
        export.setText("Export JSON");
        export.setId("segment-export-json");
        HorizontalLayout actions = new HorizontalLayout(save, export, importUpload(), cancel);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        actions.setWidthFull();
        importErrors.setId("import-errors");
        importErrors.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout about = new HorizontalLayout(name, description, shared);
        about.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        about.getStyle().set("flex-wrap", "wrap");
        Div criteriaCard = Cards.card("Criteria", definitionError, criteria);
        criteriaCard.setWidthFull();
        historyCard = Cards.card("Version history", history);
        historyCard.setId("segment-history-card");
        historyCard.setWidthFull();
        headerSlot.setWidthFull();
        add(headerSlot, about, criteriaCard, previewCard(), actions, importErrors, historyCard,
                DefinitionsPanel.of("builder-definitions", "Definitions: custom segments and the preview",
                        CustomSegmentDefinitions.BUILDER, "custom segments"));
        configureHistory();
    }

    private Upload importUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            UI ui = UI.getCurrent();
            Runnable load = () -> importJson(text);
            if (ui != null) {
                ui.access(load::run);
            } else {
                load.run();
            }
        }));
        upload.setId("segment-import");
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(DefinitionJson.MAX_LENGTH);
        upload.setMaxFiles(1);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button("Import JSON"));
        upload.addFileRejectedListener(e -> importErrors.setText("Not imported: " + e.getErrorMessage()));
        return upload;
    }

    /** Replaces the criteria with a definition read from JSON, or lists its problems and changes nothing. */
    void importJson(String text) {
        importErrors.removeAll();
        try {
            SegmentDefinition definition = segments.parse(text);
            load(definition);
            Notification.show("Definition imported: " + definition.criteria().size() + " criteria. Save to keep it.",
                    4000, Notification.Position.BOTTOM_START);
            changed();
        } catch (InvalidSegmentException e) {
            importErrors.add(new Span("Not imported, nothing changed:"));
            for (DefinitionProblem p : e.problems()) {
                importErrors.add(new Div(new Span(p.field() + ": " + p.message())));
            }
        }
    }

    private Div previewCard() {
        previewFigures.setId("preview-figures");
        previewFigures.addClassName("c360-summary-figures");
        previewNote.setId("preview-note");
        previewNote.addClassName("c360-muted");
        previewRows.setId("preview-rows");
        previewRows.addComponentColumn(c -> CustomerList.customerLink(c.customerId(), c.name() == null
                ? "#" + c.customerId() : c.name())).setHeader("Customer").setFlexGrow(2);
        previewRows.addColumn(CellCustomer::customerId).setHeader("ID").setTextAlign(ColumnTextAlign.END);
        previewRows.addColumn(CellCustomer::region).setHeader("Region");
        previewRows.addColumn(CellCustomer::recencyDays).setHeader("Recency (days)").setTextAlign(ColumnTextAlign.END);
        previewRows.addColumn(CellCustomer::frequency).setHeader("Frequency").setTextAlign(ColumnTextAlign.END);
        previewRows.addColumn(c -> Formats.money(c.monetary())).setHeader(Formats.withCurrency("Monetary")).setTextAlign(ColumnTextAlign.END);
        previewRows.addColumn(CellCustomer::segment).setHeader("RFM segment").setFlexGrow(2);
        previewRows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        previewRows.setAllRowsVisible(true);
        Div card = Cards.card("Live preview", previewNote, previewFigures, previewRows);
        card.setId("segment-preview");
        card.setWidthFull();
        return card;
    }

    private void configureHistory() {
        history.setId("segment-versions");
        history.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true);
        history.addColumn(SegmentVersion::name).setHeader("Name").setFlexGrow(2);
        history.addColumn(v -> describe(v.definition().root(), true)).setHeader("Definition").setFlexGrow(5);
        history.addColumn(SegmentVersion::createdBy).setHeader("Saved by").setAutoWidth(true);
        history.addColumn(v -> SAVED.format(v.createdAt().atZone(ZoneId.systemDefault()))).setHeader("Saved at")
                .setAutoWidth(true);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
    }

    /** The definition as a sentence, for the version history. */
    static String describe(Rule rule, boolean top) {
        return switch (rule) {
            case Rule.Criterion c -> c.attribute().label() + " " + c.operator().label(c.attribute()) + " "
                    + (c.operator().arity() == 2 ? c.values().get(0) + " and " + c.values().get(1)
                    : String.join(", ", c.values()))
                    + (c.days() == null ? "" : " in the last " + c.days() + " days");
            case Rule.Group g -> {
                String inner = g.rules().stream().map(r -> describe(r, false))
                        .collect(Collectors.joining(g.match() == Match.ALL ? " AND " : " OR "));
                yield top || g.rules().size() == 1 ? inner : "(" + inner + ")";
            }
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        open(event.getRouteParameters().get("id").orElse("new"));
    }

    private void open(String param) {
        criteria.removeAll();
        importErrors.removeAll();
        root = new GroupBox(segments.choices(), segments::products, this::changed, 1, null);
        criteria.add(root);
        if ("new".equals(param)) {
            id = null;
            header("New custom segment", "Criteria on the customer attributes of the current snapshot. The preview counts the "
                    + "members in your own regions; saving creates version 1.");
            name.clear();
            description.clear();
            shared.setValue(Set.of(Roles.REGIONAL_MANAGER, Roles.EXECUTIVE));
            load(new SegmentDefinition(new Rule.Group(Match.ALL, List.of(
                    new Rule.Criterion(Attribute.RECENCY_DAYS, Operator.GREATER, List.of("60"), null)))));
            historyCard.setVisible(false);
            export.setVisible(false);
        } else {
            SegmentDetail detail = segments.segment(Long.parseLong(param)).orElse(null);
            if (detail == null) {
                removeAll();
                Div message = new Div(new H2("No such segment"), new Paragraph("There is no custom segment with "
                        + "this id."), new Anchor("custom-segments", "Back to the custom segments"));
                message.setId("segment-not-found");
                add(message);
                return;
            }
            id = detail.id();
            header("Edit: " + detail.name(), "Owner " + detail.owner() + " · current version " + detail.currentVersion()
                    + ". Saving creates version " + (detail.currentVersion() + 1) + "; the earlier versions stay "
                    + "in the history. The preview counts the members in your own regions.");
            name.setValue(detail.name());
            description.setValue(detail.description() == null ? "" : detail.description());
            shared.setValue(detail.sharedWith().stream().filter(SHARE::containsKey).collect(Collectors.toSet()));
            load(detail.definition());
            history.setItems(detail.versions());
            historyCard.setVisible(true);
            export.setHref(CustomSegmentsView.json(segments, detail.id(), "custom-segment-" + detail.id() + "-v"
                    + detail.currentVersion()), AttachmentType.DOWNLOAD);
            export.setVisible(true);
        }
        clearErrors();
        refreshPreview();
    }

    private void header(String title, String text) {
        Paragraph summary = new Paragraph(text);
        summary.setId("builder-summary");
        headerSlot.removeAll();
        headerSlot.add(PageHeader.of(title, summary));
    }

    private void load(SegmentDefinition definition) {
        root.set(definition.root());
    }

    private void changed() {
        refreshPreview();
    }

    private SegmentDefinition definition() {
        return new SegmentDefinition(root.group());
    }

    private void refreshPreview() {
        clearDefinitionErrors();
        previewFigures.removeAll();
        Preview preview;
        try {
            preview = segments.preview(definition());
        } catch (InvalidSegmentException e) {
            // A criterion whose value is not filled in yet is unfinished, not wrong: the preview waits for it without
            // marking it (Save does mark it).
            List<DefinitionProblem> marked = e.problems().stream().filter(p -> !root.unfilled(p.field())).toList();
            show(marked);
            previewNote.setText(marked.isEmpty() ? "Fill in the criteria's values to see the preview."
                    : "Fix the marked fields to see the preview.");
            previewRows.setItems(List.of());
            previewRows.setVisible(false);
            return;
        }
        previewNote.setText(preview.asOf() == null ? "No snapshot yet: the first refresh has not run."
                : "This definition, unsaved, evaluated against the snapshot as of " + preview.asOf()
                + " in your own regions; the first members by monetary value.");
        previewFigures.add(figure("Customers", Formats.count(preview.customers()), "preview-count"),
                figure(Formats.withCurrency("Revenue"), Formats.money(preview.revenue()), "preview-revenue"),
                figure("Share of scoped base", Formats.percent(preview.share()), "preview-share"),
                figure("Scored customers in scope", Formats.count(preview.baseCustomers()), "preview-base"));
        previewRows.setItems(preview.first());
        previewRows.setVisible(!preview.first().isEmpty());
    }

    private static Div figure(String label, String value, String id) {
        Div figure = Cards.figure(label, value, id);
        figure.addClassName("c360-summary-figure");
        return figure;
    }

    private void clearErrors() {
        clearDetailErrors();
        clearDefinitionErrors();
    }

    private void clearDetailErrors() {
        name.setInvalid(false);
        description.setInvalid(false);
        shared.setInvalid(false);
    }

    private void clearDefinitionErrors() {
        definitionError.setText("");
        root.clearErrors();
    }

    /**
     * Re-checks name, description and sharing as they change, so that a message shows as soon as a field goes wrong
     * and goes as soon as it is put right, not at the next save. An empty name is left for the save to point out.
     */
    private void checkDetails() {
        clearDetailErrors();
        show(new SegmentDraft(name.getValue(), description.getValue(), shared.getValue(), null).detailProblems()
                .stream().filter(p -> !(p.field().equals("name") && name.getValue().isBlank())).toList());
    }

    /** Shows each problem at the field it names. */
    private void show(List<DefinitionProblem> problems) {
        for (DefinitionProblem p : problems) {
            switch (p.field()) {
                case "name" -> invalid(name, p.message());
                case "description" -> invalid(description, p.message());
                case "sharedWith" -> {
                    shared.setErrorMessage(p.message());
                    shared.setInvalid(true);
                }
                case "definition", "segment" -> definitionError.setText((definitionError.getText().isEmpty() ? ""
                        : definitionError.getText() + " ") + p.message());
                default -> {
                    if (!root.error(p.field(), p.message())) {
                        definitionError.setText(definitionError.getText() + " " + p.field() + ": " + p.message());
                    }
                }
            }
        }
    }

    private static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void invalid(TextArea field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void save() {
        clearErrors();
        SegmentDraft draft = new SegmentDraft(name.getValue(), description.getValue(), shared.getValue(),
                definition());
        try {
            if (id == null) {
                long created = segments.create(draft);
                Notification.show("Saved \"" + name.getValue().strip() + "\", version 1.", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("custom-segments/" + created));
            } else {
                int version = segments.update(id, draft);
                Notification.show("Saved \"" + name.getValue().strip() + "\", version " + version + ".", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("custom-segments/" + id));
            }
        } catch (InvalidSegmentException e) {
            show(e.problems());
            Notification.show("Not saved: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? ""
                    : "s") + " marked.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
