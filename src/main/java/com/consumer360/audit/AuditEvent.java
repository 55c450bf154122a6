package com.consumer360.audit;

import java.time.OffsetDateTime;

/** One entry of the audit trail; {@code viewedAs} is set while an admin views the portal as another user. */
public record AuditEvent(long id, OffsetDateTime occurredAt, String username, String viewedAs, String action,
                         String detail, Long rowCount) {
}
