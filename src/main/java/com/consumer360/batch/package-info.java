/** Headless batch run: reads transaction CSV files and writes the engines' results to a directory. */
@ApplicationModule(allowedDependencies = {"analytics", "analytics :: *", "demodata"})
package com.consumer360.batch;

import org.springframework.modulith.ApplicationModule;
