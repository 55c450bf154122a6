/** Cleaning rules of DESIGN.md applied to a transaction table, with every excluded line counted by reason. */
@NamedInterface("cleaning")
package com.consumer360.analytics.cleaning;

import org.springframework.modulith.NamedInterface;
