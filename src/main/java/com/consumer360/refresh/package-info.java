/** The weekly refresh: reads the warehouse, runs the engines and writes an atomic, historical snapshot. */
@ApplicationModule(allowedDependencies = {"analytics :: basket", "analytics :: clv", "analytics :: cohort", "analytics :: rfm", "security", "warehouse"})
package com.consumer360.refresh;

import org.springframework.modulith.ApplicationModule;
