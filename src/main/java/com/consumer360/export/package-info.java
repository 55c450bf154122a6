/**
 * Exports of what a page shows, as CSV or XLSX: a service describes the table ({@link
 * com.consumer360.export.ExportTable}) and streams its rows; {@link com.consumer360.export.ExportFormat} writes it.
 * Scope is not this package's business: rows come from the scoped services, inside their transactions.
 */
@ApplicationModule(allowedDependencies = {})
package com.consumer360.export;

import org.springframework.modulith.ApplicationModule;
