package com.consumer360.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Arguments of {@code analyze}: {@code --input FILE [--input FILE ...] --out DIR [--as-of YYYY-MM-DD]}. */
record AnalyzeArguments(List<Path> inputs, Path out, Optional<LocalDate> asOf) {

    static final String USAGE = "usage: analyze --input FILE [--input FILE ...] --out DIR [--as-of YYYY-MM-DD]";

    static AnalyzeArguments parse(String[] args) throws BadInputException {
        List<Path> inputs = new ArrayList<>();
        Path out = null;
        LocalDate asOf = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--input", "--out", "--as-of").contains(name)) {
                throw new BadInputException("unknown option " + name + "; " + USAGE);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new BadInputException("option " + name + " needs a value; " + USAGE);
            }
            switch (name) {
                case "--input" -> inputs.add(Path.of(value));
                case "--out" -> out = Path.of(value);
                case "--as-of" -> asOf = parseDate(value);
                default -> throw new IllegalStateException(name);
            }
        }
        if (inputs.isEmpty() || out == null) {
            throw new BadInputException("--input and --out are required; " + USAGE);
        }
        return new AnalyzeArguments(List.copyOf(inputs), out, Optional.ofNullable(asOf));
    }

    private static LocalDate parseDate(String value) throws BadInputException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--as-of: '" + value + "' is not a date like 2011-12-10");
        }
    }
}
