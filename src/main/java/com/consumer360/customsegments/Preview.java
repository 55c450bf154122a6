package com.consumer360.customsegments;

import com.consumer360.warehouse.CellCustomer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A definition evaluated live against the current snapshot in the reader's scope: members, their net revenue, the
 * share of the scoped customer base and the first members by monetary value.
 */
public record Preview(LocalDate asOf, long customers, BigDecimal revenue, long baseCustomers, List<CellCustomer> first) {

    public Preview {
        first = List.copyOf(first);
    }

    /** Members as a fraction of the customers in scope; 0 when there are none. */
    public double share() {
        return baseCustomers == 0 ? 0 : (double) customers / baseCustomers;
    }
}
