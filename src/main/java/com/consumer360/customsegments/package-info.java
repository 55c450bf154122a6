/**
 * Custom segments: CS ops define groups of customers by criteria on the snapshot's customer attributes (typed
 * definitions validated against a JSON schema and translated to jOOQ conditions, never SQL text), with versions,
 * a live preview, members stored per snapshot by the refresh, profiles, comparison, overlap, movement and why a
 * customer is in or out. Everything is read in the reader's own region scope.
 */
@ApplicationModule(allowedDependencies = {"audit", "export", "security", "ui", "ui :: chart", "warehouse", "analytics :: rfm", "refresh", "rfm"})
package com.consumer360.customsegments;

import org.springframework.modulith.ApplicationModule;
