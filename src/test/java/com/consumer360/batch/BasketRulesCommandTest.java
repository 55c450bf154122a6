package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The basket stage of {@code analyze}: rules.json, its thresholds, and inputs that only have baskets. */
class BasketRulesCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(Path file) {
        return JsonMapper.shared().readTree(file.toFile());
    }

    /** Groceries (see test resources groceries/README.md) in the generic layout: one line per item. */
    private Path groceriesAsInvoiceLines() throws IOException {
        Path file = dir.resolve("groceries-lines.csv");
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/groceries/groceries.csv")), StandardCharsets.UTF_8);
                CsvReader<CsvRecord> baskets = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                        .ofCsvRecord(in);
                Writer writer = Files.newBufferedWriter(file);
                CsvWriter lines = CsvWriter.builder().build(writer)) {
            lines.writeRecord("invoice_id", "description");
            int invoice = 0;
            for (CsvRecord basket : baskets) {
                invoice++;
                for (String item : basket.getFields()) {
                    lines.writeRecord("G" + invoice, item);
                }
            }
        }
        return file;
    }

    @Test
    void groceriesThroughTheCommandGiveThePublishedRules() throws IOException {
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", groceriesAsInvoiceLines().toString(), "--out", out.toString(),
                "--min-support", "0.001", "--min-confidence", "0.5", "--max-length", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rules = json(out.resolve("rules.json"));
        assertThat(rules.size()).isEqualTo(5668);
        JsonNode top = rules.get(0);
        assertThat(top.get("antecedent").valueStream().map(JsonNode::asString))
                .containsExactly("Instant food products", "soda");
        assertThat(top.get("consequent").asString()).isEqualTo("hamburger meat");
        assertThat(top.get("support").asDouble()).isCloseTo(0.001220, within(0.0000005));
        assertThat(top.get("confidence").asDouble()).isCloseTo(0.6316, within(0.00005));
        assertThat(top.get("lift").asDouble()).isCloseTo(18.996, within(0.0005));
        assertThat(top.get("count").asInt()).isEqualTo(12);
        assertThat(top.propertyNames()).containsExactly("antecedent", "consequent", "support", "confidence",
                "lift", "leverage", "conviction", "count");
    }

    @Test
    void anInputWithOnlyInvoicesAndProductsComputesOnlyRulesAndSaysWhatItSkipped() throws IOException {
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", groceriesAsInvoiceLines().toString(), "--out", out.toString(),
                "--min-support", "0.001", "--max-length", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("rules.json")).exists();
        assertThat(out.resolve("cleaning.json")).exists();
        for (String file : List.of("rfm.csv", "segments.csv", "cohorts.csv", "metrics.json", "clv.csv", "model.json")) {
            assertThat(out.resolve(file)).doesNotExist();
        }
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("skipped").propertyNames()).containsExactlyInAnyOrder("rfm", "segments", "cohorts",
                "metrics", "clv");
        assertThat(summary.get("skipped").get("rfm").asString()).isEqualTo("the input has no customer_id, "
                + "invoice_date, amount (or quantity and unit_price) columns: only basket rules are computed");
        assertThat(summary.get("as_of").isNull()).isTrue();
        // Frequent itemsets behind the rules, single items included: count ≥ 10 of 9,835, at most 10 items.
        assertThat(summary.get("frequent_itemsets").asInt()).isEqualTo(13_492);
        assertThat(summary.get("basket_rules").asInt()).isEqualTo(5668);
    }

    @Test
    void salesInputGetsRulesFromPurchasesOnlyAlongsideEveryOtherOutput() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "customer_id,invoice_id,invoice_date,product_id,description,quantity,unit_price"));
        for (int i = 0; i < 4; i++) {
            lines.add("c" + i + ",I" + i + ",2024-01-0" + (i + 1) + ",P1,\"Mug, \"\"large\"\"\",1,5");
            lines.add("c" + i + ",I" + i + ",2024-01-0" + (i + 1) + ",P2,Crème brûlée set ,1,7");
        }
        lines.add("c0,I9,2024-01-09,P3,Tea,1,2");
        lines.add("c0,I9,2024-01-09,P1,\"Mug, \"\"large\"\"\",-1,5");   // returned within the invoice
        lines.add("c1,C10,2024-01-09,P3,Tea,-1,2");                     // cancellation
        lines.add("c1,C10,2024-01-09,P1,\"Mug, \"\"large\"\"\",-1,5");
        Path input = Files.write(dir.resolve("sales.csv"), lines);
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString(),
                "--min-support", "0.2", "--min-confidence", "0.9");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rules = json(out.resolve("rules.json"));
        // Baskets: I0..I3 {mug, crème brûlée}, I9 {tea}. Mug and set always go together: two rules, lift 5/4.
        // Labels are the descriptions, stripped of the trailing space UCI descriptions often have.
        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.valueStream().map(rule -> rule.get("consequent").asString()))
                .containsExactlyInAnyOrder("Mug, \"large\"", "Crème brûlée set");
        assertThat(rules.get(0).get("support").asDouble()).isEqualTo(0.8);
        assertThat(rules.get(0).get("lift").asDouble()).isEqualTo(1.25);
        assertThat(rules.get(0).get("conviction").isNull()).isTrue();
        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.get("skipped").isEmpty()).isTrue();
        // Tea on 1 of 5 purchase baskets reaches support 0.2: the threshold is inclusive.
        assertThat(summary.get("frequent_itemsets").asInt()).isEqualTo(4);
        assertThat(out.resolve("rfm.csv")).exists();
        assertThat(out.resolve("rules_by_region.json")).doesNotExist();
    }

    @Test
    void productsAreNamedByTheLinesTheCleaningKeepsOnly() throws IOException {
        // P1's first line has price 0 (excluded by the cleaning) and another description: neither the rules nor the
        // top products may take that name, as the import takes descriptions from the lines it loads only.
        List<String> lines = new ArrayList<>(List.of(
                "customer_id,invoice_id,invoice_date,product_id,description,quantity,unit_price",
                "c9,I8,2024-01-01,P1,damaged stock write-off,1,0"));
        for (int i = 0; i < 4; i++) {
            lines.add("c" + i + ",I" + i + ",2024-01-0" + (i + 2) + ",P1,Mug,1,5");
            lines.add("c" + i + ",I" + i + ",2024-01-0" + (i + 2) + ",P2,Plate,1,7");
        }
        Path input = Files.write(dir.resolve("sales.csv"), lines);
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString(),
                "--min-support", "0.5", "--min-confidence", "0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rules = json(out.resolve("rules.json"));
        assertThat(rules.valueStream().flatMap(rule -> java.util.stream.Stream.of(rule.get("antecedent").toString(),
                rule.get("consequent").asString()))).isNotEmpty().noneMatch(text -> text.contains("write-off"))
                .anyMatch(text -> text.contains("Mug"));
        JsonNode metrics = json(out.resolve("metrics.json"));
        assertThat(metrics.get("top_products_by_revenue").valueStream()
                .filter(p -> p.get("product_id").asString().equals("P1")).map(p -> p.get("description").asString())
                .toList()).containsExactly("Mug");
    }

    @Test
    void eachRegionGetsTheRulesOfItsOwnInvoices() throws IOException {
        List<String> lines = new ArrayList<>(List.of("customer_id,invoice_id,invoice_date,product_id,description,"
                + "amount,region"));
        for (int i = 1; i <= 3; i++) {
            lines.add("n" + i + ",N" + i + ",2024-03-01,P1,Mug,5,North");
            lines.add("n" + i + ",N" + i + ",2024-03-01,P2,Set,7,North");
            lines.add("s" + i + ",S" + i + ",2024-03-01,P3,Tea,2,South");
            if (i < 3) {
                lines.add("s" + i + ",S" + i + ",2024-03-01,P1,Mug,5,South");
            }
        }
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", Files.write(dir.resolve("regions.csv"), lines).toString(),
                "--out", out.toString(), "--min-support", "0.5", "--min-confidence", "0.6", "--max-length", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Overall, 6 invoices, count >= 3: mug and set go together (set => mug 1, mug => set 3/5); tea and mug
        // share only 2 invoices. Within South (count >= 2 of 3) tea and mug do go together.
        assertThat(json(out.resolve("rules.json")).valueStream().map(rule -> rule.get("consequent").asString()))
                .containsExactlyInAnyOrder("Mug", "Set");
        JsonNode byRegion = json(out.resolve("rules_by_region.json"));
        assertThat(byRegion.propertyNames()).containsExactly("North", "South");
        assertThat(byRegion.get("North").valueStream().map(rule -> rule.get("consequent").asString()))
                .containsExactlyInAnyOrder("Mug", "Set");
        assertThat(byRegion.get("South").valueStream().map(rule -> rule.get("consequent").asString()))
                .containsExactlyInAnyOrder("Mug", "Tea");
        assertThat(byRegion.get("South").get(0).get("support").asDouble()).isCloseTo(2 / 3.0, within(1e-8));
    }

    @Test
    void productsSharingADescriptionAreToldApartByTheirIds() throws IOException {
        Path input = Files.write(dir.resolve("shared.csv"), List.of("invoice_id,product_id,description",
                "1,84077,Tea", "1,84078,Tea", "1,22423,", "2,84077,Tea", "2,84078,Tea", "2,22423,"));
        Path out = dir.resolve("out");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString(), "--max-length", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out.resolve("rules.json")).valueStream().map(rule -> rule.get("consequent").asString()))
                .containsOnly("Tea [84077]", "Tea [84078]", "22423").hasSize(6);
    }

    @Test
    void thresholdsTheDataCannotBearExitTwoWithASuggestion() throws IOException {
        // At support 0.01 one invoice in 100 is enough, so the 4 million subsets of the one wholesale
        // invoice of 22 products are all frequent; the 99 small invoices keep support 0.02 within bounds.
        List<String> lines = new ArrayList<>(List.of("invoice_id,product_id"));
        for (int product = 0; product < 22; product++) {
            lines.add("W,P" + product);
        }
        for (int invoice = 0; invoice < 99; invoice++) {
            lines.add("I" + invoice + ",T" + invoice % 3);
            lines.add("I" + invoice + ",T" + (invoice + 1) % 3);
        }
        Path input = Files.write(dir.resolve("dense.csv"), lines);

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", dir.resolve("out").toString(),
                "--min-support", "0.01", "--max-length", "22");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("analyze: basket rules: min support 0.01")
                .contains("more than 1,000,000 frequent itemsets", "Try min support 0.02 or higher")
                .doesNotContain("Exception");
    }

    @Test
    void badThresholdsAreRefusedWithTheUsage() {
        String out = dir.resolve("out").toString();
        List<AnalyzeRun> runs = List.of(
                AnalyzeRun.of("--input", "x.csv", "--out", out, "--min-support", "0"),
                AnalyzeRun.of("--input", "x.csv", "--out", out, "--min-confidence", "1.5"),
                AnalyzeRun.of("--input", "x.csv", "--out", out, "--max-length", "2.5"),
                AnalyzeRun.of("--input", "x.csv", "--out", out, "--min-support", "1%"));

        assertThat(runs).allSatisfy(run -> assertThat(run.exitCode()).isEqualTo(2));
        assertThat(runs.get(0).err()).contains("min support must be in (0, 1]", "usage: analyze");
        assertThat(runs.get(1).err()).contains("min confidence must be in [0, 1]");
        assertThat(runs.get(2).err()).contains("--max-length: '2.5' is not a whole number");
        assertThat(runs.get(3).err()).contains("--min-support: '1%' is not a number");
    }
}
