package com.consumer360.audit;

import java.time.LocalDate;

/** Which entries the admin page lists: any of the fields may be null (no restriction); dates inclusive, UTC days. */
public record AuditFilter(String username, String action, LocalDate from, LocalDate to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null);
}
