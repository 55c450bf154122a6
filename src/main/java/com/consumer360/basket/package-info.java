/** Market-basket rules of the current snapshot (overall or one region's), filtered, plotted and exported within the user's region scope. */
@ApplicationModule(allowedDependencies = {"export", "security", "ui", "ui :: chart"})
package com.consumer360.basket;

import org.springframework.modulith.ApplicationModule;
