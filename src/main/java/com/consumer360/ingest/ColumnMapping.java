package com.consumer360.ingest;

import com.consumer360.analytics.TransactionColumn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a file fills each warehouse field, by the column's header name. Empty ({@link #AUTOMATIC}): the
 * header is recognised as the batch run does (the generic layout and UCI Online Retail). {@link #suggest} pre-fills
 * the wizard's mapping step from a header: recognised names first, then names containing a known part ("Order Qty",
 * "Customer number").
 */
public record ColumnMapping(Map<WarehouseField, String> columns) {

    public static final ColumnMapping AUTOMATIC = new ColumnMapping(Map.of());

    public ColumnMapping {
        Map<WarehouseField, String> copy = new EnumMap<>(WarehouseField.class);
        columns.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                copy.put(field, column.strip());
            }
        });
        columns = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isAutomatic() {
        return columns.isEmpty();
    }

    /** The suggested mapping of a file's header. */
    public static ColumnMapping suggest(List<String> header) {
        Map<WarehouseField, String> chosen = new EnumMap<>(WarehouseField.class);
        Set<Integer> taken = new HashSet<>();
        for (WarehouseField field : WarehouseField.values()) {
            for (int i = 0; i < header.size() && !chosen.containsKey(field); i++) {
                if (!taken.contains(i) && field.names.contains(FileCheck.normalise(header.get(i)))) {
                    chosen.put(field, header.get(i));
                    taken.add(i);
                }
            }
        }
        for (WarehouseField field : WarehouseField.GUESS_ORDER) {
            for (String part : field.parts) {
                for (int i = 0; i < header.size() && !chosen.containsKey(field); i++) {
                    if (!taken.contains(i) && FileCheck.normalise(header.get(i)).contains(part)) {
                        chosen.put(field, header.get(i));
                        taken.add(i);
                    }
                }
            }
        }
        return new ColumnMapping(chosen);
    }

    /**
     * What is wrong with this mapping for a file with {@code header} (null: not checked against a header), by field:
     * a required field unmapped, a column mapped to two fields, a column the file does not have. Empty when valid;
     * the automatic mapping is checked by the reader instead.
     */
    public Map<WarehouseField, String> problems(List<String> header) {
        return isAutomatic() ? new LinkedHashMap<>() : problemsAsChosen(header);
    }

    /**
     * As {@link #problems}, for a mapping chosen field by field (the wizard's selects), where an empty mapping is one
     * with nothing chosen yet, every required field unmapped, not the automatic one.
     */
    public Map<WarehouseField, String> problemsAsChosen(List<String> header) {
        Map<WarehouseField, String> problems = new LinkedHashMap<>();
        Map<String, WarehouseField> firstField = new LinkedHashMap<>();
        for (WarehouseField field : WarehouseField.values()) {
            String column = columns.get(field);
            if (column == null) {
                if (field.need() == WarehouseField.Need.REQUIRED) {
                    problems.put(field, "required: choose the column that holds the " + field.label().toLowerCase(
                            java.util.Locale.ROOT));
                }
                continue;
            }
            WarehouseField other = firstField.putIfAbsent(column, field);
            if (other != null) {
                problems.put(field, "column \"" + column + "\" is already mapped to " + other.label().toLowerCase(
                        java.util.Locale.ROOT) + "; map each column once");
            } else if (header != null && header.stream().noneMatch(name -> name.strip().equals(column))) {
                problems.put(field, "the file has no column \"" + column + "\"");
            }
        }
        boolean amount = columns.containsKey(WarehouseField.AMOUNT);
        for (WarehouseField field : List.of(WarehouseField.QUANTITY, WarehouseField.UNIT_PRICE)) {
            if (!amount && !columns.containsKey(field)) {
                problems.putIfAbsent(field, "required unless an amount column is mapped: choose the column that "
                        + "holds the " + field.label().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return problems;
    }

    /** Refuses a mapping with problems, naming each field. */
    void check(String where, List<String> header) throws ImportException {
        Map<WarehouseField, String> problems = problems(header);
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            problems.forEach((field, problem) -> lines.add(field.label().toLowerCase(java.util.Locale.ROOT) + ": "
                    + problem));
            throw new ImportException(where + ": column mapping: " + String.join("; ", lines));
        }
    }

    /** The reader's columns by header name; empty for the automatic mapping. */
    Map<TransactionColumn, String> byColumn() {
        Map<TransactionColumn, String> byColumn = new EnumMap<>(TransactionColumn.class);
        columns.forEach((field, column) -> byColumn.put(field.column(), column));
        return byColumn;
    }
}
