/** Monthly acquisition cohorts: size, active customers, retention and revenue retention per period. */
package com.consumer360.analytics.cohort;
