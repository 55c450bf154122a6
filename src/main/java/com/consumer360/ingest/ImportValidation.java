package com.consumer360.ingest;

import com.consumer360.analytics.cleaning.CleaningReport;
import java.util.List;

/**
 * The validation pass of a file: its cleaning report (the same as {@code analyze} gives), its first kept lines as they
 * will be loaded, and how many lines the row-level error report lists.
 */
public record ImportValidation(CleaningReport report, List<PreviewLine> preview, long rowErrors) {
}
