/** Monthly acquisition cohorts: size, active customers, retention and revenue retention per period. */
@NamedInterface("cohort")
package com.consumer360.analytics.cohort;

import org.springframework.modulith.NamedInterface;
