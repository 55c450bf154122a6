package com.consumer360.demodata;

/**
 * Ground truth of the demo retailer, documented in docs/demo-data.md so that tests can check the engines
 * recover it.
 *
 * <p>Purchase process (BG/NBD, time unit days): each customer's purchase rate {@code lambda ~ Gamma(r, alpha)}
 * (shape r, rate alpha) and drop-out probability {@code p ~ Beta(a, b)}; after each repeat purchase the customer
 * leaves with probability p, otherwise the next purchase follows after an Exp(lambda) wait.
 */
public record DemoParameters(
        double r, double alpha, double a, double b,
        double meanExtraLinesPerInvoice, double seasonalBasketBoost,
        double acquisitionGrowth, double cancellationRate, double affinityProbability,
        int productCount, int affinityPairs, int linesPerCustomerHint) {

    /**
     * The demo data's shape by name: {@code standard} (the portal's demo data: about 4 lines per invoice and 60
     * customers per 1,000 lines) or {@code online-retail} (shaped like the UCI Online Retail data set: about 20
     * lines per invoice over 4,000 products, so 541,909 lines make about 27,000 invoices of 7,000 customers,
     * against Online Retail's 25,900 invoices of 4,372 customers). Same purchase process otherwise.
     */
    public static DemoParameters ofShape(String shape) {
        return switch (shape) {
            case "standard" -> standard();
            case "online-retail" -> new DemoParameters(0.9, 60.0, 0.8, 4.0, 19.0, 1.4, 1.5, 0.02, 0.55, 4000, 40, 20);
            default -> throw new IllegalArgumentException("unknown demo data shape '" + shape
                    + "': use standard or online-retail");
        };
    }

    /** The parameters used by the portal's demo data. */
    public static DemoParameters standard() {
        return new DemoParameters(
                0.9, 60.0, 0.8, 4.0,
                3.0, 1.4,
                1.5, 0.02, 0.55,
                2000, 40, 20);
    }
}
