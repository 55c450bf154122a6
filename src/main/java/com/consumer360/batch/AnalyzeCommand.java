package com.consumer360.batch;

import com.consumer360.analytics.basket.MiningLimitExceededException;
import java.io.IOException;
import java.io.PrintStream;

/** The {@code analyze} batch command: exit 0 on success, 2 with one line on stderr for bad input. */
final class AnalyzeCommand {

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        try {
            AnalyzeArguments arguments = AnalyzeArguments.parse(args);
            long start = System.nanoTime();
            long lines = new AnalyzePipeline(err).run(arguments);
            out.printf("analyze: %,d lines in %,d ms; results in %s%n", lines,
                    (System.nanoTime() - start) / 1_000_000, arguments.out());
            return 0;
        } catch (BadInputException e) {
            err.println("analyze: " + e.getMessage());
            return 2;
        } catch (MiningLimitExceededException e) {
            // Thresholds the data cannot bear are bad input too: the message names the threshold that fits.
            err.println("analyze: basket rules: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("analyze: cannot write results: " + e.getMessage());
            return 1;
        }
    }
}
