/**
 * The portal's shell and the UI pieces every feature's views share: main layout with role-filtered navigation and
 * the "data as of" header, page header, cards, formats, region filter, customer list, export links, definitions
 * panel, error pages; the chart component in {@code ui.chart}.
 */
@ApplicationModule(allowedDependencies = {"export", "security", "warehouse"})
package com.consumer360.ui;

import org.springframework.modulith.ApplicationModule;
