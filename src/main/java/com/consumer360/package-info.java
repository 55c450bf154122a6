/** Consumer360: a customer-behaviour BI portal with row-level security. */
package com.consumer360;
