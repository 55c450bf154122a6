package com.consumer360.ingest.ui;

import com.consumer360.analytics.cleaning.CleaningReport;
import com.consumer360.ingest.ColumnMapping;
import com.consumer360.ingest.FileFormat;
import com.consumer360.ingest.ImportException;
import com.consumer360.ingest.ImportReport;
import com.consumer360.ingest.ImportRun;
import com.consumer360.ingest.ImportValidation;
import com.consumer360.ingest.IngestService;
import com.consumer360.ingest.PreviewLine;
import com.consumer360.ingest.RegionMapping;
import com.consumer360.ingest.RowError;
import com.consumer360.ingest.WarehouseField;
import com.consumer360.security.Roles;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The import wizard: upload a CSV file (streamed to a temporary file; what is wrong with the file is said under the
 * upload), map its columns and its countries to regions (a country existing customers have: their region by default;
 * saved by name), validate (the cleaning report and the first lines as loaded), load with a progress bar and a cancel
 * button, then the refresh starts and the admin is taken to it. The import history is below.
 */
@Route("admin/import")
@PageTitle("Import · Consumer360")
@Menu(title = "Import", order = 92)
@RolesAllowed(Roles.ADMIN)
public class ImportView extends VerticalLayout {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final IngestService ingest;
    /** The warehouse's regions, code to name: the selects hold codes and show names (North). */
    private final Map<String, String> regionNames;
    private final Map<String, ComboBox<String>> countryRegions = new LinkedHashMap<>();
    /** The region (code) of each of the file's countries that the warehouse's customers have: its default mapping. */
    private Map<String, String> knownRegions = Map.of();
    private final VerticalLayout countryTable = new VerticalLayout();
    private final ComboBox<String> savedMappings = new ComboBox<>("Saved mapping");
    private final ComboBox<String> defaultRegion = new ComboBox<>("Default region (unlisted countries)");
    private final TextField mappingName = new TextField("Save mapping as");
    private final Checkbox replace = new Checkbox("Replace the warehouse's lines on the file's days");
    private final Paragraph status = new Paragraph();
    private final Paragraph error = new Paragraph();
    /** What is wrong with the uploaded file itself (unreadable, no data lines, no header), shown at the upload. */
    private final Paragraph fileProblem = new Paragraph();
    private final Grid<PreviewLine> preview = new Grid<>(PreviewLine.class, false);
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Paragraph rate = new Paragraph();
    private final Button validate = new Button("Validate", e -> validate());
    private final Button load = new Button("Load", e -> load());
    private final Button cancel = new Button("Cancel");
    private final Anchor rowErrors = new Anchor();
    private final Grid<ImportRun> history = new Grid<>(ImportRun.class, false);
    private final Select<FileFormat.Encoding> encoding = new Select<>();
    private final Select<FileFormat.Delimiter> delimiter = new Select<>();
    private final HorizontalLayout formatRow = new HorizontalLayout(encoding, delimiter);
    private final ColumnStep columns = new ColumnStep(this::columnChosen);
    /** Set while the selects show a newly detected format, so that showing it does not count as a choice. */
    private boolean showingDetected;
    private Path file;
    private String fileName;

