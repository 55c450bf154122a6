/** The one PostgreSQL database: the embedded default, the external configuration and connection failures. */
@ApplicationModule(allowedDependencies = {})
package com.consumer360.database;

import org.springframework.modulith.ApplicationModule;
