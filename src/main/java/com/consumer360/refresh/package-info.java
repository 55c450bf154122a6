/** The weekly refresh: reads the warehouse, runs the engines and writes an atomic, historical snapshot. */
package com.consumer360.refresh;
