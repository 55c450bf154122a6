/** The customer lifetime value page ({@code clv}). */
package com.consumer360.clv.ui;
