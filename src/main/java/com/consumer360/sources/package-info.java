/**
 * SQL Server sources (generic JDBC): source definitions, the incremental extract by high-water mark, the Quartz job
 * per source and the admin page {@code admin/sources}. Lines load through the import's checks, cleaning and atomic
 * load ({@link com.consumer360.ingest.ExtractImport}).
 */
@ApplicationModule(allowedDependencies = {"analytics", "audit", "ingest", "refresh", "security"})
package com.consumer360.sources;

import org.springframework.modulith.ApplicationModule;
