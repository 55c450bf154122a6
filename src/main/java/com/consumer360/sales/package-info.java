/** Core sales metrics: trend by month, top products, revenue by region; always within the user's region scope. */
@ApplicationModule(allowedDependencies = {"export", "refresh", "security", "ui", "ui :: chart", "warehouse"})
package com.consumer360.sales;

import org.springframework.modulith.ApplicationModule;
