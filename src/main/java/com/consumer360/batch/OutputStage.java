package com.consumer360.batch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One output of {@code analyze}: runs its engine on the shared {@link Analysis} and writes its file(s)
 * into the output directory. To add an output (clv.csv, rules.json, ...), implement this interface in a
 * class of its own and list an instance in {@link AnalyzePipeline#STAGES}; summary.json then reports its time.
 */
interface OutputStage {

    /** The stage's key in summary.json, e.g. {@code "rfm"}. */
    String name();

    /** Whether the stage needs customers, dates and amounts, which a baskets-only input does not have. */
    default boolean needsSales() {
        return true;
    }

    void write(Analysis analysis, Path outDir) throws IOException;
}
