package com.consumer360.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The region that the warehouse's existing customers of a country are in, so that an import maps the country there
 * by default and its new customers join their compatriots' region. Read under the connection's region scope: row-level
 * security shows only the customers of the importing admin's regions (all five for an admin assigned every region, as
 * an import needs anyway).
 */
final class KnownCountries {

    private KnownCountries() {
    }

    /**
     * For each of {@code countries} that customers in scope have (compared ignoring case), the code of the region
     * most of them are in, the lowest region id on a tie; countries no customer has are left out.
     */
    static Map<String, String> regions(Connection connection, Collection<String> countries) throws SQLException {
        Map<String, String> regions = new LinkedHashMap<>();
        if (countries.isEmpty()) {
            return regions;
        }
        Array names = connection.createArrayOf("text", countries.toArray());
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT DISTINCT ON (f.country) f.country, r.code
                FROM unnest(?::text[]) AS f(country)
                JOIN dim_customer c ON lower(c.country) = lower(f.country)
                JOIN dim_region r ON r.region_id = c.region_id
                GROUP BY f.country, r.region_id, r.code
                ORDER BY f.country, count(*) DESC, r.region_id""")) {
            query.setArray(1, names);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    regions.put(result.getString(1), result.getString(2));
                }
            }
        } finally {
            names.free();
        }
        return regions;
    }
}
