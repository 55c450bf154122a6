package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static JsonNode json(Path file) {
        return JsonMapper.shared().readTree(file.toFile());
    }

    @Test
    void aMinimalFileWritesEveryOutputAndExitsZero() throws IOException {
        Path input = write("min.csv",
                "customer_id,invoice_date,amount",
                "a,2024-01-05,10.00",
                "a,2024-01-05,10.00",          // identical line, but no invoice id: a second purchase, kept
                "a,2024-02-10T09:30:00,5.50",
                "b,2024-02-11,0",              // zero amount, no price: a zero-value transaction, kept
                ",2024-02-12,7",               // no customer: sales only
                "b,2024-02-12,20");
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).isDirectoryContaining("glob:**/summary.json");
        for (String file : List.of("cleaning.json", "rfm.csv", "segments.csv", "cohorts.csv", "metrics.json")) {
            assertThat(out.resolve(file)).exists();
        }
        JsonNode cleaning = json(out.resolve("cleaning.json"));
        assertThat(cleaning.get("lines_read").asLong()).isEqualTo(6);
        assertThat(cleaning.get("lines_kept").asLong()).isEqualTo(6);
        assertThat(cleaning.get("excluded").get("exact_duplicates").asLong()).isZero();
        assertThat(cleaning.get("excluded").get("non_positive_price").asLong()).isZero();
        assertThat(cleaning.get("missing_customer_id").asLong()).isEqualTo(1);
        // As of 2024-02-13 (the day after the last line): a last bought 02-10 (3 days), three transactions
        // (without invoice ids each line is one), 25.50; b bought 02-11 (a zero-value transaction) and 02-12
        // (1 day), twice, 20. With n = 2 the better customer has 1 below it: 1 + floor(5/2) = 3; the other
        // scores 1. a = (1,3,3), mean(F,M) = 3 -> At Risk; b = (3,1,1), mean 1 -> Promising.
        assertThat(Files.readAllLines(out.resolve("rfm.csv"))).containsExactly(
                "customer_id,recency_days,frequency,monetary,r,f,m,segment",
                "a,3,3,25.5,1,3,3,At Risk",
                "b,1,2,20,3,1,1,Promising");
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("as_of").asString()).isEqualTo("2024-02-13");
        assertThat(summary.get("segment_map_version").asString()).isEqualTo("rfm-segments/putler-r-fm/v1");
        assertThat(summary.get("stage_millis").propertyNames()).contains("read", "clean", "rfm", "cohorts");
        assertThat(summary.get("peak_heap_bytes").asLong()).isPositive();
    }

    @Test
    void readsGzippedFilesAndSeveralInputsAsOneDataSet() throws IOException {
        Path plain = write("jan.csv", "customer_id,invoice_date,amount", "a,2024-01-05,10");
        Path gz = dir.resolve("feb.data");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("customer_id,invoice_date,amount\na,2024-02-05,30\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", plain.toString(), "--input", gz.toString(),
                "--out", out.toString(), "--as-of", "2024-03-01");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("rfm.csv")).get(1)).startsWith("a,25,2,40,");
        assertThat(Files.readAllLines(out.resolve("cohorts.csv"))).containsExactly(
                "cohort_month,period,customers,retention,revenue,revenue_retention",
                "2024-01,0,1,1,10,1",
                "2024-01,1,1,1,30,3");
    }

    @Test
    void anUnparseableDateNamesFileLineAndColumnAndExitsTwo() throws IOException {
        Path input = write("bad.csv", "customer_id,invoice_date,amount", "a,2024-01-05,10", "b,2024-13-45,3");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("analyze: " + input + ": line 3, column invoice_date: cannot read '2024-13-45' as a date")
                .doesNotContain("Exception");
    }

    @Test
    void aBadNumberNamesItsColumn() throws IOException {
        Path input = write("bad.csv", "customer_id,invoice_date,quantity,unit_price", "a,2024-01-05,2,1.x");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("analyze: " + input + ": line 2, column unit_price: cannot read '1.x'");
    }

    @Test
    void aFewUnreadableLinesInALargeFileAreSkippedAndCounted() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,invoice_date,amount\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("c%d,2024-01-%02d,%d%n".formatted(i % 50, 1 + i % 28, 1 + i % 9));
        }
        csv.append("c1,not a date,5\nc2,2024-01-02,five\n"); // 2 of 2,002 lines: within 0.1%
        Path input = Files.writeString(dir.resolve("big.csv"), csv);
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out.resolve("cleaning.json")).get("excluded").get("malformed").asLong()).isEqualTo(2);
    }

    @Test
    void missingFileUnknownColumnsAndBadArgumentsExitTwoWithOneLine() throws IOException {
        Path noColumns = write("x.csv", "a,b,c", "1,2,3");
        String out = dir.resolve("out").toString();
        List<AnalyzeRun> runs = List.of(
                AnalyzeRun.of("--input", dir.resolve("nope.csv").toString(), "--out", out),
                AnalyzeRun.of("--input", noColumns.toString(), "--out", out),
                AnalyzeRun.of("--input", noColumns.toString()),
                AnalyzeRun.of("--input", noColumns.toString(), "--out", out, "--as-of", "someday"),
                AnalyzeRun.of("--frobnicate"));

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("analyze: ").doesNotContain("Exception", "\tat ");
        });
        assertThat(runs.get(0).err()).contains("nope.csv: no such file");
        assertThat(runs.get(1).err()).contains("x.csv: line 1, column customer_id");
    }

    @Test
    void anAsOfDateBeforeTheLastTransactionIsRefused() throws IOException {
        Path input = write("min.csv", "customer_id,invoice_date,amount", "a,2024-01-05,10");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", dir.resolve("o").toString(),
                "--as-of", "2024-01-04");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--as-of 2024-01-04 is before the last transaction (2024-01-05)");
    }

    @Test
    void theDispatcherRunsAnalyze() throws IOException {
        Path input = write("min.csv", "customer_id,invoice_date,amount", "a,2024-01-05,10");

        int code = BatchCli.run(new String[] {"--input", input.toString(), "--out", dir.resolve("o").toString()},
                "analyze");

        assertThat(BatchCli.handles("analyze")).isTrue();
        assertThat(code).isZero();
        assertThat(dir.resolve("o").resolve("rfm.csv")).exists();
    }

    @Test
    void readsTheUciLayoutWithUsDatesFloatCustomerIdsAndQuotedDescriptions() throws IOException {
        Path input = write("uci.csv",
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                "536365,85123A,\"HEART T-LIGHT HOLDER, WHITE\",6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
                "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850.0,United Kingdom",
                "C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom",
                "536380,22961,JAM MAKING SET PRINTED,24,12/2/2010 9:41,1.45,14527.0,France",
                "536381,22961,JAM MAKING SET PRINTED,2,12/2/2010 9:45,1.45,,France");
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // As of 2010-12-03. 17850: two invoices on 12/1, 6 * 2.55 + 6 * 1.85 = 26.40, last purchase 2 days ago.
        // 14527: a cancellation (-27.50) and one purchase of 24 * 1.45 = 34.80 on 12/2: net 7.30, 1 day ago.
        assertThat(Files.readAllLines(out.resolve("rfm.csv")).subList(1, 3))
                .extracting(l -> String.join(",", List.of(l.split(",")).subList(0, 4)))
                .containsExactly("17850,2,2,26.4", "14527,1,1,7.3");
        // France: 34.80 + 2 * 1.45 = 37.70 (one line without customer: sales only); UK: 26.40 - 27.50 = -1.10.
        JsonNode metrics = json(out.resolve("metrics.json"));
        assertThat(metrics.get("top_products_by_revenue").get(0).get("description").asString())
                .isEqualTo("JAM MAKING SET PRINTED");
        assertThat(metrics.get("revenue_by_country").get(1).get("name").asString()).isEqualTo("United Kingdom");
        assertThat(json(out.resolve("cleaning.json")).get("missing_customer_id").asLong()).isEqualTo(1);
    }
}
