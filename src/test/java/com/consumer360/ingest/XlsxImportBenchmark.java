package com.consumer360.ingest;

import com.consumer360.database.EmbeddedDatabase;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Times XLSX imports: the Online-Retail-shaped file of {@link ImportBenchmark} (N lines) written once as a workbook
 * (dates as date cells, numbers as numbers), then per run the sheet's conversion to the CSV path alone and the whole
 * import into a fresh database, with the peak heap. Usage (test classpath, as scripts/bench-import.sh builds it):
 * {@code java -Xmx1g -cp ... com.consumer360.ingest.XlsxImportBenchmark [LINES] [RUNS]}.
 */
public final class XlsxImportBenchmark {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 541_909;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Path.of("target/bench-import");
        Files.createDirectories(dir);
        Path csv = dir.resolve("online-retail-" + lines + ".csv");
        if (!Files.exists(csv)) {
            var replicate = ImportBenchmark.class.getDeclaredMethod("replicate", int.class, Path.class);
            replicate.setAccessible(true);
            replicate.invoke(null, lines, csv);
        }
        Path xlsx = dir.resolve("online-retail-" + lines + ".xlsx");
        if (!Files.exists(xlsx)) {
            long start = System.nanoTime();
            write(csv, xlsx);
            System.out.printf("xlsx benchmark: wrote %s (%,d bytes) in %.1f s%n", xlsx, Files.size(xlsx),
                    (System.nanoTime() - start) / 1e9);
        }
        EmbeddedDatabase server = EmbeddedDatabase.startOrGet(dir.resolve("postgres"));
        RegionMapping mapping = new RegionMapping(Map.of("United Kingdom", "NORTH", "France", "WEST", "EIRE", "WEST",
                "Germany", "CENTRAL", "Spain", "SOUTH"), "EAST");
        var memory = ManagementFactory.getMemoryMXBean();
        for (int run = 0; run < runs; run++) {
            System.gc();
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            try (XlsxSheet.Converted sheet = XlsxSheet.toCsv(xlsx, "bench.xlsx", 0, header -> 4)) {
                double converted = (System.nanoTime() - start) / 1e9;
                ImportDatabase database;
                try (Connection postgres = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
                    database = ImportDatabase.create("bench_import_xlsx", postgres);
                }
                System.gc();
                peak.set(0);
                long importStart = System.nanoTime();
                ImportReport report = FileImport.run(database.admin(), xlsx, xlsx.getFileName().toString(), mapping,
                        false, ImportProgress.NONE);
                double imported = (System.nanoTime() - importStart) / 1e9;
                sampler.interrupt();
                System.out.printf("run %d: sheet to CSV alone %.2f s; whole XLSX import %.2f s (%,.0f lines/s), "
                                + "%,d lines inserted, peak heap during the import %,d MB%n", run + 1, converted,
                        imported, lines / imported, report.linesInserted(), peak.get() >> 20);
            }
        }
        System.out.printf("xlsx benchmark: %,d lines; load average %s%n", lines,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void write(Path csv, Path xlsx) throws Exception {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (CsvReader<CsvRecord> in = CsvReader.builder().ofCsvRecord(Files.newBufferedReader(csv,
                StandardCharsets.UTF_8));
             OutputStream out = Files.newOutputStream(xlsx);
             Workbook workbook = new Workbook(out, "bench", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Online Retail");
            int r = 0;
            for (CsvRecord record : in) {
                List<String> f = record.getFields();
                if (r == 0) {
                    for (int c = 0; c < f.size(); c++) {
                        sheet.value(0, c, f.get(c));
                    }
                } else {
                    sheet.value(r, 0, f.get(0));
                    sheet.value(r, 1, f.get(1));
                    sheet.value(r, 2, f.get(2));
                    sheet.value(r, 3, Integer.parseInt(f.get(3)));
                    sheet.value(r, 4, LocalDateTime.parse(f.get(4), time));
                    sheet.style(r, 4).format("yyyy-mm-dd hh:mm:ss").set();
                    sheet.value(r, 5, Double.parseDouble(f.get(5)));
                    if (!f.get(6).isEmpty()) {
                        sheet.value(r, 6, (long) Double.parseDouble(f.get(6)));
                    }
                    sheet.value(r, 7, f.get(7));
                }
                if (++r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
        }
    }
}
