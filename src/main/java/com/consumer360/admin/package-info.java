/** Administration: users, roles and region assignments. */
@ApplicationModule(allowedDependencies = {"security", "ui", "warehouse"})
package com.consumer360.admin;

import org.springframework.modulith.ApplicationModule;
