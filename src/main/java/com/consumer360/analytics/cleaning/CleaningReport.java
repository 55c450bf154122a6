package com.consumer360.analytics.cleaning;

/**
 * What cleaning did, line by line: {@code linesRead = linesKept + malformed + nonPositivePrice + exactDuplicates};
 * and customer by customer, invoice by invoice: {@code customers = inputCustomers - customersRemovedByPrice -
 * customersRemovedAsDuplicates}, likewise for invoices. A customer (invoice) is removed by a rule when it still had
 * a line before that rule and has none after it; rules apply in the order price, then duplicates. Malformed lines
 * are not in the input counts: their customer and invoice could not be read.
 *
 * @param linesRead                    lines in the source, including malformed ones its reader skipped
 * @param linesKept                    lines used by the sales metrics
 * @param malformed                    excluded: lines the reader could not parse
 * @param nonPositivePrice             excluded: unit price zero or negative
 * @param exactDuplicates              excluded: lines with an invoice id equal in every column to an earlier kept line
 * @param cancellations                kept: lines of cancellation invoices, which net against sales
 * @param returns                      kept: other lines with a negative amount, which net against sales too
 * @param missingCustomerId            kept for sales metrics, left out of customer analytics
 * @param customers                    distinct customer ids among kept lines
 * @param invoices                     distinct invoices among kept lines (a line without invoice id counts as one)
 * @param inputCustomers               distinct customer ids among the readable lines
 * @param inputInvoices                distinct invoices among the readable lines (a line without invoice id is one)
 * @param customersRemovedByPrice      customers whose every readable line has a unit price ≤ 0
 * @param invoicesRemovedByPrice       invoices whose every readable line has a unit price ≤ 0
 * @param customersRemovedAsDuplicates customers left with no line by the duplicate rule (0: a first occurrence stays)
 * @param invoicesRemovedAsDuplicates  invoices left with no line by the duplicate rule (0 likewise)
 * @param customersWithoutPurchase     kept customers with no purchase line (only cancellations or returns), who
 *                                     have no recency and are not scored: scored = customers − this
 */
public record CleaningReport(long linesRead, long linesKept, long malformed, long nonPositivePrice,
                             long exactDuplicates, long cancellations, long returns, long missingCustomerId,
                             int customers, int invoices, int inputCustomers, int inputInvoices,
                             int customersRemovedByPrice, int invoicesRemovedByPrice,
                             int customersRemovedAsDuplicates, int invoicesRemovedAsDuplicates,
                             int customersWithoutPurchase) {
}
