package com.consumer360.warehouse;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How fresh the data in the user's scope is: the date of the latest sale visible to them and when the
 * warehouse was last loaded. Both are null for an empty warehouse or scope.
 */
public record DataFreshness(LocalDate latestSale, OffsetDateTime loadedAt) {
}
