package com.consumer360.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.consumer360.batch.BatchCli;
import com.consumer360.support.PortalIntegration;
import com.consumer360.support.TestDatabase;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One implementation, two feeds: the refresh (SQL aggregates from the warehouse) and the batch run (the same
 * warehouse exported as CSV) give the same RFM scores, segments and basket rules.
 */
@PortalIntegration
class RefreshMatchesBatchTest {

    @Autowired
    RefreshRunner runner;

    @TempDir
    Path dir;

    @Test
    void snapshotEqualsTheBatchRunOnTheSameData() throws Exception {
        long runId = runner.run("MANUAL", "test");
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM snapshot WHERE is_current AND snapshot_id = ?",
                runId)).isEqualTo(1);
        Path csv = dir.resolve("warehouse.csv");
        exportWarehouse(csv);
        Path out = dir.resolve("out");
        assertThat(BatchCli.run(new String[] {"--input", csv.toString(), "--out", out.toString(),
                "--min-support", "0.002", "--min-confidence", "0.2", "--max-length", "3"}, "analyze")).isZero();

        Map<String, String> batch = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("rfm.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            batch.put(f[0], String.join("|", f[1], f[2], money(f[3]), f[4], f[5], f[6], f[7]));
        }
        Map<String, String> snapshot = new HashMap<>();
        try (Connection db = TestDatabase.connectAs("postgres"); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT customer_id, recency_days, frequency, monetary, r_score, "
                     + "f_score, m_score, segment FROM snap_customer WHERE snapshot_id = " + runId)) {
            while (row.next()) {
                snapshot.put(row.getString(1), String.join("|", row.getString(2), row.getString(3),
                        money(row.getString(4)), row.getString(5), row.getString(6), row.getString(7),
                        row.getString(8)));
            }
        }
        assertThat(snapshot).hasSizeGreaterThan(1000).isEqualTo(batch);
        cleaningReportsAgree(runId, out, snapshot.size());

        JsonNode rules = JsonMapper.builder().build().readTree(out.resolve("rules.json").toFile());
        assertThat(TestDatabase.superuserLong("SELECT count(*) FROM snap_basket_rule WHERE snapshot_id = ? "
                + "AND region_id = 0", runId)).isEqualTo(rules.size()).isPositive();
        // Every rule, in rank order, as the view snap_basket_rule unnests them from the arrays of
        // snap_basket_rule_set; the batch run's JSON rounds the measures (RulesStage).
        try (Connection db = TestDatabase.connectAs("postgres"); Statement statement = db.createStatement();
             ResultSet stored = statement.executeQuery("SELECT rule_rank, antecedent, consequent, rule_count, support, "
                     + "confidence, lift, leverage, conviction FROM snap_basket_rule WHERE region_id = 0 "
                     + "AND snapshot_id = " + runId + " ORDER BY rule_rank")) {
            for (JsonNode rule : rules) {
                assertThat(stored.next()).isTrue();
                List<String> antecedent = new java.util.ArrayList<>();
                rule.get("antecedent").forEach(item -> antecedent.add(item.asString()));
                String at = "rule " + stored.getInt(1);
                assertThat(stored.getString(2)).as(at).isEqualTo(String.join(" + ", antecedent));
                assertThat(stored.getString(3)).as(at).isEqualTo(rule.get("consequent").asString());
                assertThat(stored.getInt(4)).as(at).isEqualTo(rule.get("count").asInt());
                assertThat(stored.getDouble(5)).as(at).isCloseTo(rule.get("support").asDouble(), within(5e-9));
                assertThat(stored.getDouble(6)).as(at).isCloseTo(rule.get("confidence").asDouble(), within(5e-7));
                assertThat(stored.getDouble(7)).as(at).isCloseTo(rule.get("lift").asDouble(), within(5e-7));
                assertThat(stored.getDouble(8)).as(at).isCloseTo(rule.get("leverage").asDouble(), within(5e-9));
                double conviction = stored.getDouble(9);
                if (rule.get("conviction").isNull()) {
                    assertThat(stored.wasNull()).as(at + " conviction").isTrue();
                } else {
                    assertThat(conviction).as(at).isCloseTo(rule.get("conviction").asDouble(), within(5e-7));
                }
            }
            assertThat(stored.next()).isFalse();
        }
    }

    /**
     * The run's message carries the refresh's cleaning report; its figures are recomputed here from fact_sales
     * alone (not from fact_invoice, which the refresh reads), and its customers match the batch run's input.
     */
    private static void cleaningReportsAgree(long runId, Path out, int scored) throws Exception {
        String message;
        try (Connection db = TestDatabase.connectAs("postgres"); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT error_message FROM refresh_run WHERE run_id = " + runId)) {
            row.next();
            message = row.getString(1);
        }
        long lines = TestDatabase.superuserLong("SELECT count(*) FROM fact_sales");
        long customers = TestDatabase.superuserLong("SELECT count(DISTINCT customer_id) FROM fact_sales");
        long invoices = TestDatabase.superuserLong("SELECT count(DISTINCT invoice_no) FROM fact_sales");
        long priceLines = TestDatabase.superuserLong("SELECT count(*) FROM fact_sales WHERE unit_price <= 0");
        long priceCustomers = TestDatabase.superuserLong("SELECT count(*) FROM (SELECT customer_id FROM fact_sales "
                + "WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING bool_and(unit_price <= 0)) c");
        long priceInvoices = TestDatabase.superuserLong("SELECT count(*) FROM (SELECT invoice_no FROM fact_sales "
                + "GROUP BY invoice_no HAVING bool_and(unit_price <= 0)) i");
        assertThat(message).startsWith(String.format("cleaning: the warehouse held %,d lines, %,d customers and "
                        + "%,d invoices; unit price ≤ 0: %,d lines, removing %,d customers and %,d invoices", lines,
                customers, invoices, priceLines, priceCustomers, priceInvoices))
                .contains(String.format("%,d customers scored, %,d without a purchase", scored,
                        customers - priceCustomers - scored));
        JsonNode cleaning = JsonMapper.builder().build().readTree(out.resolve("cleaning.json").toFile());
        assertThat(cleaning.get("input").get("customers").asLong()).isEqualTo(customers);
        assertThat(cleaning.get("removed").get("non_positive_price").get("customers").asLong())
                .isEqualTo(priceCustomers);
        assertThat(cleaning.get("customers").asLong() - cleaning.get("customers_without_purchase").asLong())
                .isEqualTo(scored);
    }

    private static String money(String value) {
        return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    /** The warehouse in the batch run's generic CSV layout, read as the superuser (all regions). */
    private static void exportWarehouse(Path csv) throws Exception {
        try (Connection db = TestDatabase.connectAs("postgres");
             Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT f.customer_id, f.invoice_no AS invoice_id, f.invoice_ts AS invoice_date,
                                 p.product_code AS product_id, p.description, f.quantity, f.unit_price,
                                 f.net_amount AS amount, c.country, r.name AS region
                          FROM fact_sales f JOIN dim_product p USING (product_id)
                          JOIN dim_customer c USING (customer_id) JOIN dim_region r ON r.region_id = f.region_id)
                    TO STDOUT WITH (FORMAT csv, HEADER)""", writer);
        }
    }
}
