/** Cohort retention: monthly acquisition cohorts of the current snapshot, their customers and curves, in the user's scope. */
package com.consumer360.cohorts;
