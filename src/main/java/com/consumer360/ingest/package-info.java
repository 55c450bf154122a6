/** Imports of a company's own transactions into the warehouse: files through the wizard or the command, cleaned and loaded atomically. */
@ApplicationModule(allowedDependencies = {"analytics", "analytics :: cleaning", "audit", "batch", "database", "refresh", "security", "ui", "warehouse"})
package com.consumer360.ingest;

import org.springframework.modulith.ApplicationModule;
