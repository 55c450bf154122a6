/** The star-schema warehouse: how fresh its data is, and loads into it. */
package com.consumer360.warehouse;
