/** Sign-in, roles and the region scope that row-level security enforces in PostgreSQL. */
@ApplicationModule(allowedDependencies = {})
package com.consumer360.security;

import org.springframework.modulith.ApplicationModule;
