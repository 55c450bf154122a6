/** Customer lifetime value: BG/NBD purchase model, Gamma-Gamma spend model and their inputs, in plain Java. */
package com.consumer360.analytics.clv;
