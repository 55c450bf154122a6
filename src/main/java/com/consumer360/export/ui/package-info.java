/** The "Export CSV / XLSX" links that pages put next to what they show. */
package com.consumer360.export.ui;
