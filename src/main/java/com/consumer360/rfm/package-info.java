/** RFM views' data: the R × F matrix, cell customers, segment table and customer detail of the current snapshot, within the user's region scope. */
@ApplicationModule(allowedDependencies = {"analytics :: rfm", "export", "security", "ui", "ui :: chart", "warehouse"})
package com.consumer360.rfm;

import org.springframework.modulith.ApplicationModule;
