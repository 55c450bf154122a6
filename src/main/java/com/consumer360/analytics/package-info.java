/** Plain-Java analytics engine: the columnar transaction table and the analyses fed by it or by SQL aggregates. */
@ApplicationModule(allowedDependencies = {})
package com.consumer360.analytics;

import org.springframework.modulith.ApplicationModule;
