package com.consumer360.batch;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing helpers shared by the output stages: pretty JSON through {@link JsonText}, RFC 4180 CSV through FastCSV. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Writes maps, lists, strings and numbers as JSON (use {@link #number} for doubles). */
    static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, JsonText.of(value));
    }

    /** A JSON object with keys in the given order: {@code object("a", 1, "b", 2)}. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    static CsvWriter csv(Path file) throws IOException {
        Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return CsvWriter.builder().build(writer);
    }

    /** Rounded for output only; engines keep full precision. NaN stays NaN. */
    static double round(double value, int places) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** A number for JSON: rounded, and null for NaN (JSON has no NaN). */
    static Double number(double value, int places) {
        return Double.isNaN(value) ? null : round(value, places);
    }

    /** A number as text for CSV: rounded, in plain notation without trailing zeros, empty for NaN. */
    static String text(double value, int places) {
        if (Double.isNaN(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
