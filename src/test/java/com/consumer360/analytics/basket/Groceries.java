package com.consumer360.analytics.basket;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The arules Groceries data set from the test resources (see groceries/README.md). */
final class Groceries {

    private Groceries() {
    }

    static Baskets load() {
        Baskets.Builder builder = new Baskets.Builder();
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                Groceries.class.getResourceAsStream("/groceries/groceries.csv")), StandardCharsets.UTF_8);
                CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                        .ofCsvRecord(reader)) {
            csv.forEach(basket -> builder.add(basket.getFields()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
