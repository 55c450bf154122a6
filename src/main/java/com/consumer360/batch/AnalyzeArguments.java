package com.consumer360.batch;

import com.consumer360.analytics.basket.MiningParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@code analyze}: {@code --input FILE [--input FILE ...] --out DIR [--as-of YYYY-MM-DD]
 * [--min-support S] [--min-confidence C] [--max-length L]}; the last three are the basket-rule thresholds.
 * The CLV options are those of {@link ClvArguments}.
 */
record AnalyzeArguments(List<Path> inputs, Path out, Optional<LocalDate> asOf, MiningParameters ruleThresholds,
                        ClvArguments clv) {

    static final String USAGE = "usage: analyze --input FILE [--input FILE ...] --out DIR [--as-of YYYY-MM-DD]"
            + " [--min-support 0.02] [--min-confidence 0.5] [--max-length 4] " + ClvArguments.USAGE;
    /**
     * A product combination on 2 % of invoices. Not 1 %: in Online Retail's December 2010 (1,559 invoices) about
     * twenty wholesale invoices of 400 to 670 products share some 300 products, so 16 invoices (1 %) make millions
     * of frequent itemsets, while 32 (2 %) make 749.
     */
    static final double DEFAULT_MIN_SUPPORT = 0.02;
    static final double DEFAULT_MIN_CONFIDENCE = 0.5;
    /** Up to three products on the left-hand side: still readable as a bundle. */
    static final int DEFAULT_MAX_LENGTH = 4;

    static AnalyzeArguments parse(String[] args) throws BadInputException {
        List<Path> inputs = new ArrayList<>();
        Path out = null;
        LocalDate asOf = null;
        double minSupport = DEFAULT_MIN_SUPPORT;
        double minConfidence = DEFAULT_MIN_CONFIDENCE;
        int maxLength = DEFAULT_MAX_LENGTH;
        ClvArguments.Parser clv = new ClvArguments.Parser();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!List.of("--input", "--out", "--as-of", "--min-support", "--min-confidence", "--max-length")
                    .contains(name) && !ClvArguments.OPTIONS.contains(name)) {
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
                case "--min-support" -> minSupport = parseNumber(name, value);
                case "--min-confidence" -> minConfidence = parseNumber(name, value);
                case "--max-length" -> maxLength = (int) parseNumber(name, value);
                default -> clv.set(name, value);
            }
        }
        if (inputs.isEmpty() || out == null) {
            throw new BadInputException("--input and --out are required; " + USAGE);
        }
        return new AnalyzeArguments(List.copyOf(inputs), out, Optional.ofNullable(asOf),
                ruleThresholds(minSupport, minConfidence, maxLength), clv.build());
    }

    private static MiningParameters ruleThresholds(double minSupport, double minConfidence, int maxLength)
            throws BadInputException {
        try {
            return MiningParameters.of(minSupport, minConfidence, maxLength);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage() + "; " + USAGE);
        }
    }

    private static double parseNumber(String option, String value) throws BadInputException {
        try {
            double number = Double.parseDouble(value);
            if (option.equals("--max-length") && number != Math.rint(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + value + "' is not a "
                    + (option.equals("--max-length") ? "whole number" : "number like 0.01"));
        }
    }

    private static LocalDate parseDate(String value) throws BadInputException {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--as-of: '" + value + "' is not a date like 2011-12-10");
        }
    }
}
