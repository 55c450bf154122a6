package com.consumer360.warehouse;

import java.math.BigDecimal;

/** A customer of one matrix cell as the cell grid and its export show it; {@code clv} is null without a CLV fit. */
public record CellCustomer(long customerId, String name, String region, int recencyDays, int frequency,
                           BigDecimal monetary, String segment, Double clv) {
}
