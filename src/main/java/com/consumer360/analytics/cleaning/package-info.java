/** Cleaning rules of DESIGN.md applied to a transaction table, with every excluded line counted by reason. */
package com.consumer360.analytics.cleaning;
