package com.consumer360.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved import mappings by name: country to region (ingest_mapping, ingest_mapping_country, regions by code) and the
 * file column of each warehouse field (ingest_mapping_column; none: recognised by header name).
 */
final class MappingStore {

    private MappingStore() {
    }

    static Optional<RegionMapping> find(Connection connection, String name) throws SQLException {
        String fallback;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT r.code FROM ingest_mapping m LEFT JOIN dim_region r ON r.region_id = m.default_region_id
                WHERE m.name = ?""")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                fallback = result.getString(1);
            }
        }
        Map<String, String> countries = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.country, r.code FROM ingest_mapping_country c JOIN dim_region r ON r.region_id = c.region_id
                WHERE c.name = ? ORDER BY c.country""")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    countries.put(result.getString(1), result.getString(2));
                }
            }
        }
        Map<WarehouseField, String> columns = new java.util.EnumMap<>(WarehouseField.class);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT field, source_column FROM ingest_mapping_column WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    columns.put(WarehouseField.valueOf(result.getString(1)), result.getString(2));
                }
            }
        }
        return Optional.of(new RegionMapping(countries, fallback, new ColumnMapping(columns)));
    }

    static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM ingest_mapping ORDER BY name");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    /**
     * Replaces the mapping of that name; regions are given by code or name and must exist, a column mapping must map
     * every required field, each column once.
     */
    static void save(Connection connection, String name, RegionMapping mapping) throws SQLException, ImportException {
        mapping.columns().check("mapping \"" + name + "\"", null);
        Map<String, Short> regions = WarehouseImport.regions(connection);
        Short fallback = mapping.defaultRegion() == null || mapping.defaultRegion().isBlank() ? null
                : regionId(regions, mapping.defaultRegion());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO ingest_mapping (name, default_region_id) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET default_region_id = excluded.default_region_id, updated_at = now()""");
                 PreparedStatement clear = connection.prepareStatement("DELETE FROM ingest_mapping_country WHERE name = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO ingest_mapping_country (name, country, region_id) VALUES (?, ?, ?)");
                 PreparedStatement clearColumns = connection.prepareStatement(
                         "DELETE FROM ingest_mapping_column WHERE name = ?");
                 PreparedStatement insertColumn = connection.prepareStatement(
                         "INSERT INTO ingest_mapping_column (name, field, source_column) VALUES (?, ?, ?)")) {
                upsert.setString(1, name);
                upsert.setObject(2, fallback);
                upsert.executeUpdate();
                clear.setString(1, name);
                clear.executeUpdate();
                for (var entry : mapping.countryToRegion().entrySet()) {
                    insert.setString(1, name);
                    insert.setString(2, entry.getKey());
                    insert.setShort(3, regionId(regions, entry.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
                clearColumns.setString(1, name);
                clearColumns.executeUpdate();
                for (var entry : mapping.columns().columns().entrySet()) {
                    insertColumn.setString(1, name);
                    insertColumn.setString(2, entry.getKey().name());
                    insertColumn.setString(3, entry.getValue());
                    insertColumn.addBatch();
                }
                insertColumn.executeBatch();
            }
            connection.commit();
        } catch (SQLException | ImportException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static short regionId(Map<String, Short> regions, String region) throws ImportException {
        Short id = regions.get(ImportPlan.key(region));
        if (id == null) {
            throw new ImportException("region mapping: \"" + region + "\" is not a region of the warehouse");
        }
        return id;
    }
}
