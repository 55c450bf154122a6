package com.consumer360.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Arguments of the {@code import} command. */
record ImportArguments(Path input, String mapping, Path regions, boolean replace, Path errors) {

    static ImportArguments parse(String[] args) throws ImportException {
        Path input = null;
        String mapping = null;
        Path regions = null;
        boolean replace = false;
        Path errors = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(value(args, ++i, "--input"));
                case "--mapping" -> mapping = value(args, ++i, "--mapping");
                case "--regions" -> regions = Path.of(value(args, ++i, "--regions"));
                case "--replace" -> replace = true;
                case "--errors" -> errors = Path.of(value(args, ++i, "--errors"));
                default -> throw new ImportException("unknown argument " + args[i] + "; " + ImportCommand.USAGE);
            }
        }
        if (input == null) {
            throw new ImportException("--input FILE is required; " + ImportCommand.USAGE);
        }
        if (!Files.isRegularFile(input)) {
            throw new ImportException(input + ": no such file");
        }
        if (mapping != null && regions != null) {
            throw new ImportException("--mapping and --regions: give one of them");
        }
        return new ImportArguments(input, mapping, regions, replace, errors);
    }

    private static String value(String[] args, int i, String option) throws ImportException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ImportException(option + " needs a value; " + ImportCommand.USAGE);
        }
        return args[i];
    }
}
