/** Deterministic demo retailer: a seeded generator with documented ground truth, its CSV writer and its loader. */
package com.consumer360.demodata;
