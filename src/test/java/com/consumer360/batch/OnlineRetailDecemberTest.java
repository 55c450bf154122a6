package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch run on UCI Online Retail, December 2010 (src/test/resources/online-retail/README.md).
 *
 * <p>Expected figures come from an independent pass in Python 3 with the csv module, not from this code:
 * drop lines with UnitPrice <= 0 (273), then drop rows equal as whole tuples of all 8 raw fields to an
 * earlier kept row (498), keep the rest (41,710); count kept rows whose InvoiceNo starts with C (719), with
 * empty CustomerID (15,359), distinct CustomerID (948) and InvoiceNo (1,885); per customer (id before the
 * ".0") sum Quantity * UnitPrice over kept rows, take the latest InvoiceDate[:10] and the distinct invoices
 * of rows not starting with C with a positive amount; the as-of date is the latest date + 1 day (2010-12-24).
 * Customers with a purchase: 885. Net revenue of all kept lines: 746,723.61; of those customers: 556,301.53.
 * Top product by revenue 22423 (26,722.16), by quantity 84077 (5,195 units); 24 countries.
 *
 * <p>Customers and invoices through the rules, from the same Python pass (sets of CustomerID before the ".0" over
 * non-empty ids, and of InvoiceNo): all 42,481 lines hold 948 customers and 2,025 invoices; the lines with
 * UnitPrice > 0 still hold 948 customers and 1,885 invoices (the price rule removes no customer and 140 invoices,
 * all of whose lines have a zero price); the duplicate rule removes none (a first occurrence always stays);
 * 63 of the 948 kept customers have no purchase (only cancellations), which leaves the 885 scored.
 */
class OnlineRetailDecemberTest {

    @TempDir
    static Path out;

    private static final Map<String, String[]> RFM = new HashMap<>();

    @BeforeAll
    static void analyze() throws URISyntaxException, IOException {
        Path input = Path.of(OnlineRetailDecemberTest.class.getResource("/online-retail/online_retail_2010-12.csv.gz")
                .toURI());
        AnalyzeRun run = AnalyzeRun.of("--input", input.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String line : Files.readAllLines(out.resolve("rfm.csv")).subList(1, 886)) {
            String[] fields = line.split(",");
            RFM.put(fields[0], fields);
        }
    }

    private static JsonNode json(String file) {
        return JsonMapper.shared().readTree(out.resolve(file).toFile());
    }

    @Test
    void cleaningCountsMatchTheIndependentPass() {
        JsonNode c = json("cleaning.json");
        assertThat(c.get("lines_read").asLong()).isEqualTo(42_481);
        assertThat(c.get("lines_kept").asLong()).isEqualTo(41_710);
        assertThat(c.get("excluded").get("non_positive_price").asLong()).isEqualTo(273);
        assertThat(c.get("excluded").get("exact_duplicates").asLong()).isEqualTo(498);
        assertThat(c.get("excluded").get("malformed").asLong()).isZero();
        assertThat(c.get("cancellations").asLong()).isEqualTo(719);
        assertThat(c.get("missing_customer_id").asLong()).isEqualTo(15_359);
        assertThat(c.get("customers").asInt()).isEqualTo(948);
        assertThat(c.get("invoices").asInt()).isEqualTo(1_885);
    }

    @Test
    void cleaningReconcilesInputCustomersAndInvoicesWithTheScoredOnes() {
        JsonNode c = json("cleaning.json");
        assertThat(c.get("input").get("customers").asInt()).isEqualTo(948);
        assertThat(c.get("input").get("invoices").asInt()).isEqualTo(2_025);
        JsonNode removed = c.get("removed");
        assertThat(removed.get("non_positive_price").get("customers").asInt()).isZero();
        assertThat(removed.get("non_positive_price").get("invoices").asInt()).isEqualTo(140);
        assertThat(removed.get("exact_duplicates").get("customers").asInt()).isZero();
        assertThat(removed.get("exact_duplicates").get("invoices").asInt()).isZero();
        assertThat(c.get("customers_without_purchase").asInt()).isEqualTo(63);
        assertThat(c.get("customers").asInt() - c.get("customers_without_purchase").asInt()).isEqualTo(885);
        assertThat(json("summary.json").get("customers_scored").asInt()).isEqualTo(885);
    }

