package com.consumer360.ingest;

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
        StagedFile.requireColumns(file, table);
        if (table.size() == 0) {
            throw new ImportException(file + ": no data lines to import");
        }
        StagedFile.Regions resolver = new StagedFile.Regions(file, mapping, regions);
        short[] labels = resolver.ofLabels(table);
        short[] countries = resolver.ofCountries(table);
        short missing = resolver.missingCountry();
        CleanedTransactions cleaned = Cleaning.clean(table);
        checkEveryLineHasARegion(file, table, cleaned, countries, missing, labels);
        StagedFile.checkLengths(file, table);
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

    /** Unmapped countries are refused only when a kept line needs them (a region label may cover it). */
    private static void checkEveryLineHasARegion(String file, TransactionTable table, CleanedTransactions cleaned,
                                                 short[] countries, short missing, short[] labels)
            throws ImportException {
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

    static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }
}
