package com.consumer360.demodata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.zip.GZIPOutputStream;

/**
 * {@code generate --lines N --out FILE[.gz] [--seed S] [--end YYYY-MM-DD]}: writes the demo retailer as a CSV
 * file in the generic layout that {@code analyze} reads. Exit code 0 on success, 2 on bad arguments.
 */
public final class GenerateCommand {

    static final String HEADER =
            "customer_id,invoice_id,invoice_date,product_id,description,quantity,unit_price,amount,country,region";

    private GenerateCommand() {
    }

    /** Runs the command with its arguments (without the command name). */
    public static int run(String[] args) {
        long lines = 1_000_000;
        long seed = 42;
        LocalDate end = LocalDate.now().minusDays(1);
        Path out = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--lines" -> lines = Long.parseLong(require(value, "--lines"));
                    case "--seed" -> seed = Long.parseLong(require(value, "--seed"));
                    case "--end" -> end = LocalDate.parse(require(value, "--end"));
                    case "--out" -> out = Path.of(require(value, "--out"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (out == null || lines < 1) {
                throw new IllegalArgumentException("usage: generate --lines N --out FILE[.gz] [--seed S] [--end YYYY-MM-DD]");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println("consumer360 generate: " + e.getMessage());
            return 2;
        }
        try {
            long started = System.nanoTime();
            long written = write(new DemoDataGenerator(seed, lines, end, DemoParameters.standard()), out);
            System.err.printf("consumer360 generate: %,d lines written to %s in %d ms%n", written, out,
                    (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (IOException e) {
            System.err.println("consumer360 generate: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }

    static long write(DemoDataGenerator generator, Path out) throws IOException {
        try (OutputStream file = Files.newOutputStream(out);
             OutputStream stream = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
             Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(HEADER);
            writer.write('\n');
            CsvSink sink = new CsvSink(writer, generator.catalog());
            long lines = generator.generate(sink);
            sink.rethrow();
            return lines;
        }
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
