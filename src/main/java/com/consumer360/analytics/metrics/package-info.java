/** Core sales metrics: sales by month, top products, revenue by region and by country. */
package com.consumer360.analytics.metrics;
