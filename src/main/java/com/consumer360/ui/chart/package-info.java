/**
 * Charts: our own thin Flow components, {@code ApexChart} over the npm apexcharts package for every ordinary chart and
 * {@code SankeyChart} over the npm d3-sankey package for flow diagrams, which ApexCharts does not draw.
 */
@NamedInterface("chart")
package com.consumer360.ui.chart;

import org.springframework.modulith.NamedInterface;
