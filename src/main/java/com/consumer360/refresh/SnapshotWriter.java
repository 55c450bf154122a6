package com.consumer360.refresh;

import com.consumer360.analytics.basket.AssociationRule;
import com.consumer360.analytics.basket.BasketRules;
import com.consumer360.analytics.clv.CustomerValue;
import com.consumer360.analytics.rfm.RfmScore;
import com.consumer360.analytics.rfm.SegmentMap;
import com.consumer360.warehouse.CopyStream;
import com.consumer360.warehouse.StagedCopy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/** Writes one snapshot's rows inside the refresh transaction; nothing is visible before the switch commits. */
final class SnapshotWriter {

    private final Connection connection;
    private final long snapshotId;
    private final Map<String, Long> rows = new LinkedHashMap<>();

    SnapshotWriter(Connection connection, long snapshotId) {
        this.connection = connection;
        this.snapshotId = snapshotId;
    }

    Map<String, Long> rowsWritten() {
        return rows;
    }

    /**
     * Writes the snapshot row and the tables that need neither CLV nor basket rules (segment products, cohorts),
     * so this can run while the models are still being fitted. {@link #write} and {@link #finish} add the rest.
     */
    void start(SnapshotContent content) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snapshot (snapshot_id, as_of_date, "
                + "created_at, is_current, segment_map_version, rfm_customers, model_json, customer_moves) "
                + "VALUES (?, ?, now(), false, ?, ?, '{}', (SELECT customer_moves FROM warehouse_version))")) {
            insert.setLong(1, snapshotId);
            insert.setObject(2, content.inputs().asOf());
            insert.setString(3, SegmentMap.VERSION);
            insert.setInt(4, content.rfm().size());
            insert.executeUpdate();
        }
        new SnapshotAggregatesWriter(connection, snapshotId, rows).writeWithoutModels(content);
    }

    /**
     * Writes the customer-level table and the tables derived from it (segment summaries with CLV, movement);
     * {@code content.rules()} is not used, so basket mining may still be running.
     */
    void write(SnapshotContent content) throws SQLException {
        customers(content);
        new SnapshotAggregatesWriter(connection, snapshotId, rows).writeWithModels(content);
    }

    /** Writes the basket rules and the model summary (CLV parameters, fit checks, rule counts). */
    void finish(SnapshotContent content, String modelJson) throws SQLException {
        rules(content);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE snapshot SET model_json = ? WHERE snapshot_id = ?")) {
            update.setString(1, modelJson);
            update.setLong(2, snapshotId);
            update.executeUpdate();
        }
    }

    private void customers(SnapshotContent content) throws SQLException {
        Map<String, CustomerValue> clv = new HashMap<>();
        if (content.clv() != null) {
            content.clv().customers().forEach(value -> clv.put(value.summary().customerId(), value));
        }
        try (CopyStream copy = StagedCopy.open(connection, "snap_customer", "snapshot_id, customer_id, region_id, "
                + "recency_days, frequency, monetary, r_score, f_score, m_score, segment, clv_frequency, clv_recency, "
                + "clv_t, clv_monetary, p_alive, expected_purchases, expected_avg_value, clv")) {
            for (RfmScore score : content.rfm()) {
                CustomerValue value = clv.get(score.customerId());
                copy.field(snapshotId).field(score.customerId())
                        .field(content.inputs().regionOfCustomer().get(score.customerId()))
                        .field(score.recencyDays()).field(score.frequency())
                        .field(BigDecimal.valueOf(score.monetary()).setScale(2, RoundingMode.HALF_UP).toPlainString())
                        .field(score.r()).field(score.f()).field(score.m()).field(score.segment().label());
                if (value == null) {
                    copy.field(null).field(null).field(null).field(null).field(null).field(null).field(null).field(null);
                } else {
                    copy.field(value.summary().frequency()).field(value.summary().recency()).field(value.summary().T())
                            .field(value.summary().monetaryValue()).field(value.probabilityAlive())
                            .field(value.expectedPurchases()).field(value.expectedAverageValue()).field(value.clv());
                }
                copy.endRow();
            }
        }
        rows.put("snap_customer", StagedCopy.publish(connection, "snap_customer"));
    }

    /**
     * All regions' rules (region 0: over all regions), one row per region with the rules in rank order in aligned
     * arrays (migration V12): busy baskets give tens of thousands of rules, which as rows took most of the write.
     */
    private void rules(SnapshotContent content) throws SQLException {
        long written = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO snap_basket_rule_set (snapshot_id, "
                + "region_id, antecedents, consequents, supports, confidences, lifts, leverages, convictions, "
                + "rule_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            written += addRules(insert, (short) 0, content.rules().overall());
            for (Map.Entry<String, BasketRules> region : content.rules().byRegion().entrySet()) {
                written += addRules(insert, Short.parseShort(region.getKey()), region.getValue());
            }
            insert.executeBatch();
        }
        rows.put("snap_basket_rule", written);
    }

    private int addRules(PreparedStatement insert, short regionId, BasketRules rules) throws SQLException {
        List<AssociationRule> list = rules.rules();
        int n = list.size();
        String[] antecedents = new String[n];
        String[] consequents = new String[n];
        double[] supports = new double[n];
        double[] confidences = new double[n];
        double[] lifts = new double[n];
        double[] leverages = new double[n];
        Double[] convictions = new Double[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            AssociationRule rule = list.get(i);
            antecedents[i] = String.join(" + ", rule.antecedent());
            consequents[i] = rule.consequent();
            supports[i] = rule.support();
            confidences[i] = rule.confidence();
            lifts[i] = rule.lift();
            leverages[i] = rule.leverage();
            convictions[i] = rule.conviction();
            counts[i] = rule.count();
        }
        // pgjdbc's own createArrayOf takes primitive arrays.
        PGConnection pg = connection.unwrap(PGConnection.class);
        insert.setLong(1, snapshotId);
        insert.setShort(2, regionId);
        insert.setArray(3, pg.createArrayOf("varchar", antecedents));
        insert.setArray(4, pg.createArrayOf("varchar", consequents));
        insert.setArray(5, pg.createArrayOf("float8", supports));
        insert.setArray(6, pg.createArrayOf("float8", confidences));
        insert.setArray(7, pg.createArrayOf("float8", lifts));
        insert.setArray(8, pg.createArrayOf("float8", leverages));
        insert.setArray(9, pg.createArrayOf("float8", convictions));
        insert.setArray(10, pg.createArrayOf("int4", counts));
        insert.addBatch();
        return n;
    }

    /** Makes this snapshot the current one; {@link #pruneBeyond} removes old ones after the commit. */
    void switchCurrent() throws SQLException {
        try (PreparedStatement unset = connection.prepareStatement(
                "UPDATE snapshot SET is_current = false WHERE is_current AND snapshot_id <> ?");
             PreparedStatement set = connection.prepareStatement(
                     "UPDATE snapshot SET is_current = true WHERE snapshot_id = ?")) {
            unset.setLong(1, snapshotId);
            unset.executeUpdate();
            set.setLong(1, snapshotId);
            set.executeUpdate();
        }
    }

    /**
     * Deletes the snapshots beyond the newest {@code retention} and all their rows; returns how many. The tables
     * without a foreign key to snapshot (snap_customer: migration V9; snap_basket_rule_set and
     * snap_segment_product_totals: V12; snap_cohort_customer: V15) are pruned explicitly first, the others follow by cascade.
     */
    static long pruneBeyond(Connection connection, int retention) throws SQLException {
        String expired = "SELECT snapshot_id FROM snapshot WHERE snapshot_id NOT IN "
                + "(SELECT snapshot_id FROM snapshot ORDER BY snapshot_id DESC LIMIT ?)";
        for (String table : List.of("snap_customer", "snap_basket_rule_set", "snap_segment_product_totals",
                "snap_cohort_customer")) {
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE snapshot_id IN (" + expired + ")")) {
                prune.setInt(1, retention);
                prune.executeUpdate();
            }
        }
        try (PreparedStatement prune = connection.prepareStatement("DELETE FROM snapshot WHERE snapshot_id IN ("
                + expired + ")")) {
            prune.setInt(1, retention);
            return prune.executeUpdate();
        }
    }
}
