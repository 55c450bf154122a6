package com.consumer360.batch;

import com.consumer360.analytics.clv.ClvOptions;
import com.consumer360.analytics.clv.PeriodUnit;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The CLV options of {@code analyze}: {@code --calibration-end} (default: the last transaction day, so no
 * holdout), {@code --time-unit days|weeks} (default days), {@code --horizon N} periods of that unit (default one
 * year), {@code --clv-months} (default 12) and the monthly {@code --discount-rate} (default 0.01).
 */
record ClvArguments(Optional<LocalDate> calibrationEnd, PeriodUnit unit, OptionalDouble horizon, int months,
                    double discountRate) {

    static final List<String> OPTIONS =
            List.of("--calibration-end", "--time-unit", "--horizon", "--clv-months", "--discount-rate");

    static final String USAGE = "[--calibration-end YYYY-MM-DD] [--time-unit days|weeks] [--horizon N]"
            + " [--clv-months N] [--discount-rate MONTHLY]";

    /** The engine's options; without --calibration-end the calibration period ends on {@code lastDay}. */
    ClvOptions options(LocalDate lastDay) {
        return new ClvOptions(calibrationEnd.orElse(lastDay), unit, horizon.orElse(unit.periodsPerYear()), months,
                discountRate);
    }

    /** Collects the options while {@link AnalyzeArguments#parse} walks the command line. */
    static final class Parser {

        private LocalDate calibrationEnd;
        private PeriodUnit unit = PeriodUnit.DAYS;
        private Double horizon;
        private int months = 12;
        private double discountRate = 0.01;

        void set(String name, String value) throws BadInputException {
            switch (name) {
                case "--calibration-end" -> calibrationEnd = date(name, value);
                case "--time-unit" -> unit = unit(value);
                case "--horizon" -> horizon = number(name, value, 0, "a number of periods >= 0");
                case "--clv-months" -> months = months(value);
                case "--discount-rate" -> discountRate = number(name, value, -1, "a monthly rate such as 0.01");
                default -> throw new IllegalStateException(name);
            }
        }

        ClvArguments build() {
            return new ClvArguments(Optional.ofNullable(calibrationEnd), unit,
                    horizon == null ? OptionalDouble.empty() : OptionalDouble.of(horizon), months, discountRate);
        }

        private static LocalDate date(String name, String value) throws BadInputException {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadInputException(name + ": '" + value + "' is not a date like 1997-09-30");
            }
        }

        private static PeriodUnit unit(String value) throws BadInputException {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "days" -> PeriodUnit.DAYS;
                case "weeks" -> PeriodUnit.WEEKS;
                default -> throw new BadInputException("--time-unit: '" + value + "' is not days or weeks");
            };
        }

        private static int months(String value) throws BadInputException {
            if (!value.strip().matches("\\d{1,4}")) {
                throw new BadInputException("--clv-months: '" + value + "' is not a whole number of months >= 0");
            }
            return Integer.parseInt(value.strip());
        }

        /** A finite number above {@code lowerBound} (at or above it when the bound is 0). */
        private static double number(String name, String value, double lowerBound, String expected)
                throws BadInputException {
            double number;
            try {
                number = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                number = Double.NaN;
            }
            boolean inRange = lowerBound == 0 ? number >= 0 : number > lowerBound;
            if (!Double.isFinite(number) || !inRange) {
                throw new BadInputException(name + ": '" + value + "' is not " + expected);
            }
            return number;
        }
    }
}
