/** Customer lifetime value page's data: headline figures, high-value and churn-risk lists, CLV by segment, distributions and the model's holdout check, within the user's region scope. */
@ApplicationModule(allowedDependencies = {"analytics :: clv", "analytics :: rfm", "export", "refresh", "rfm", "security", "ui", "ui :: chart", "warehouse"})
package com.consumer360.clv;

import org.springframework.modulith.ApplicationModule;
