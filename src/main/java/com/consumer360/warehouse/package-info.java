/**
 * The star-schema warehouse and its snapshots as shared infrastructure: how fresh the data is, loads into it, the
 * scoped customer list that several features page through, and the records they share (customers, regions).
 */
@ApplicationModule(allowedDependencies = {"export", "security"})
package com.consumer360.warehouse;

import org.springframework.modulith.ApplicationModule;
