package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.analytics.clv.ClvEngine;
import com.consumer360.analytics.clv.ClvOptions;
import com.consumer360.analytics.clv.ClvResult;
import com.consumer360.analytics.clv.PeriodUnit;
import com.consumer360.analytics.clv.Purchase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLV stage of {@code analyze}, end to end on CDNOW (src/test/resources/cdnow/README.md). */
class AnalyzeClvTest {

    @TempDir
    static Path dir;

    private static Path cdnowCsv;

    private static Path cdnowLogCsv;

    /**
     * Converts the raw CDNOW file to the generic layout twice: with an invoice id per raw line, and as the log
     * is, one line per log line with no invoice id ({@code customer_id,invoice_date,amount}). 19 lines repeat
     * another line exactly (same customer, day, CDs and dollars) and are real separate purchases: with invoice
     * ids they differ; without, cleaning must not take them for exact duplicates.
     */
    @BeforeAll
    static void convertCdnow() throws IOException {
        List<String> lines = new ArrayList<>(List.of("customer_id,invoice_id,invoice_date,amount"));
        List<String> log = new ArrayList<>(List.of("customer_id,invoice_date,amount"));
        try (InputStream in = AnalyzeClvTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")) {
            int invoice = 0;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList()) {
                String[] f = raw.trim().split("\\s+");
                String date = f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6);
                lines.add(f[0] + "," + (++invoice) + "," + date + "," + f[4]);
                log.add(f[0] + "," + date + "," + f[4]);
            }
        }
        cdnowCsv = Files.write(dir.resolve("cdnow.csv"), lines);
        cdnowLogCsv = Files.write(dir.resolve("cdnow-log.csv"), log);
    }

    /**
     * The raw log without invoice ids (issue 17): every line is kept, equal lines on one day included (customer
     * 147 bought 9.77 twice on 1997-07-31), so Gamma-Gamma gives the published p 6.25, q 3.74, v 15.44 (Fader,
     * Hardie & Lee 2005) and BG/NBD the published fit, as with an invoice id per line.
     */
    @Test
    void theRawLogWithoutInvoiceIdsReproducesThePublishedGammaGamma() throws IOException {
        Path out = dir.resolve("log-weeks");

        AnalyzeRun run = AnalyzeRun.of("--input", cdnowLogCsv.toString(), "--out", out.toString(),
                "--calibration-end", "1997-09-30", "--time-unit", "weeks");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode cleaning = json(out.resolve("cleaning.json"));
        assertThat(cleaning.get("lines_kept").asLong()).isEqualTo(6919);
        assertThat(cleaning.get("excluded").get("exact_duplicates").asLong()).isZero();
        assertThat(cleaning.get("input").get("customers").asInt()).isEqualTo(2357);
        assertThat(cleaning.get("invoices").asInt()).isEqualTo(6919);
        JsonNode model = json(out.resolve("model.json"));
        JsonNode gg = model.get("gamma_gamma");
        assertThat(gg.get("customers").asInt()).isEqualTo(946);
        // Published to three significant digits (and v within half a unit of its published fourth digit): the
        // rule that took equal lines for duplicates gave v = 15.35.
        assertThat(gg.get("p").asDouble()).isCloseTo(6.25, within(0.005));
        assertThat(gg.get("q").asDouble()).isCloseTo(3.74, within(0.005));
        assertThat(gg.get("v").asDouble()).isCloseTo(15.44, within(0.005));
        JsonNode bg = model.get("bgnbd");
        assertThat(bg.get("r").asDouble()).isCloseTo(0.2426, within(0.00005));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(4.4137, within(0.0005));
        assertThat(bg.get("a").asDouble()).isCloseTo(0.7930, within(0.0005));
        assertThat(bg.get("b").asDouble()).isCloseTo(2.4262, within(0.0005));
        assertThat(bg.get("log_likelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
        // The same fit as with an invoice id per line.
        ClvResult engine = ClvEngine.run(rawPurchases(),
                new ClvOptions(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS, 52.14, 12, 0.01));
        assertThat(gg.get("v").asDouble()).isCloseTo(engine.gammaGamma().model().v(), within(1e-6));
        assertThat(bg.get("b").asDouble()).isCloseTo(engine.bgNbd().model().b(), within(1e-6));
    }

    private static JsonNode json(Path file) {
        return JsonMapper.shared().readTree(file.toFile());
    }

    /**
     * Through the command, the published CDNOW fits (Fader, Hardie & Lee 2005; BTYD walkthrough): its 8 lines of
     * $0.00 have no unit price, so cleaning keeps them as zero-value transactions, as the published fits count
     * them; the fit must also equal the engine's on the raw file.
     */
    @Test
    void reproducesThePublishedCdnowFitsThroughTheCommand() throws IOException {
        Path out = dir.resolve("weeks");

        AnalyzeRun run = AnalyzeRun.of("--input", cdnowCsv.toString(), "--out", out.toString(),
                "--calibration-end", "1997-09-30", "--time-unit", "weeks", "--horizon", "39");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json(out.resolve("cleaning.json")).get("excluded").get("non_positive_price").asInt()).isZero();
        ClvResult engine = ClvEngine.run(rawPurchases(),
                new ClvOptions(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS, 39, 12, 0.01));
        JsonNode model = json(out.resolve("model.json"));
        JsonNode bg = model.get("bgnbd");
        assertThat(bg.get("r").asDouble()).isCloseTo(engine.bgNbd().model().r(), within(1e-6));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(engine.bgNbd().model().alpha(), within(1e-6));
        assertThat(bg.get("a").asDouble()).isCloseTo(engine.bgNbd().model().a(), within(1e-6));
        assertThat(bg.get("b").asDouble()).isCloseTo(engine.bgNbd().model().b(), within(1e-6));
        assertThat(bg.get("log_likelihood").asDouble()).isCloseTo(engine.bgNbd().logLikelihood(), within(1e-4));
        assertThat(bg.get("time_unit").asString()).isEqualTo("weeks");
        // The published fit to 3 significant digits, and its log-likelihood to 0.01.
        assertThat(bg.get("r").asDouble()).isCloseTo(0.2426, within(0.0005));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(4.4137, within(0.005));
        assertThat(bg.get("a").asDouble()).isCloseTo(0.7930, within(0.0005));
        assertThat(bg.get("b").asDouble()).isCloseTo(2.4262, within(0.005));
        assertThat(bg.get("log_likelihood").asDouble()).isCloseTo(-9582.43, within(0.01));
        JsonNode gg = model.get("gamma_gamma");
        assertThat(gg.get("customers").asInt()).isEqualTo(946);
        assertThat(gg.get("p").asDouble()).isCloseTo(engine.gammaGamma().model().p(), within(1e-6));
        assertThat(gg.get("q").asDouble()).isCloseTo(engine.gammaGamma().model().q(), within(1e-6));
        assertThat(gg.get("v").asDouble()).isCloseTo(engine.gammaGamma().model().v(), within(1e-6));
        assertThat(gg.get("p").asDouble()).isCloseTo(6.25, within(0.005));
        assertThat(gg.get("q").asDouble()).isCloseTo(3.74, within(0.005));
        assertThat(gg.get("v").asDouble()).isCloseTo(15.44, within(0.05));
        assertThat(model.get("customers").asInt()).isEqualTo(2357);
        assertThat(model.get("fit_millis").asDouble()).isPositive();
        assertThat(model.get("holdout")).hasSize(8);
        assertThat(model.get("holdout").get(7).get("calibration_frequency").asString()).isEqualTo("7+");
        assertThat(model.get("holdout").get(0).get("customers").asInt()).isEqualTo(2357 - 946);
        assertThat(model.get("cumulative_repeat_purchases")).hasSize(78);

        List<String> csv = Files.readAllLines(out.resolve("clv.csv"));
        assertThat(csv.getFirst()).isEqualTo(
                "customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_avg_value,clv");
        assertThat(csv).hasSize(2358);
        // Customer 00004: repeat purchases on 1997-01-18 ($29.73) and 08-02 ($14.96) after a first one on 01-01.
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("00004,2,30.4286,38.8571,22.345,"));
        assertThat(csv).noneMatch(line -> line.contains("NaN") || line.contains("Infinity") || line.contains(",,"));
        assertThat(json(out.resolve("summary.json")).get("stage_millis").propertyNames()).contains("clv");
    }

    private static List<Purchase> rawPurchases() throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        for (String line : Files.readAllLines(cdnowCsv).subList(1, 6920)) {
            String[] f = line.split(",");
            purchases.add(new Purchase(f[0], LocalDate.parse(f[2]), Double.parseDouble(f[3])));
        }
        return purchases;
    }

    @Test
    void defaultsToDaysAndNoHoldout() {
        Path out = dir.resolve("days");

        AnalyzeRun run = AnalyzeRun.of("--input", cdnowCsv.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode model = json(out.resolve("model.json"));
        assertThat(model.get("time_unit").asString()).isEqualTo("days");
        assertThat(model.get("calibration_end").asString()).isEqualTo("1998-06-30");
        assertThat(model.get("horizon").asDouble()).isEqualTo(365.0);
        assertThat(model.get("clv_months").asInt()).isEqualTo(12);
        assertThat(model.get("monthly_discount_rate").asDouble()).isEqualTo(0.01);
        assertThat(model.get("holdout").isNull()).isTrue();
        // In days alpha is seven times the weekly one's scale; r, a and b are unit-free but the data differ
        // (all 78 weeks here), so only the unit's effect on alpha's order of magnitude is checked.
        assertThat(model.get("bgnbd").get("alpha").asDouble()).isGreaterThan(10);
    }

    @Test
    void dataWithoutRepeatBuyersGiveAnErrorInModelJsonAndTheOtherOutputs() throws IOException {
        Path input = Files.writeString(dir.resolve("once.csv"),
                "customer_id,invoice_date,amount\na,2024-01-05,10\nb,2024-01-06,20\n");
        Path out = dir.resolve("once");

        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("rfm.csv")).exists();
        assertThat(out.resolve("clv.csv")).doesNotExist();
        assertThat(json(out.resolve("model.json")).get("error").asString())
                .isEqualTo("CLV models not fitted: BG/NBD needs at least one repeat buyer; none of the 2 customers"
                        + " bought again in the calibration period");
    }

    @Test
    void badClvOptionsExitTwoWithOneLine() {
        String in = cdnowCsv.toString();
        String out = dir.resolve("bad").toString();

        assertThat(AnalyzeRun.of("--input", in, "--out", out, "--time-unit", "months").err())
                .isEqualTo("analyze: --time-unit: 'months' is not days or weeks\n");
        assertThat(AnalyzeRun.of("--input", in, "--out", out, "--discount-rate", "-1").err())
                .isEqualTo("analyze: --discount-rate: '-1' is not a monthly rate such as 0.01\n");
        assertThat(AnalyzeRun.of("--input", in, "--out", out, "--clv-months", "1.5").err())
                .isEqualTo("analyze: --clv-months: '1.5' is not a whole number of months >= 0\n");
        AnalyzeRun early = AnalyzeRun.of("--input", in, "--out", out, "--calibration-end", "1996-12-31");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err()).isEqualTo("analyze: --calibration-end 1996-12-31 is before the first purchase"
                + " (1997-01-01); the calibration period would be empty\n");
    }
}
