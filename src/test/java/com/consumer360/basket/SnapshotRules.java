package com.consumer360.basket;

import static com.consumer360.support.TestDatabase.connectAs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The current snapshot's rules read as the superuser (no row-level security): the tests' independent answers. */
final class SnapshotRules {

    static final String CURRENT = "(SELECT snapshot_id FROM snapshot WHERE is_current)";
    private static final String COLUMNS = "rule_rank, antecedent, consequent, support, confidence, lift, leverage, "
            + "conviction, rule_count";

    private SnapshotRules() {
    }

    /** The rules of one set matching {@code where} (SQL over the view's columns), in {@code order}. */
    static List<BasketRule> rules(short region, String where, String order, Object... parameters) throws SQLException {
        List<BasketRule> rules = new ArrayList<>();
        try (Connection db = connectAs("postgres");
             PreparedStatement statement = db.prepareStatement("SELECT " + COLUMNS + " FROM snap_basket_rule "
                     + "WHERE snapshot_id = " + CURRENT + " AND region_id = ? AND (" + where + ") ORDER BY " + order)) {
            statement.setShort(1, region);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 2, parameters[i]);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    double conviction = r.getDouble(8);
                    boolean infinite = r.wasNull();
                    rules.add(new BasketRule(r.getInt(1), r.getString(2), r.getString(3), r.getDouble(4),
                            r.getDouble(5), r.getDouble(6), r.getDouble(7), infinite ? null : conviction,
                            r.getInt(9)));
                }
            }
        }
        return rules;
    }

    static List<BasketRule> all(short region) throws SQLException {
        return rules(region, "true", "rule_rank");
    }

    /** Every item on either side of the rules, split in Java. */
    static Set<String> items(List<BasketRule> rules) {
        Set<String> items = new TreeSet<>();
        for (BasketRule rule : rules) {
            items.add(rule.consequent());
            items.addAll(Arrays.asList(rule.antecedent().split(" \\+ ")));
        }
        return items;
    }

    /** The region ids that have a rule set in the current snapshot, 0 (overall) included. */
    static List<Short> sets() throws SQLException {
        List<Short> sets = new ArrayList<>();
        try (Connection db = connectAs("postgres");
             ResultSet r = db.createStatement().executeQuery("SELECT region_id FROM snap_basket_rule_set "
                     + "WHERE snapshot_id = " + CURRENT + " ORDER BY region_id")) {
            while (r.next()) {
                sets.add(r.getShort(1));
            }
        }
        return sets;
    }
}