    public ImportView(IngestService ingest) {
        this.ingest = ingest;
        this.regionNames = ingest.regionNames();
        addClassNames("c360-page", "c360-import-page");
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, temp) -> received(metadata.fileName(), temp)));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, ingest.maxBytes()));
        upload.setAcceptedFileTypes(".csv", ".gz", ".txt", ".xlsx");
        upload.addFileRejectedListener(e -> showFileProblem(e.getErrorMessage()));
        encoding.setLabel("Encoding");
        encoding.setId("import-encoding");
        encoding.setItems(FileFormat.Encoding.values());
        encoding.setItemLabelGenerator(FileFormat.Encoding::label);
        delimiter.setLabel("Delimiter");
        delimiter.setId("import-delimiter");
        delimiter.setItems(FileFormat.Delimiter.values());
        delimiter.setItemLabelGenerator(FileFormat.Delimiter::label);
        encoding.addValueChangeListener(e -> formatChosen());
        delimiter.addValueChangeListener(e -> formatChosen());
        formatRow.setVisible(false);
        defaultRegion.setItems(regionNames.keySet());
        defaultRegion.setItemLabelGenerator(this::regionName);
        defaultRegion.addValueChangeListener(e -> showCountryStatus());
        defaultRegion.setClearButtonVisible(true);
        defaultRegion.setId("import-default-region");
        defaultRegion.setWidth("20em");
        savedMappings.setItems(ingest.mappingNames());
        savedMappings.setId("import-saved-mapping");
        savedMappings.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                ingest.mapping(e.getValue()).ifPresent(this::showMapping);
            }
        });
        mappingName.setId("import-mapping-name");
        Button save = new Button("Save mapping", e -> saveMapping());
        save.setId("import-save-mapping");
        validate.setId("import-validate");
        rowErrors.setId("import-row-errors");
        rowErrors.setText("Download the row-level error report (CSV: line, column, value, reason)");
        rowErrors.setVisible(false);
        load.setId("import-load");
        load.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId("import-cancel");
        status.setId("import-status");
        error.setId("import-error");
        error.addClassName("c360-error");
        fileProblem.setId("import-file-problem");
        fileProblem.addClassName("c360-error");
        fileProblem.setVisible(false);
        rate.setId("import-rate");
        countryTable.setId("import-countries");
        countryTable.setPadding(false);
        countryTable.setSpacing(false);
        preview.setId("import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT);
        preview.addColumn(PreviewLine::invoice).setHeader("Invoice");
        preview.addColumn(PreviewLine::time).setHeader("Time");
        preview.addColumn(PreviewLine::product).setHeader("Product");
        preview.addColumn(PreviewLine::description).setHeader("Description").setFlexGrow(2);
        preview.addColumn(PreviewLine::quantity).setHeader("Quantity");
        preview.addColumn(PreviewLine::unitPrice).setHeader("Unit price");
        preview.addColumn(PreviewLine::amount).setHeader("Amount");
        preview.addColumn(PreviewLine::customer).setHeader("Customer");
        preview.addColumn(PreviewLine::country).setHeader("Country");
        preview.addColumn(PreviewLine::region).setHeader("Region");
        preview.setAllRowsVisible(true);
        preview.setVisible(false);
        progress.setVisible(false);
        progress.setId("import-progress");
        history.setId("import-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(ImportRun::runId).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportRun::source).setHeader("Source").setFlexGrow(2);
        history.addColumn(run -> run.startedAt() == null ? "" : STARTED.format(run.startedAt().toLocalDateTime()))
                .setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(run -> run.status() == null || run.status().isEmpty() ? ""
                        : run.status().charAt(0) + run.status().substring(1).toLowerCase(Locale.ROOT))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(run -> Formats.count(run.linesRead())).setHeader("Read").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        history.addColumn(run -> Formats.count(run.linesLoaded())).setHeader("Loaded").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        history.addColumn(run -> Formats.count(run.linesExcluded())).setHeader("Excluded").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        history.addColumn(run -> Formats.count(run.linesAlreadyLoaded())).setHeader("Already loaded")
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        history.addColumn(ImportRun::message).setHeader("Message").setFlexGrow(4);
        history.setAllRowsVisible(true);
        enableSteps(false);
        add(new H2("Import"), new Paragraph("Load your own transactions: an XLSX workbook (its first sheet, first "
                        + "row the header; formulas refused, values only) or a CSV file (plain or gzipped; UTF-8 or "
                        + "Windows-1252/Latin-1, comma, semicolon or tab separated: detected, and you may change "
                        + "them). Each warehouse field takes the file column you choose (suggested from the header: the "
                        + "generic layout and UCI Online Retail's are recognised). The file is cleaned with the same "
                        + "rules as the batch run, loaded in one transaction (a failure or a cancel changes nothing), "
                        + "and a line already in the warehouse is not added again. Each line carries the region of its "
                        + "customer's country, so regional managers see only their region's imported lines."),
                upload, formatRow, fileProblem, mappingRow(save), columns,
                new H3("Countries to regions"), defaultRegion, countryTable, replace,
                new HorizontalLayout(validate, load, cancel), error, status, rowErrors, progress, rate, preview,
                new H3("Import history"), history);
        reloadHistory();
    }

    /** Saved mappings hold the columns and the countries: choose one, or save the current one by name. */
    private HorizontalLayout mappingRow(Button save) {
        savedMappings.setWidth("16em");
        savedMappings.setHelperText("columns and countries");
        mappingName.setWidth("16em");
        HorizontalLayout row = new HorizontalLayout(savedMappings, mappingName, save);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private void received(String name, File temp) {
        getUI().ifPresent(ui -> ui.access(() -> {
            file = temp.toPath();
            fileName = name;
            rowErrors.setVisible(false);
            preview.setVisible(false);
            status.setText("");
            showError("");
            showFileProblem("");
            try {
                showingDetected = true;
                var detected = ingest.format(file, fileName);
                detected.ifPresent(format -> {
                    encoding.setValue(format.encoding());
                    delimiter.setValue(format.delimiter());
                });
                formatRow.setVisible(detected.isPresent());
            } catch (ImportException e) {
                formatRow.setVisible(false);
                fileRefused(e.getMessage());
                return;
            } finally {
                showingDetected = false;
            }
            readColumns(null);
        }));
    }

    /**
     * Reads the file's header and fills the column selects with its columns, chosen as {@code saved} maps them
     * (when it is a column mapping), else as suggested (keeping the admin's choices the header still has); then the
     * countries of the mapped country column.
     */
    private void readColumns(ColumnMapping saved) {
        List<String> header;
        try {
            header = ingest.columns(file, fileName, format());
        } catch (ImportException e) {
            fileRefused(e.getMessage());
            return;
        }
        ColumnMapping chosen;
        ColumnMapping suggested = ingest.suggestColumns(header);
        if (saved != null && !saved.isAutomatic()) {
            chosen = saved;
        } else {
            // The suggestion, with the admin's choices kept where the (re-read) header still has the column.
            Map<WarehouseField, String> merged = new java.util.EnumMap<>(WarehouseField.class);
            merged.putAll(suggested.columns());
            columns.mapping().columns().forEach((field, column) -> {
                if (header.contains(column) && !merged.containsValue(column)) {
                    merged.put(field, column);
                }
            });
            chosen = new ColumnMapping(merged);
        }
        columns.show(header, chosen);
        showFileProblem(headerProblem(header, suggested));
        if (columns.mark(ingest.checkColumns(header, columns.mapping()))) {
            readCountries();
        } else {
            enableSteps(false);
            countryTable.setVisible(false);
            status.setText(fileName + ": map the columns marked in red, then the countries.");
        }
    }

    /** The admin changed a column: problems are shown at the field; a new country column re-reads the countries. */
    private void columnChosen(WarehouseField field) {
        if (file == null) {
            return;
        }
        rowErrors.setVisible(false);
        preview.setVisible(false);
        if (!columns.mark(ingest.checkColumns(columns.header(), columns.mapping()))) {
            enableSteps(false);
            countryTable.setVisible(false);
            status.setText(fileName + ": map the columns marked in red, then the countries.");
            return;
        }
        showError("");
        if (field == WarehouseField.COUNTRY || !validate.isEnabled()) {
            readCountries();
        }
    }

    /** The admin changed the encoding or the delimiter: the file is read again with the choice. */
    private void formatChosen() {
        if (!showingDetected && file != null) {
            rowErrors.setVisible(false);
            preview.setVisible(false);
            showError("");
            readColumns(null);
        }
    }

    /** The encoding and delimiter shown (detected or chosen), or null for a workbook. */
    private FileFormat format() {
        return formatRow.isVisible() && encoding.getValue() != null && delimiter.getValue() != null
                ? new FileFormat(encoding.getValue(), delimiter.getValue()) : null;
    }

    /**
     * Reads the file's countries into the country step: each country keeps the admin's choice, else takes the region
     * of the warehouse's existing customers of that country (said below its select), else waits for one.
     */
    private void readCountries() {
        try {
            List<String> countries = ingest.countries(file, fileName, format(), columns.mapping());
            Map<String, String> chosen = new LinkedHashMap<>(mapping().countryToRegion());
            knownRegions = ingest.existingCountryRegions(countries);
            countryRegions.clear();
            countryTable.removeAll();
            for (String country : countries) {
                ComboBox<String> region = new ComboBox<>(country, regionNames.keySet());
                region.setItemLabelGenerator(this::regionName);
                region.setId("import-region-" + country.replaceAll("[^A-Za-z0-9]", "-"));
                String known = knownRegions.get(country);
                region.setValue(chosen.getOrDefault(country, known));
                if (known != null) {
                    region.setHelperText("existing customers: " + regionName(known));
                }
                region.addValueChangeListener(e -> showCountryStatus());
                countryRegions.put(country, region);
            }
            HorizontalLayout row = new HorizontalLayout();
            row.setWrap(true);
            row.add(countryRegions.values().toArray(ComboBox[]::new));
            countryTable.add(row);
            countryTable.setVisible(true);
            showCountryStatus();
            enableSteps(true);
        } catch (ImportException e) {
            showFileProblem(e.getMessage());
            enableSteps(false);
        }
    }

    private RegionMapping mapping() {
        Map<String, String> map = new LinkedHashMap<>();
        countryRegions.forEach((country, box) -> {
            if (box.getValue() != null) {
                map.put(country, box.getValue());
            }
        });
        return new RegionMapping(map, defaultRegion.getValue(), columns.mapping());
    }

    private void showMapping(RegionMapping mapping) {
        if (file != null && !mapping.columns().isAutomatic()) {
            readColumns(mapping.columns());
        }
        countryRegions.forEach((country, box) -> box.setValue(mapping.countryToRegion().getOrDefault(country,
                knownRegions.get(country))));
        defaultRegion.setValue(mapping.defaultRegion());
    }

    /**
     * The country step in words: the file's countries, how many took their existing customers' region, and those
     * still without a region, named: the countries a validation would refuse (unless a region column covers them).
     */
    private void showCountryStatus() {
        if (file == null || !countryTable.isVisible()) {
            return;
        }
        List<String> open = countryRegions.entrySet().stream().filter(e -> e.getValue().getValue() == null)
                .map(Map.Entry::getKey).toList();
        long asCustomers = countryRegions.entrySet().stream().filter(e -> e.getValue().getValue() != null
                && e.getValue().getValue().equals(knownRegions.get(e.getKey()))).count();
        String fallback = defaultRegion.getValue();
        StringBuilder text = new StringBuilder(fileName)
                .append(format() == null ? "" : " (" + format().describe() + ")").append(": ");
        if (countryRegions.isEmpty()) {
            text.append(fallback == null ? "no country in the file: choose a default region for its lines, then "
                    + "validate." : "no country in the file: its lines go to the default region "
                    + regionName(fallback) + "; validate.");
        } else {
            text.append(countryRegions.size()).append(countryRegions.size() == 1 ? " country" : " countries")
                    .append(" in the file");
            if (asCustomers > 0) {
                text.append(", ").append(asCustomers).append(" set to the region of their existing customers");
            }
            if (open.isEmpty()) {
                text.append("; each has a region: validate.");
            } else if (fallback != null) {
                text.append("; ").append(open.size()).append(" without a region (").append(String.join(", ", open))
                        .append(open.size() == 1 ? ") goes" : ") go").append(" to the default region ")
                        .append(regionName(fallback)).append(": validate.");
            } else {
                text.append("; ").append(open.size()).append(" without a region: ").append(String.join(", ", open))
                        .append(". Map ").append(open.size() == 1 ? "it" : "them")
                        .append(" to a region or choose a default region, then validate.");
            }
        }
        status.setText(text.toString());
    }

    private String regionName(String code) {
        return regionNames.getOrDefault(code, code);
    }

    private void saveMapping() {
        try {
            ingest.saveMapping(mappingName.getValue(), mapping());
            savedMappings.setItems(ingest.mappingNames());
            status.setText("Mapping \"" + mappingName.getValue().strip() + "\" saved.");
            showError("");
        } catch (ImportException e) {
            showError(e.getMessage());
        }
    }

    private void validate() {
        try {
            FileFormat format = format();
            ImportValidation validation = ingest.validation(file, fileName, mapping(), format, 10);
            CleaningReport report = validation.report();
            status.setText(String.format("Valid: %,d lines read, %,d to load; excluded %,d malformed, %,d with a price "
                            + "of zero or less, %,d exact duplicates; kept and netted %,d cancellation lines and %,d "
                            + "returns; %,d lines without customer id; %,d customers, %,d invoices; %,d lines in the "
                            + "row-level error report.",
                    report.linesRead(), report.linesKept(), report.malformed(), report.nonPositivePrice(),
                    report.exactDuplicates(), report.cancellations(), report.returns(), report.missingCustomerId(),
                    report.customers(), report.invoices(), validation.rowErrors()));
            Path input = file;
            String name = fileName;
            RegionMapping checked = mapping();
            rowErrors.setHref(event -> {
                event.setFileName(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-errors.csv");
                event.setContentType("text/csv");
                try (var out = event.getOutputStream()) {
                    RowError.writeCsv(ingest.rowErrors(input, name, checked, format), out);
                } catch (ImportException e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            }, AttachmentType.DOWNLOAD);
            rowErrors.setVisible(true);
            preview.setItems(validation.preview());
            preview.setVisible(true);
            showError("");
        } catch (ImportException e) {
            rowErrors.setVisible(false);
            showError(e.getMessage());
        }
    }

    private void load() {
        UI ui = UI.getCurrent();
        AtomicBoolean cancelled = new AtomicBoolean();
        var cancelRegistration = cancel.addClickListener(e -> cancelled.set(true));
        RegionMapping mapping = mapping();
        boolean replaceRange = replace.getValue();
        FileFormat format = format();
        Path input = file;
        String name = fileName;
        enableSteps(false);
        cancel.setEnabled(true);
        progress.setVisible(true);
        progress.setValue(0);
        long started = System.nanoTime();
        Runnable work = new DelegatingSecurityContextRunnable(() -> {
            try {
                ImportReport report = ingest.importFile(input, name, mapping, format, replaceRange, true, (lines, total) -> {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    ui.access(() -> {
                        progress.setValue(total == 0 ? 1 : (double) lines / total);
                        rate.setText(String.format("%,d of %,d lines staged, %,.0f lines/s", lines, total,
                                lines / Math.max(seconds, 1e-3)));
                    });
                    return !cancelled.get();
                });
                ui.access(() -> {
                    cancelRegistration.remove();
                    status.setText("Loaded: " + report.summary() + ". The refresh has started.");
                    reloadHistory();
                    ui.navigate("admin/refresh");
                });
            } catch (ImportException | RuntimeException e) {
                ui.access(() -> {
                    cancelRegistration.remove();
                    showError(e.getMessage());
                    progress.setVisible(false);
                    enableSteps(true);
                    cancel.setEnabled(false);
                    reloadHistory();
                });
            }
        }, SecurityContextHolder.getContext());
        Thread.ofVirtual().name("import-" + name).start(work);
    }

    private void enableSteps(boolean enabled) {
        validate.setEnabled(enabled);
        load.setEnabled(enabled);
        cancel.setEnabled(false);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
    }

    private void showFileProblem(String message) {
        fileProblem.setText(message);
        fileProblem.setVisible(!message.isEmpty());
    }

    /** The file cannot be imported as read: its problem at the upload, and no step after it. */
    private void fileRefused(String message) {
        showFileProblem(message);
        enableSteps(false);
        columns.setVisible(false);
        countryTable.setVisible(false);
        status.setText("");
    }

    /**
     * A header the column step can show but that looks like no header: a single column (another delimiter, or no
     * header line), or no column the suggestion recognises (a first line of data?); empty when neither.
     */
    private String headerProblem(List<String> header, ColumnMapping suggested) {
        String line = format() == null ? "row 1" : "line 1";
        if (header.size() == 1) {
            return fileName + ": " + line + " has a single column (\"" + clip(header.getFirst()) + "\")"
                    + (format() == null ? "" : ", read as " + format().describe()) + ": the import needs a header "
                    + "naming the columns invoice, product code, date, customer id and quantity with unit price (or an "
                    + "amount)" + (format() == null ? "." : "; if the file is separated by another character, choose "
                    + "it above.");
        }
        if (suggested.isAutomatic()) {
            return fileName + ": " + line + " names no column the import knows (\"" + clip(String.join("\", \"",
                    header)) + "\"): is it the header? If it is, choose the column of each field below.";
        }
        return "";
    }

    private static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private void reloadHistory() {
        history.setItems(ingest.history(20));
    }
}
