/** Charts: our own thin Flow component over the npm apexcharts package. */
package com.consumer360.ui.chart;
