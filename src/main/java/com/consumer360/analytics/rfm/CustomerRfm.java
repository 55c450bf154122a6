package com.consumer360.analytics.rfm;

/**
 * One customer's RFM aggregates, the input of scoring from either feed (warehouse SQL or the batch table).
 *
 * @param recencyDays days from the last purchase to the as-of date
 * @param frequency   distinct purchase invoices
 * @param monetary    net revenue (purchases minus returns), rounded to cents by {@link #ofNetRevenue}
 */
public record CustomerRfm(String customerId, int recencyDays, int frequency, double monetary) {

    /** Rounds net revenue to cents so that both feeds rank equal spend as a tie, whatever their summation order. */
    public static CustomerRfm ofNetRevenue(String customerId, int recencyDays, int frequency, double netRevenue) {
        return new CustomerRfm(customerId, recencyDays, frequency, Math.round(netRevenue * 100) / 100.0);
    }
}
