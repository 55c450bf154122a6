/** Charts: our own thin Flow component over the npm apexcharts package, the one chart component of every view. */
@NamedInterface("chart")
package com.consumer360.ui.chart;

import org.springframework.modulith.NamedInterface;
