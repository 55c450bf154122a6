package com.consumer360.batch;

import com.consumer360.analytics.TransactionTable;
import com.consumer360.analytics.basket.Baskets;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The invoices of the cleaned lines as baskets of products for the basket-rule engine, with each basket's region
 * (that of its first line). A basket holds the products of an invoice's purchase lines: cancellation invoices and
 * returns are not purchases (docs/analytics-methods.md).
 */
record InvoiceBaskets(Baskets baskets, List<String> regionOfBasket) {

    static InvoiceBaskets of(CleanedTransactions clean) {
        TransactionTable table = clean.table();
        int[] basketOfInvoice = new int[table.invoiceCount()];
        Arrays.fill(basketOfInvoice, -1);
        List<int[]> baskets = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        int[] sizes = new int[16];
        for (int i = 0; i < clean.size(); i++) {
            int row = clean.row(i);
            if (!isBasketLine(table, row)) {
                continue;
            }
            int invoice = table.invoice(row);
            // A line without an invoice id is a transaction of its own, as everywhere in the batch run.
            int basket = invoice >= 0 ? basketOfInvoice[invoice] : -1;
            if (basket < 0) {
                basket = baskets.size();
                baskets.add(new int[4]);
                regions.add(table.regionName(table.region(row)));
                if (invoice >= 0) {
                    basketOfInvoice[invoice] = basket;
                }
                if (basket == sizes.length) {
                    sizes = Arrays.copyOf(sizes, 2 * basket);
                }
            }
            int[] items = baskets.get(basket);
            if (sizes[basket] == items.length) {
                items = Arrays.copyOf(items, 2 * items.length);
                baskets.set(basket, items);
            }
            items[sizes[basket]++] = table.product(row);
        }
        int[][] trimmed = new int[baskets.size()][];
        for (int b = 0; b < trimmed.length; b++) {
            trimmed[b] = Arrays.copyOf(baskets.get(b), sizes[b]);
        }
        return new InvoiceBaskets(Baskets.of(labels(clean), trimmed), regions);
    }

    /** A purchase line with a product; baskets-only sources have no amount (NaN), and all their lines count. */
    private static boolean isBasketLine(TransactionTable table, int row) {
        return table.product(row) >= 0 && !table.isCancellation(table.invoice(row)) && !(table.amount(row) <= 0);
    }

    /**
     * The description when it names one product only, else the product id (with the description when shared).
     * Descriptions are stripped: UCI's often end in a space ("STRAWBERRY BATH SPONGE "). They come from the kept lines
     * only, as in the import: a line the cleaning excludes does not name a product.
     */
    private static List<String> labels(CleanedTransactions clean) {
        TransactionTable table = clean.table();
        Map<String, Integer> productsPerDescription = new HashMap<>();
        for (int p = 0; p < table.productCount(); p++) {
            productsPerDescription.merge(clean.productDescription(p).strip(), 1, Integer::sum);
        }
        List<String> labels = new ArrayList<>(table.productCount());
        for (int p = 0; p < table.productCount(); p++) {
            String description = clean.productDescription(p).strip();
            if (description.isBlank()) {
                labels.add(table.productId(p));
            } else if (productsPerDescription.get(description) > 1) {
                labels.add(description + " [" + table.productId(p) + "]");
            } else {
                labels.add(description);
            }
        }
        return labels;
    }
}
