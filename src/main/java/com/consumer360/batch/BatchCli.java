package com.consumer360.batch;

import java.util.Map;
import java.util.function.ToIntFunction;

/** Entry point of the headless batch commands; they run without Spring and without a database. */
public final class BatchCli {

    /** Command name to implementation; each takes the remaining arguments and returns an exit code. */
    private static final Map<String, ToIntFunction<String[]>> COMMANDS = Map.of(
            "analyze", args -> new AnalyzeCommand(System.out, System.err).run(args),
            "generate", com.consumer360.demodata.GenerateCommand::run);

    private BatchCli() {
    }

    /** Whether {@code command} is a batch command rather than an argument for the portal. */
    public static boolean handles(String command) {
        return COMMANDS.containsKey(command);
    }

    /** Runs a batch command and returns the process exit code (0 ok, 2 bad input). */
    public static int run(String[] args, String command) {
        return COMMANDS.get(command).applyAsInt(args);
    }
}
