package com.consumer360.rfm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One customer in the current snapshot: RFM values and scores, segment, CLV and P(alive), the value range of
 * each of their scores among the customers the user can see, and their segment in every retained snapshot
 * (newest first), and their latest invoices from the warehouse (newest first). CLV fields are null when the snapshot has no CLV for the customer.
 */
public record CustomerDetail(long customerId, String customerCode, String name, String region, String country,
                             LocalDate asOf, int recencyDays, int frequency, BigDecimal monetary,
                             int rScore, int fScore, int mScore, String segment, String segmentMapVersion,
                             Double clv, Double pAlive, Double expectedPurchases,
                             ScoreRange recencyRange, ScoreRange frequencyRange, ScoreRange monetaryRange,
                             List<PastSegment> history, List<CustomerInvoice> latestInvoices) {

    /** How many of the latest invoices the detail carries. */
    public static final int LATEST_INVOICES = 20;

    public CustomerDetail {
        history = List.copyOf(history);
        latestInvoices = List.copyOf(latestInvoices);
    }

    /** Smallest and largest value among the visible customers of the current snapshot with the same score. */
    public record ScoreRange(int score, BigDecimal min, BigDecimal max, long customers) {
    }

    /** The customer's scores and segment in one snapshot. */
    public record PastSegment(long snapshotId, LocalDate asOf, int rScore, int fScore, int mScore, String segment,
                              boolean current) {
    }
}
