/** Cohort retention: monthly acquisition cohorts of the current snapshot, their customers and curves, in the user's scope. */
@ApplicationModule(allowedDependencies = {"analytics :: rfm", "export", "refresh", "security", "ui", "ui :: chart", "warehouse"})
package com.consumer360.cohorts;

import org.springframework.modulith.ApplicationModule;
