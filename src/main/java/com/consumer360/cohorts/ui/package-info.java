/** The cohort retention page: heatmap, retention curves, a cell's customers and the definitions. */
package com.consumer360.cohorts.ui;
