/** The import wizard page. */
package com.consumer360.ingest.ui;
