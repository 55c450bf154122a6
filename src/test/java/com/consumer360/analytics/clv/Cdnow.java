package com.consumer360.analytics.clv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The CDNOW 1/10 sample from test resources (see src/test/resources/cdnow/README.md). */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private Cdnow() {
    }

    /** Raw transactions: {@code master_id sample_id yyyymmdd cds dollars}; master_id is the customer. */
    static List<Purchase> purchases() {
        return lines("CDNOW_sample.txt").stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+"))
                .map(f -> new Purchase(f[0], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])))
                .toList();
    }

    /** Calibration summaries in weeks, as the published fits use them. */
    static CalibrationData weekly() {
        return CalibrationSummarizer.summarize(purchases(), CALIBRATION_END, PeriodUnit.WEEKS);
    }

    static List<String> lines(String name) {
        try (InputStream in = Cdnow.class.getResourceAsStream("/cdnow/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cdnow/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
