/** The admin page of the SQL Server sources. */
package com.consumer360.sources.ui;
