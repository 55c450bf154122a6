package com.consumer360.sources.ui;

import com.consumer360.ingest.ImportRun;
import com.consumer360.ingest.IngestService;
import com.consumer360.security.Roles;
import com.consumer360.sources.HwmKind;
import com.consumer360.sources.RunResult;
import com.consumer360.sources.SourceDefinition;
import com.consumer360.sources.SourceException;
import com.consumer360.sources.SourceService;
import com.consumer360.sources.SourceStatus;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL Server sources: each source with its schedule, high-water mark and last run ("Run now" reads it at once), a
 * form to add or change one (every field checked where it is typed; the password is write-only: empty keeps the
 * stored one, and it is never shown back) with "Test connection", and the sources' runs.
 */
@Route("admin/sources")
@PageTitle("Sources · Consumer360")
@Menu(title = "Sources", order = 93)
@RolesAllowed(Roles.ADMIN)
public class SourcesView extends VerticalLayout {

    private final SourceService sources;
    private final Grid<SourceStatus> grid = new Grid<>();
    private final Grid<ImportRun> runs = new Grid<>();
    private final FormLayout form = new FormLayout();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final TextField name = field("name", "Name");
    private final TextField url = field("jdbcUrl", "JDBC URL");
    private final TextField user = field("username", "Login");
    private final PasswordField password = new PasswordField("Password");
    private final TextField factTable = field("fact_table", "Sales line table");
    private final TextField invoice = field("invoice_column", "Invoice column");
    private final TextField invoiceTs = field("invoice_ts_column", "Invoice time column");
    private final TextField product = field("product_column", "Product column");
    private final TextField description = field("description_column", "Description column");
    private final TextField quantity = field("quantity_column", "Quantity column");
    private final TextField unitPrice = field("unit_price_column", "Unit price column");
    private final TextField customer = field("customer_column", "Customer column");
    private final TextField customerTable = field("customer_table", "Customer table");
    private final TextField customerKey = field("customer_key_column", "Customer table key column");
    private final TextField country = field("country_column", "Customer country column");
    private final TextField hwm = field("hwm_column", "High-water-mark column");
    private final Select<HwmKind> hwmKind = new Select<>();
    private final ComboBox<String> mapping = new ComboBox<>("Saved country mapping");
    private final ComboBox<String> defaultRegion = new ComboBox<>("Default region");
    private final TextField cron = field("cron", "Schedule (Quartz cron)");
    private final Checkbox enabled = new Checkbox("Scheduled");
    private final Paragraph status = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Button runNow = new Button("Run now", e -> runNow());
    private int editing;
    private boolean reloading;

