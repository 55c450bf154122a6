/** The RFM pages: the R × F matrix with its cell customers, the segment table and the customer drill-down. */
package com.consumer360.rfm.ui;
