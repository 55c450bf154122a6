package com.consumer360.ingest.ui;

import com.consumer360.ingest.ColumnMapping;
import com.consumer360.ingest.WarehouseField;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The wizard's column step: each warehouse field (required or optional) with a select of the file's columns; the
 * view fills it with a suggested or saved mapping and marks the problems the service finds at their fields.
 */
final class ColumnStep extends VerticalLayout {

    private final Map<WarehouseField, Select<String>> selects = new EnumMap<>(WarehouseField.class);
    private List<String> header = List.of();
    /** Set while the program fills the selects, so that only the admin's changes are reported. */
    private boolean filling;

    ColumnStep(Consumer<WarehouseField> chosen) {
        setPadding(false);
        HorizontalLayout table = new HorizontalLayout();
        table.setId("import-columns");
        table.setWrap(true);
        for (WarehouseField field : WarehouseField.values()) {
            Select<String> select = new Select<>();
            select.setLabel(field.label() + " (" + field.needLabel() + ")");
            select.setId("import-column-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption("(not in the file)");
            select.setWidth("16em");
            select.addValueChangeListener(e -> {
                if (!filling) {
                    chosen.accept(field);
                }
            });
            selects.put(field, select);
            table.add(select);
        }
        add(new H3("Columns"), table);
        setVisible(false);
    }

    List<String> header() {
        return header;
    }

    /** Offers the header's columns, chosen as {@code mapping} maps them (columns the header lacks left empty). */
    void show(List<String> columns, ColumnMapping mapping) {
        header = List.copyOf(columns);
        filling = true;
        try {
            selects.forEach((field, select) -> {
                select.setItems(header);
                String column = mapping.columns().get(field);
                select.setValue(column != null && header.contains(column) ? column : null);
            });
        } finally {
            filling = false;
        }
        setVisible(true);
    }

    /** The column of each warehouse field as chosen in the selects. */
    ColumnMapping mapping() {
        Map<WarehouseField, String> columns = new EnumMap<>(WarehouseField.class);
        selects.forEach((field, select) -> {
            if (select.getValue() != null) {
                columns.put(field, select.getValue());
            }
        });
        return new ColumnMapping(columns);
    }

    /** Marks each field with its problem; true when there is none. */
    boolean mark(Map<WarehouseField, String> problems) {
        selects.forEach((field, select) -> {
            String problem = problems.get(field);
            select.setInvalid(problem != null);
            select.setErrorMessage(problem);
        });
        return problems.isEmpty();
    }
}
