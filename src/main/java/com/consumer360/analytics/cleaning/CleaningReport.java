package com.consumer360.analytics.cleaning;

/**
 * What cleaning did, line by line: {@code linesRead = linesKept + malformed + nonPositivePrice + exactDuplicates}.
 *
 * @param linesRead         lines in the source, including malformed ones its reader skipped
 * @param linesKept         lines used by the sales metrics
 * @param malformed         excluded: lines the reader could not parse
 * @param nonPositivePrice  excluded: unit price zero or negative (amount zero when there is no price)
 * @param exactDuplicates   excluded: lines equal in every column to an earlier kept line
 * @param cancellations     kept: lines of cancellation invoices, which net against sales
 * @param returns           kept: other lines with a negative amount, which net against sales too
 * @param missingCustomerId kept for sales metrics, left out of customer analytics
 * @param customers         distinct customer ids among kept lines
 * @param invoices          distinct invoices among kept lines (a line without invoice id counts as one)
 */
public record CleaningReport(long linesRead, long linesKept, long malformed, long nonPositivePrice,
                             long exactDuplicates, long cancellations, long returns, long missingCustomerId,
                             int customers, int invoices) {
}
