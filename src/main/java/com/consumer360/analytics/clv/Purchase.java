package com.consumer360.analytics.clv;

import java.time.LocalDate;
import java.util.Objects;

/** One purchase of a customer on a day, with its amount; the CLV engine's input. */
public record Purchase(String customerId, LocalDate date, double amount) {

    public Purchase {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("purchase of " + customerId + " on " + date
                    + " has a non-finite amount: " + amount);
        }
    }
}
