/**
 * The audit trail: an append-only record of sign-ins, page views, exports, view-as, refresh runs, imports and segment
 * changes ({@link com.consumer360.audit.AuditTrail} to record, {@link com.consumer360.audit.AuditService} for admins to
 * read), and the admin page {@code admin/audit}.
 */
@ApplicationModule(allowedDependencies = {"export", "refresh", "security", "ui"})
package com.consumer360.audit;

import org.springframework.modulith.ApplicationModule;
