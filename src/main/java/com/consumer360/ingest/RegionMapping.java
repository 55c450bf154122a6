package com.consumer360.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A saved import mapping: country to region code (e.g. {@code France -> WEST}); countries not listed go to
 * {@code defaultRegion}, or are refused when it is null. Lines whose file gives a region name or code directly use
 * that instead. {@code columns} says which file column fills each warehouse field ({@link ColumnMapping#AUTOMATIC}:
 * recognised by header name).
 */
public record RegionMapping(Map<String, String> countryToRegion, String defaultRegion, ColumnMapping columns) {

    public RegionMapping {
        countryToRegion = Map.copyOf(countryToRegion);
        columns = columns == null ? ColumnMapping.AUTOMATIC : columns;
    }

    /** Countries only, columns recognised by header name. */
    public RegionMapping(Map<String, String> countryToRegion, String defaultRegion) {
        this(countryToRegion, defaultRegion, ColumnMapping.AUTOMATIC);
    }

    /** The same countries with these columns. */
    public RegionMapping withColumns(ColumnMapping chosen) {
        return new RegionMapping(countryToRegion, defaultRegion, chosen);
    }

    /** Reads a two-column CSV file {@code country,region} (a header line is optional; {@code *} sets the default). */
    public static RegionMapping read(Path file) throws ImportException {
        Map<String, String> map = new LinkedHashMap<>();
        String fallback = null;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(in)) {
            for (CsvRecord record : csv) {
                if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
                    continue;
                }
                if (record.getFieldCount() != 2) {
                    throw new ImportException(file + ": line " + record.getStartingLineNumber()
                            + ": expected two columns, country and region");
                }
                String country = record.getField(0).strip();
                String region = record.getField(1).strip();
                if (record.getStartingLineNumber() == 1 && country.equalsIgnoreCase("country")) {
                    continue;
                }
                if (country.equals("*")) {
                    fallback = region;
                } else {
                    map.put(country, region);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ImportException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(file + ": cannot read: " + e.getMessage());
        }
        return new RegionMapping(map, fallback);
    }
}
