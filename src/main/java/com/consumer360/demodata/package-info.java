/** Deterministic demo retailer: a seeded generator with documented ground truth, its CSV writer and its loader. */
@ApplicationModule(allowedDependencies = {"security", "warehouse"})
package com.consumer360.demodata;

import org.springframework.modulith.ApplicationModule;
