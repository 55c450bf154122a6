/**
 * The weekly summary: one snapshot against another in the reader's scope (headline figures with their history, segments,
 * movement between segments and the customers who moved) and the weekly digest each subscriber receives, computed
 * in that subscriber's own scope.
 */
@ApplicationModule(allowedDependencies = {"export", "security", "ui", "ui :: chart", "warehouse", "analytics :: rfm", "rfm", "refresh"})
package com.consumer360.summary;

import org.springframework.modulith.ApplicationModule;
