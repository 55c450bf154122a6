package com.consumer360.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Arguments of the {@code import} command. */
record ImportArguments(Path input, String mapping, Path regions, boolean replace, Path errors,
                       java.nio.charset.Charset encoding, char delimiter) {

    static ImportArguments parse(String[] args) throws ImportException {
        Path input = null;
        String mapping = null;
        Path regions = null;
        boolean replace = false;
        Path errors = null;
        java.nio.charset.Charset encoding = null;
        char delimiter = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(value(args, ++i, "--input"));
                case "--mapping" -> mapping = value(args, ++i, "--mapping");
                case "--regions" -> regions = Path.of(value(args, ++i, "--regions"));
                case "--replace" -> replace = true;
                case "--errors" -> errors = Path.of(value(args, ++i, "--errors"));
                case "--encoding" -> encoding = switch (value(args, ++i, "--encoding").toLowerCase(java.util.Locale.ROOT)) {
                    case "utf-8", "utf8" -> java.nio.charset.StandardCharsets.UTF_8;
                    case "windows-1252", "cp1252" -> FileCheck.WINDOWS_1252;
                    case "latin-1", "latin1", "iso-8859-1" -> java.nio.charset.StandardCharsets.ISO_8859_1;
                    default -> throw new ImportException("--encoding: utf-8, windows-1252 or latin-1, not " + args[i]);
                };
                case "--delimiter" -> delimiter = switch (value(args, ++i, "--delimiter").toLowerCase(java.util.Locale.ROOT)) {
                    case "comma", "," -> ',';
                    case "semicolon", ";" -> ';';
                    case "tab", "\\t" -> '\t';
                    default -> throw new ImportException("--delimiter: comma, semicolon or tab, not " + args[i]);
                };
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
        return new ImportArguments(input, mapping, regions, replace, errors, encoding, delimiter);
    }

    /** The chosen encoding and delimiter, or null when both are detected. */
    FileCheck.Format chosenFormat() {
        return encoding == null && delimiter == 0 ? null : new FileCheck.Format(encoding, delimiter);
    }

    private static String value(String[] args, int i, String option) throws ImportException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ImportException(option + " needs a value; " + ImportCommand.USAGE);
        }
        return args[i];
    }
}
