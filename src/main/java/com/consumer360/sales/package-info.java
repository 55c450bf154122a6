/** Core sales metrics: trend by month, top products, revenue by region; always within the user's region scope. */
package com.consumer360.sales;
