package com.consumer360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A country the warehouse's customers already have is suggested with the region most of them are in (the lowest
 * region id on a tie, the country compared ignoring case), read under the reader's region scope: an admin who sees
 * every region gets every country's region, a narrower scope only what its own customers say.
 */
class KnownCountriesTest {

    private static final String HEADER = ImportDatabase.ONLINE_RETAIL_HEADER;

    @TempDir
    static Path dir;
    private static ImportDatabase database;

    @BeforeAll
    static void customersInRegions() throws Exception {
        database = ImportDatabase.create("import_known_countries");
        // Germany: three customers in Central, one in West; Spain: one in South, one in East; France: one in West.
        load("first.csv", Map.of("Germany", "CENTRAL", "Spain", "SOUTH", "France", "WEST"), """
                940001,P1,ONE,1,2011-07-01 09:00:00,1.50,50001,Germany
                940002,P1,ONE,1,2011-07-01 09:00:00,1.50,50002,Germany
                940003,P1,ONE,1,2011-07-01 09:00:00,1.50,50003,Germany
                940004,P1,ONE,1,2011-07-01 09:00:00,1.50,50004,Spain
                940005,P1,ONE,1,2011-07-01 09:00:00,1.50,50005,France
                """);
        load("second.csv", Map.of("Germany", "WEST", "Spain", "EAST"), """
                940006,P1,ONE,1,2011-07-02 09:00:00,1.50,50006,Germany
                940007,P1,ONE,1,2011-07-02 09:00:00,1.50,50007,Spain
                """);
    }

    private static void load(String name, Map<String, String> countries, String lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + lines, StandardCharsets.UTF_8);
        FileImport.run(database.admin(), file, name, new RegionMapping(countries, null), false, ImportProgress.NONE);
    }

    @Test
    void eachKnownCountryGetsTheRegionOfMostOfItsCustomers() throws Exception {
        try (Connection admin = database.runtime(ImportDatabase.ALL_REGIONS)) {
            assertThat(KnownCountries.regions(admin, List.of("Germany", "Spain", "france", "Narnia")))
                    .isEqualTo(Map.of("Germany", "CENTRAL", "Spain", "SOUTH", "france", "WEST"));
            assertThat(KnownCountries.regions(admin, List.of())).isEmpty();
        }
    }

    @Test
    void onlyTheCustomersInTheReadersScopeCount() throws Exception {
        try (Connection west = database.runtime("4");
             Connection north = database.runtime("1")) {
            assertThat(KnownCountries.regions(west, List.of("Germany", "Spain", "France")))
                    .isEqualTo(Map.of("France", "WEST", "Germany", "WEST"));
            assertThat(KnownCountries.regions(north, List.of("Germany", "Spain", "France"))).isEmpty();
        }
    }
}
