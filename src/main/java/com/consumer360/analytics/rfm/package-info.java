/** RFM aggregates, quintile scores with a deterministic tie rule, the versioned segment map and segment summaries. */
@NamedInterface("rfm")
package com.consumer360.analytics.rfm;

import org.springframework.modulith.NamedInterface;
