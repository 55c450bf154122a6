/** The weekly summary page. */
package com.consumer360.summary.ui;
