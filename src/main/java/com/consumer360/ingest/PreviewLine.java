package com.consumer360.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A kept line of a file as the import will load it, with the region it will carry. */
public record PreviewLine(String invoice, LocalDateTime time, String product, String description, int quantity,
                          BigDecimal unitPrice, BigDecimal amount, String customer, String country, String region) {
}
