/** Customer lifetime value: BG/NBD purchase model, Gamma-Gamma spend model and their inputs, in plain Java. */
@NamedInterface("clv")
package com.consumer360.analytics.clv;

import org.springframework.modulith.NamedInterface;
