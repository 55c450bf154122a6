package com.consumer360.rfm;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One invoice of a customer from the warehouse: lines, net units and net amount; cancellations are negative. */
public record CustomerInvoice(String invoiceNo, LocalDateTime invoicedAt, int lines, long units, BigDecimal netAmount,
                              boolean cancellation) {
}