    public SourcesView(SourceService sources, IngestService ingest) {
        this.sources = sources;
        addClassNames("c360-page", "c360-sources-page");
        password.setId("source-password");
        fields.put("password", password);
        hwmKind.setLabel("High-water mark holds");
        hwmKind.setItems(HwmKind.values());
        hwmKind.setItemLabelGenerator(kind -> kind == HwmKind.LINE_ID ? "an increasing line id" : "a last-modified time");
        hwmKind.setId("source-hwmKind");
        fields.put("hwmKind", hwmKind);
        mapping.setItems(ingest.mappingNames());
        mapping.setClearButtonVisible(true);
        mapping.setId("source-mappingName");
        defaultRegion.setItems(ingest.regionCodes());
        Map<String, String> regionNames = ingest.regionNames();
        defaultRegion.setItemLabelGenerator(code -> regionNames.getOrDefault(code, code));
        defaultRegion.setClearButtonVisible(true);
        defaultRegion.setId("source-defaultRegion");
        fields.put("defaultRegion", defaultRegion);
        enabled.setId("source-enabled");
        url.setHelperText("jdbc:sqlserver://host:1433;databaseName=...;encrypt=true;trustServerCertificate=false");
        hwm.setHelperText("Lines past the stored mark are read, oldest first");
        cron.setHelperText("e.g. 0 0 2 * * ? (every day at 02:00)");
        form.add(name, url, user, password, factTable, hwm, hwmKind, invoice, invoiceTs, product, description, quantity,
                unitPrice, customer, customerTable, customerKey, country, mapping, defaultRegion, cron, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        form.setId("source-form");
        Button save = new Button("Save", e -> save());
        save.setId("source-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button("Test connection", e -> test());
        test.setId("source-test");
        Button close = new Button("Close", e -> showForm(false));
        close.setId("source-close");
        HorizontalLayout formButtons = new HorizontalLayout(save, test, close);
        formButtons.setId("source-form-buttons");
        Button add = new Button("Add source", e -> edit(null));
        add.setId("sources-add");
        runNow.setId("sources-run");
        runNow.setEnabled(false);
        status.setId("sources-status");
        error.setId("sources-error");
        error.addClassName("c360-error");
        grid.setId("sources-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(s -> s.definition().name()).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.definition().enabled() ? s.definition().cron() : "not scheduled").setHeader("Schedule")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.highWaterMark() == null ? "(none yet)" : s.highWaterMark()).setHeader("High-water mark")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.lastRunAt() == null ? "never" : s.lastRunAt().toLocalDateTime().withNano(0) + " (run "
                + s.lastRunId() + ")").setHeader("Last run").setWidth("200px").setFlexGrow(0);
        grid.addColumn(s -> s.lastStatus() == null ? "" : s.lastStatus()).setHeader("Status").setWidth("110px")
                .setFlexGrow(0);
        grid.addColumn(s -> s.lastLinesLoaded() == null ? "" : String.format("%,d", s.lastLinesLoaded()))
                .setHeader("Lines loaded").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.lastMessage() == null ? "" : s.lastMessage()).setHeader("Message").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No sources yet: add one to read a SQL Server warehouse into this one.");
        grid.addSelectionListener(e -> {
            runNow.setEnabled(e.getFirstSelectedItem().isPresent());
            if (!reloading) {
                e.getFirstSelectedItem().ifPresent(this::edit);
            }
        });
        runs.setId("sources-runs");
        runs.addThemeVariants(GridVariant.LUMO_COMPACT);
        runs.addColumn(ImportRun::runId).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::source).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(run -> run.startedAt() == null ? "" : run.startedAt().toLocalDateTime().withNano(0))
                .setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::linesRead).setHeader("Read").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::linesLoaded).setHeader("Loaded").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::linesAlreadyLoaded).setHeader("Already loaded").setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(ImportRun::message).setHeader("Message").setFlexGrow(4);
        runs.setAllRowsVisible(true);
        runs.setEmptyStateText("No source has run yet.");
        add(new H2("SQL Server sources"), new Paragraph("A source is a company's SQL Server warehouse read into this "
                        + "one: its sales lines past the stored high-water mark, oldest first, each with its customer's "
                        + "country, cleaned and loaded like an imported file (one transaction with the new mark; a line "
                        + "already loaded is not added again), on the source's schedule or now. A run that loads lines "
                        + "starts a refresh. The login needs read access only (docs/operations.md)."),
                new HorizontalLayout(add, runNow), error, status, grid, form, formButtons, new H3("Source runs"), runs);
        showForm(false);
        reload();
    }

    private TextField field(String key, String label) {
        TextField field = new TextField(label);
        field.setId("source-" + key.replace('_', '-'));
        fields.put(key, field);
        return field;
    }

    private void edit(SourceStatus status) {
        SourceDefinition d = status == null ? SourceDefinition.example() : status.definition();
        editing = d.id();
        name.setValue(d.name());
        url.setValue(d.jdbcUrl());
        user.setValue(d.username());
        password.clear();
        password.setPlaceholder(d.passwordSet() ? "stored; type to change" : "not set");
        password.setHelperText("Never shown back; env:NAME reads it from the portal's environment");
        factTable.setValue(d.factTable());
        invoice.setValue(d.invoiceColumn());
        invoiceTs.setValue(d.invoiceTsColumn());
        product.setValue(d.productColumn());
        description.setValue(d.descriptionColumn());
        quantity.setValue(d.quantityColumn());
        unitPrice.setValue(d.unitPriceColumn());
        customer.setValue(d.customerColumn());
        customerTable.setValue(d.customerTable());
        customerKey.setValue(d.customerKeyColumn());
        country.setValue(d.countryColumn());
        hwm.setValue(d.hwmColumn());
        hwmKind.setValue(d.hwmKind());
        mapping.setValue(d.mappingName());
        defaultRegion.setValue(d.defaultRegion());
        cron.setValue(d.cron());
        enabled.setValue(d.enabled());
        clearProblems();
        showForm(true);
    }

    private SourceDefinition definition() {
        return new SourceDefinition(editing, name.getValue(), url.getValue(), user.getValue(), false,
                factTable.getValue(), invoice.getValue(), invoiceTs.getValue(), product.getValue(),
                description.getValue(), quantity.getValue(), unitPrice.getValue(), customer.getValue(),
                customerTable.getValue(), customerKey.getValue(), country.getValue(), hwm.getValue(),
                hwmKind.getValue(), mapping.getValue(), defaultRegion.getValue(), cron.getValue(), enabled.getValue());
    }

    private void save() {
        clearProblems();
        try {
            editing = sources.save(definition(), password.getValue());
            password.clear();
            password.setPlaceholder("stored; type to change");
            status.setText("Source \"" + name.getValue().strip() + "\" saved"
                    + (enabled.getValue() ? ", scheduled " + cron.getValue().strip() : ", not scheduled") + ".");
            reload();
        } catch (SourceException e) {
            showProblems(e);
        }
    }

    private void test() {
        clearProblems();
        try {
            status.setText(sources.testConnection(definition(), password.getValue()));
        } catch (SourceException e) {
            showProblems(e);
        }
    }

    private void runNow() {
        clearProblems();
        grid.getSelectedItems().stream().findFirst().ifPresent(selected -> {
            try {
                RunResult result = sources.runNow(selected.definition().id());
                status.setText("Run " + result.runId() + " of " + selected.definition().name() + ": "
                        + String.format("%,d lines read, %,d inserted, %,d already loaded", result.linesRead(),
                        result.linesInserted(), result.linesAlreadyLoaded())
                        + (result.linesInserted() > 0 ? "; a refresh has started." : "."));
            } catch (SourceException e) {
                showError(e.getMessage());
            }
            reload();
        });
    }

    private void showProblems(SourceException e) {
        e.problems().forEach((key, message) -> {
            HasValidation field = fields.get(key);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        });
        showError(e.getMessage());
    }

    private void clearProblems() {
        fields.values().forEach(field -> field.setInvalid(false));
        showError("");
        status.setText("");
    }

    private void showError(String message) {
        error.setText(message);
    }

    private void showForm(boolean visible) {
        form.setVisible(visible);
        getChildren().filter(c -> "source-form-buttons".equals(c.getId().orElse(null)))
                .forEach(c -> c.setVisible(visible));
    }

    private void reload() {
        Integer selected = grid.getSelectedItems().stream().findFirst().map(s -> s.definition().id()).orElse(null);
        var all = sources.sources();
        grid.setItems(all);
        if (selected != null) {
            reloading = true;
            try {
                all.stream().filter(s -> s.definition().id() == selected).findFirst().ifPresent(grid::select);
            } finally {
                reloading = false;
            }
        }
        runs.setItems(sources.runs(20));
    }
}
