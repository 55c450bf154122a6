/** RFM aggregates, quintile scores with a deterministic tie rule, the versioned segment map and segment summaries. */
package com.consumer360.analytics.rfm;
