/** Headless batch run: reads transaction CSV files and writes the engines' results to a directory. */
package com.consumer360.batch;
