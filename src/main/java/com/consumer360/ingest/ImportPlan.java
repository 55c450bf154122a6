package com.consumer360.ingest;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.cleaning.Cleaning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A table read in memory (a source's extract, {@link ExtractImport}) checked against the warehouse's regions and cleaned: the region of every country and region label,
 * ready to load. Everything that can be refused is refused here, before the warehouse is touched.
 */
final class ImportPlan {

    static final int INVOICE_LENGTH = 32;
    static final int CODE_LENGTH = 64;

    final TransactionTable table;
    final CleanedTransactions cleaned;
    /** Region id per country code of the table (index = country code), and for lines without a country. */
    final short[] regionOfCountry;
    final short regionOfMissingCountry;
    /** Region id per region label code of the table, or -1 where the label names no warehouse region. */
    final short[] regionOfLabel;
    private ImportPlan(TransactionTable table, CleanedTransactions cleaned, short[] regionOfCountry,
                       short regionOfMissingCountry, short[] regionOfLabel) {
        this.table = table;
        this.cleaned = cleaned;
        this.regionOfCountry = regionOfCountry;
        this.regionOfMissingCountry = regionOfMissingCountry;
        this.regionOfLabel = regionOfLabel;
    }

    /** Checks columns, region mapping and field lengths; {@code regions} maps upper-case codes and names to ids. */
    static ImportPlan of(String file, TransactionTable table, RegionMapping mapping, Map<String, Short> regions)
            throws ImportException {
        requireColumns(file, table);
        if (table.size() == 0) {
            throw new ImportException(file + ": no data lines to import");
        }
        Short fallback = null;
        if (mapping.defaultRegion() != null && !mapping.defaultRegion().isBlank()) {
            fallback = region(file, regions, mapping.defaultRegion(), "the default region");
        }
        short[] labels = new short[table.regionCount()];
        for (int code = 0; code < labels.length; code++) {
            Short id = regions.get(key(table.regionName(code)));
            labels[code] = id == null ? -1 : id;
        }
        short[] countries = new short[table.countryCount()];
        TreeSet<String> unmapped = new TreeSet<>();
        for (int code = 0; code < countries.length; code++) {
            String country = table.countryName(code);
            countries[code] = regionOfCountry(file, regions, mapping, country, fallback, unmapped);
        }
        short missing = fallback == null ? -1 : fallback;
        CleanedTransactions cleaned = Cleaning.clean(table);
        checkEveryLineHasARegion(file, table, cleaned, countries, missing, labels, unmapped);
        checkLengths(file, table);
        return new ImportPlan(table, cleaned, countries, missing, labels);
    }

    /**
     * Every line the import leaves out, in table order: lines with a unit price of zero or less, exact duplicates of
     * an earlier line (the cleaning rules, in their order). A table has no file lines: each is at line -1.
     */
    List<RowError> rowErrors() {
        List<RowError> errors = new ArrayList<>();
        java.util.BitSet kept = new java.util.BitSet(table.size());
        for (int i = 0; i < cleaned.size(); i++) {
            kept.set(cleaned.row(i));
        }
        for (int row = kept.nextClearBit(0); row < table.size(); row = kept.nextClearBit(row + 1)) {
            long line = -1;
            double price = table.unitPrice(row);
            if (!Double.isNaN(price) && price <= 0) {
                errors.add(new RowError(line, "unit_price", WarehouseImport.money(price).toPlainString(),
                        "unit price of zero or less: excluded by the price rule"));
            } else {
                int invoice = table.invoice(row);
                errors.add(new RowError(line, "*", invoice < 0 ? "" : table.invoiceId(invoice),
                        "exact duplicate of an earlier line (equal in every column read): excluded, the first is kept"));
            }
        }
        errors.sort(java.util.Comparator.comparingLong(RowError::line));
        return errors;
    }

    /** Region id of a kept line: its own region label if that names a region, else its country's. */
    short regionOf(int row) {
        int label = table.region(row);
        if (label >= 0 && regionOfLabel[label] >= 0) {
            return regionOfLabel[label];
        }
        int country = table.country(row);
        return country < 0 ? regionOfMissingCountry : regionOfCountry[country];
    }

    private static void requireColumns(String file, TransactionTable table) throws ImportException {
        List<String> missing = new ArrayList<>();
        for (TransactionColumn column : TransactionColumn.missingForSales(table.columns())) {
            missing.add(column == TransactionColumn.AMOUNT ? "amount (or quantity and unit_price)"
                    : column.name().toLowerCase(Locale.ROOT));
        }
        if (!table.has(TransactionColumn.INVOICE_ID)) {
            missing.add("invoice_id (it identifies each line, so a repeated import adds nothing)");
        }
        if (!table.has(TransactionColumn.PRODUCT_ID)) {
            missing.add("product_id");
        }
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": line 1: the import needs the column(s) " + String.join(", ", missing));
        }
    }

    private static short regionOfCountry(String file, Map<String, Short> regions, RegionMapping mapping, String country,
                                         Short fallback, TreeSet<String> unmapped) throws ImportException {
        String target = mapping.countryToRegion().get(country);
        if (target == null) {
            for (var entry : mapping.countryToRegion().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(country)) {
                    target = entry.getValue();
                }
            }
        }
        if (target != null) {
            return region(file, regions, target, "country " + country);
        }
        if (fallback != null) {
            return fallback;
        }
        unmapped.add(country);
        return -1;
    }

    private static short region(String file, Map<String, Short> regions, String name, String what) throws ImportException {
        Short id = regions.get(key(name));
        if (id == null) {
            throw new ImportException(file + ": region mapping: " + what + " maps to \"" + name + "\", which is not a region "
                    + "of the warehouse (regions: " + String.join(", ", new TreeSet<>(regions.keySet())) + ")");
        }
        return id;
    }

    /** Unmapped countries are refused only when a kept line needs them (a region label may cover it). */
    private static void checkEveryLineHasARegion(String file, TransactionTable table, CleanedTransactions cleaned,
                                                 short[] countries, short missing, short[] labels,
                                                 TreeSet<String> unmapped) throws ImportException {
        TreeSet<String> needed = new TreeSet<>();
        for (int i = 0; i < cleaned.size(); i++) {
            int row = cleaned.row(i);
            if (table.invoice(row) < 0) {
                throw new ImportException(file + ": column invoice_id: a kept line (the " + (i + 1)
                        + "th) has no invoice id, which identifies the line in the warehouse");
            }
            int label = table.region(row);
            if (label >= 0 && labels[label] >= 0) {
                continue;
            }
            int country = table.country(row);
            if (country < 0 ? missing < 0 : countries[country] < 0) {
                needed.add(table.countryName(country));
            }
        }
        if (!needed.isEmpty()) {
            throw new ImportException(file + ": column country: no region for " + needed.size() + " countr"
                    + (needed.size() == 1 ? "y" : "ies") + ": " + String.join(", ", needed)
                    + "; map them to a region or choose a default region");
        }
    }

    private static void checkLengths(String file, TransactionTable table) throws ImportException {
        for (int code = 0; code < table.invoiceCount(); code++) {
            tooLong(file, "invoice_id", table.invoiceId(code), INVOICE_LENGTH);
        }
        for (int code = 0; code < table.productCount(); code++) {
            tooLong(file, "product_id", table.productId(code), CODE_LENGTH);
        }
        for (int code = 0; code < table.customerCount(); code++) {
            tooLong(file, "customer_id", table.customerId(code), CODE_LENGTH);
        }
        for (int code = 0; code < table.countryCount(); code++) {
            tooLong(file, "country", table.countryName(code), CODE_LENGTH);
        }
    }

    private static void tooLong(String file, String column, String value, int limit) throws ImportException {
        if (value != null && value.length() > limit) {
            throw new ImportException(file + ": column " + column + ": value longer than " + limit
                    + " characters: \"" + value.substring(0, 40) + "...\"");
        }
    }

    static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }
}