    @Test
    void rfmValuesOfSampleCustomersMatchTheIndependentPass() throws IOException {
        assertThat(Files.readAllLines(out.resolve("rfm.csv"))).hasSize(1 + 885);
        assertThat(json("summary.json").get("as_of").asString()).isEqualTo("2010-12-24");
        // customer_id, recency_days, frequency, monetary
        assertThat(List.of(RFM.get("17850")).subList(0, 4)).containsExactly("17850", "22", "34", "5391.21");
        assertThat(List.of(RFM.get("13047")).subList(0, 4)).containsExactly("13047", "23", "3", "366.63");
        assertThat(List.of(RFM.get("12583")).subList(0, 4)).containsExactly("12583", "23", "1", "855.86");
    }

    @Test
    void allOneTimeBuyersShareTheLowestFrequencyScore() {
        // 622 of the 885 customers bought once (independent pass): a tie group far beyond the first quintile,
        // which the tie rule keeps together at F = 1.
        assertThat(RFM.values().stream().filter(f -> f[2].equals("1"))).hasSize(622)
                .allSatisfy(f -> assertThat(f[5]).isEqualTo("1"));
        assertThat(RFM.values().stream().filter(f -> !f[2].equals("1"))).allSatisfy(f -> assertThat(f[5]).isNotEqualTo("1"));
    }

    @Test
    void segmentSummaryAddsUpAndChampionsOutspendEveryOtherSegment() throws IOException {
        List<String[]> segments = Files.readAllLines(out.resolve("segments.csv")).stream().skip(1)
                .map(l -> l.split(",")).toList();
        assertThat(segments).hasSize(11);
        assertThat(segments.stream().mapToInt(s -> Integer.parseInt(s[1])).sum()).isEqualTo(885);
        assertThat(segments.stream().mapToDouble(s -> Double.parseDouble(s[2])).sum())
                .isCloseTo(556_301.53, org.assertj.core.data.Offset.offset(0.05));
        String[] champions = segments.getFirst();
        assertThat(champions[0]).isEqualTo("Champions");
        double championsMean = Double.parseDouble(champions[7]);
        assertThat(segments.stream().skip(1).filter(s -> Integer.parseInt(s[1]) > 0))
                .allSatisfy(s -> assertThat(Double.parseDouble(s[7])).as(s[0]).isLessThan(championsMean));
    }

    @Test
    void metricsMatchTheIndependentPass() {
        JsonNode m = json("metrics.json");
        assertThat(m.get("sales_by_month")).hasSize(1);
        assertThat(m.get("sales_by_month").get(0).get("revenue").asDouble()).isEqualTo(746_723.61);
        assertThat(m.get("sales_by_month").get(0).get("quantity").asLong()).isEqualTo(342_009);
        assertThat(m.get("sales_by_month").get(0).get("invoices").asInt()).isEqualTo(1_559);
        assertThat(m.get("top_products_by_revenue").get(0).get("product_id").asString()).isEqualTo("22423");
        assertThat(m.get("top_products_by_revenue").get(0).get("revenue").asDouble()).isEqualTo(26_722.16);
        assertThat(m.get("top_products_by_quantity").get(0).get("product_id").asString()).isEqualTo("84077");
        assertThat(m.get("top_products_by_quantity").get(0).get("quantity").asLong()).isEqualTo(5_195);
        assertThat(m.get("revenue_by_country")).hasSize(24);
        assertThat(m.get("revenue_by_country").get(0).get("name").asString()).isEqualTo("United Kingdom");
        assertThat(m.get("revenue_by_region")).isEmpty();
    }

    @Test
    void aOneMonthDataSetIsOneCohortOfAllPurchasingCustomers() throws IOException {
        assertThat(Files.readAllLines(out.resolve("cohorts.csv"))).containsExactly(
                "cohort_month,period,customers,retention,revenue,revenue_retention",
                "2010-12,0,885,1,556301.53,1");
    }

    @Test
    void basketRulesComeFromAsManyFrequentItemsetsAsAnIndependentApriori() {
        // Independent pass (Python, levelwise Apriori): lines not on C invoices with quantity and price > 0, grouped
        // by InvoiceNo into sets of StockCode: 1,559 baskets; count >= 32 (the default 2 %), at most 4 items:
        // 351 pairs, 50 triples, no quadruple, 749 itemsets in all.
        JsonNode summary = json("summary.json");
        assertThat(summary.get("frequent_itemsets").asInt()).isEqualTo(749);
        assertThat(json("rules.json").size()).isEqualTo(summary.get("basket_rules").asInt()).isPositive();
    }
}
