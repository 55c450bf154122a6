package com.consumer360.batch;

/** Entry point of the headless batch commands; runs without Spring and without a database. */
public final class BatchCli {

    private BatchCli() {
    }

    /** Whether {@code command} is a batch command rather than an argument for the portal. */
    public static boolean handles(String command) {
        return "analyze".equals(command);
    }

    /** Runs a batch command and returns the process exit code (0 ok, 2 bad input). */
    public static int run(String[] args, String command) {
        System.err.println("consumer360: '" + command + "' is not available in this build yet");
        return 2;
    }
}
