package com.consumer360.ui;

import com.consumer360.export.ExportFormat;

/** A user downloaded an export from an {@link ExportLinks} link: the file, the table's title and its data rows. */
public record ExportDownloaded(String fileName, ExportFormat format, String table, long rows) {
}
