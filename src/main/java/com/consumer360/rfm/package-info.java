/** RFM views' data: the R × F matrix, cell customers, segment table and customer detail of the current snapshot, within the user's region scope. */
package com.consumer360.rfm;
