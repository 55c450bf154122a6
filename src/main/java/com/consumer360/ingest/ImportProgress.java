package com.consumer360.ingest;

/** Told how many kept lines are staged so far; returning false cancels the import (nothing is loaded). */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (lines, total) -> true;

    boolean staged(long lines, long total);
}
