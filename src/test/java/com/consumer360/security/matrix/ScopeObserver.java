package com.consumer360.security.matrix;

import com.consumer360.export.ExportFormat;
import com.consumer360.support.Spreadsheets;
import com.consumer360.support.TestDatabase;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks everything a path returns for one signed-in user against the superuser's view of the warehouse: every
 * customer id belongs to one of the user's regions (and its name is that customer's), no string is the name of a
 * customer or region outside the scope, every region id is in scope, and the figures a probe names equal superuser
 * SQL restricted to the user's regions. Objects are walked reflectively (records, collections, maps, optionals), so
 * a new field in a returned record is checked without a change here; exports are parsed (CSV with FastCSV, XLSX with
 * Apache POI) and every cell is checked the same way.
 */
final class ScopeObserver {

    /** The superuser's facts, read once per test run. */
    record Truth(Map<Long, Short> customerRegion, Map<Long, String> customerName, Map<Short, String> regionName,
                 Map<String, Set<Short>> userRegions) {

        static Truth read() throws SQLException {
            Map<Long, Short> customerRegion = new HashMap<>();
            Map<Long, String> customerName = new HashMap<>();
            Map<Short, String> regionName = new HashMap<>();
            Map<String, Set<Short>> userRegions = new HashMap<>();
            try (Connection c = TestDatabase.connectAs("postgres")) {
                query(c, "SELECT customer_id, name, region_id FROM dim_customer", r -> {
                    customerRegion.put(r.getLong(1), r.getShort(3));
                    customerName.put(r.getLong(1), r.getString(2));
                });
                query(c, "SELECT region_id, name FROM dim_region", r -> regionName.put(r.getShort(1), r.getString(2)));
                query(c, "SELECT u.username, g.region_id FROM app_user u JOIN app_user_region g USING (user_id)",
                        r -> userRegions.computeIfAbsent(r.getString(1), k -> new HashSet<>()).add(r.getShort(2)));
            }
            return new Truth(customerRegion, customerName, regionName, userRegions);
        }

        private interface Row {
            void accept(ResultSet row) throws SQLException;
        }

        private static void query(Connection c, String sql, Row row) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.accept(r);
                }
            }
        }
    }

    private final Truth truth;
    private final String user;
    private final Set<Short> regions;
    private final Set<String> inScopeNames = new HashSet<>();
    private final Set<String> foreignNames = new HashSet<>();
    private final List<String> leaks = new ArrayList<>();
    private String path = "";
    private long rowsChecked;
    private long valuesChecked;
    private long figuresChecked;
    private long refusedFilters;

    ScopeObserver(Truth truth, String user) {
        this.truth = truth;
        this.user = user;
        this.regions = truth.userRegions().getOrDefault(user, Set.of());
        truth.customerName().forEach((id, name) -> {
            if (regions.contains(truth.customerRegion().get(id))) {
                inScopeNames.add(name);
            }
        });
        truth.customerName().forEach((id, name) -> {
            if (!inScopeNames.contains(name)) {
                foreignNames.add(name);
            }
        });
        truth.regionName().forEach((id, name) -> {
            if (!regions.contains(id)) {
                foreignNames.add(name);
            }
        });
    }

    String user() {
        return user;
    }

    /** The user's regions as read by the superuser. */
    Set<Short> regions() {
        return regions;
    }

    boolean seesAllRegions() {
        return regions.containsAll(truth.regionName().keySet());
    }

    /** The regions as the SQL array literal of a superuser query ({@code region_id = ANY (?::smallint[])}). */
    String regionArray() {
        return "{" + String.join(",", regions.stream().map(String::valueOf).toList()) + "}";
    }

    void at(String path) {
        this.path = path;
    }

    /** Walks a returned value: every row (record) and value in it must lie in scope. */
    <T> T result(T value) {
        walk(value, 0);
        return value;
    }

    /** A call with a filter naming a region that may be outside the scope: refused with a message, or checked. */
    void filtered(java.util.concurrent.Callable<?> call) throws Exception {
        try {
            result(call.call());
        } catch (RuntimeException e) {
            refused(e);
        }
    }

    /** An input the service refuses with a message for the user (a region or rule set outside the scope). */
    private void refused(RuntimeException e) {
        if (!(e instanceof IllegalArgumentException) && !e.getClass().getSimpleName().startsWith("Invalid")) {
            throw e;
        }
        refusedFilters++;
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            leak("refused without a message");
        }
    }

    long refusedFilters() {
        return refusedFilters;
    }

    /** Runs an export into memory and checks every cell of it. */
    void export(ExportFormat format, Consumer<ByteArrayOutputStream> export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            export.accept(out);
        } catch (RuntimeException e) {
            refused(e);
            return;
        }
        try {
            List<List<Object>> rows = format == ExportFormat.XLSX ? Spreadsheets.rows(out.toByteArray()) : csv(out.toByteArray());
            if (rows.isEmpty()) {
                return;
            }
            List<Object> header = rows.getFirst();
            int idColumn = header.indexOf("customer_id");
            int nameColumn = header.indexOf("name");
            for (List<Object> row : rows.subList(1, rows.size())) {
                rowsChecked++;
                for (Object cell : row) {
                    if (cell instanceof String text) {
                        text(text);
                    }
                }
                if (idColumn >= 0 && row.get(idColumn) != null) {
                    long id = row.get(idColumn) instanceof Number n ? n.longValue() : Long.parseLong(row.get(idColumn).toString());
                    customer(id, nameColumn >= 0 && row.get(nameColumn) != null ? row.get(nameColumn).toString() : null);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A figure the path returned must equal the superuser's figure over the user's regions. */
    void figure(String what, BigDecimal shown, BigDecimal expected) {
        figuresChecked++;
        if (shown.compareTo(expected) != 0) {
            leak(what + " is " + shown + ", superuser SQL over " + regions + " gives " + expected);
        }
    }

    void figure(String what, long shown, long expected) {
        figure(what, BigDecimal.valueOf(shown), BigDecimal.valueOf(expected));
    }

    List<String> leaks() {
        return leaks;
    }

    long rowsChecked() {
        return rowsChecked;
    }

    long valuesChecked() {
        return valuesChecked;
    }

    long figuresChecked() {
        return figuresChecked;
    }

    private static List<List<Object>> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<Object>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                rows.add(new ArrayList<>(record.getFields()));
            }
        }
        return rows;
    }

    private void walk(Object value, int depth) {
        if (value == null || depth > 12) {
            return;
        }
        switch (value) {
            case String text -> text(text);
            case Optional<?> optional -> optional.ifPresent(v -> walk(v, depth + 1));
            case Collection<?> items -> items.forEach(v -> walk(v, depth + 1));
            case Map<?, ?> map -> map.forEach((k, v) -> {
                walk(k, depth + 1);
                walk(v, depth + 1);
            });
            case Object[] array -> {
                for (Object v : array) {
                    walk(v, depth + 1);
                }
            }
            case Record record -> record(record, depth);
            default -> valuesChecked++;
        }
    }

    private void record(Record record, int depth) {
        rowsChecked++;
        Long customerId = null;
        String name = null;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            switch (component.getName()) {
                case "customerId" -> customerId = (Long) v;
                case "name" -> name = v instanceof String s ? s : null;
                case "regionId" -> region(((Number) v).shortValue());
                default -> {
                }
            }
            if (record.getClass().getSimpleName().equals("RegionOption") && component.getName().equals("id")) {
                region(((Number) v).shortValue());
            }
            walk(v, depth + 1);
        }
        if (customerId != null) {
            customer(customerId, name);
        }
    }

    private void region(short id) {
        valuesChecked++;
        if (id == 0 ? !seesAllRegions() : !regions.contains(id)) {
            leak("region id " + id);
        }
    }

    private void customer(long id, String name) {
        valuesChecked++;
        Short region = truth.customerRegion().get(id);
        if (region == null || !regions.contains(region)) {
            leak("customer " + id + " of region " + region);
        } else if (name != null && !name.equals(truth.customerName().get(id))) {
            leak("customer " + id + " shown as '" + name + "'");
        }
    }

    private void text(String text) {
        valuesChecked++;
        if (foreignNames.contains(text)) {
            leak("name '" + text + "' of another region");
        }
    }

    private void leak(String what) {
        if (leaks.size() < 50) {
            leaks.add(user + " @ " + path + ": " + what);
        }
    }
}
