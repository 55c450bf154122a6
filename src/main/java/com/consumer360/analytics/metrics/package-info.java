/** Core sales metrics: sales by month, top products, revenue by region and by country. */
@NamedInterface("metrics")
package com.consumer360.analytics.metrics;

import org.springframework.modulith.NamedInterface;
