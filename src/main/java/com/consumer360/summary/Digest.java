package com.consumer360.summary;

import java.time.OffsetDateTime;

/**
 * A weekly digest as its recipient reads it in the portal: the summary of one snapshot against the one before, as
 * HTML, and how its e-mail went ({@code KEPT}: no SMTP configured or no address, {@code SENT}, {@code FAILED}).
 */
public record Digest(long id, long snapshotId, Long previousSnapshotId, OffsetDateTime createdAt, String subject,
                     String html, String delivery, int attempts, String lastError) {
}
