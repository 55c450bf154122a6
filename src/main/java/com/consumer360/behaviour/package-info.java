/**
 * The behaviour map: customers of the current snapshot by frequency and monetary value, coloured by recency
 * (a deterministic sample when large), and the side-by-side comparison of two customer groups, all within the
 * user's region scope.
 */
@ApplicationModule(allowedDependencies = {"analytics :: rfm", "export", "refresh", "rfm", "security", "ui", "ui :: chart", "warehouse"})
package com.consumer360.behaviour;

import org.springframework.modulith.ApplicationModule;
