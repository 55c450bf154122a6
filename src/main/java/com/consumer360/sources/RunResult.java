package com.consumer360.sources;

/** The outcome of one run of a source: the ingest run, lines inserted, high-water mark before and after. */
public record RunResult(String source, long runId, long linesRead, long linesInserted, long linesAlreadyLoaded, String hwmBefore,
                        String hwmAfter, String summary) {
}
