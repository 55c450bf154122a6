/** The sales overview page. */
package com.consumer360.sales.ui;
