package com.consumer360.analytics.basket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The textbook definitions applied literally: every subset of the items is counted by scanning all baskets.
 * Exponential, so only for a handful of items; it shares no code with the engine.
 */
final class BruteForceMiner {

    /** A rule's identity: antecedent and consequent. */
    record RuleKey(Set<String> antecedent, String consequent) {
    }

    /** A rule's measures as the definitions state them, in terms of supports. */
    record Measures(int count, double support, double confidence, double lift, double leverage, Double conviction) {
    }

    private final List<Set<String>> baskets;
    private final List<String> items;

    BruteForceMiner(List<List<String>> baskets) {
        this.baskets = baskets.stream().<Set<String>>map(HashSet::new).toList();
        this.items = List.copyOf(new TreeSet<>(baskets.stream().flatMap(List::stream).toList()));
        if (items.size() > 20) {
            throw new IllegalArgumentException("brute force over " + items.size() + " items would not finish");
        }
    }

    Map<Set<String>, Integer> frequentItemsets(double minSupport, int maxLength) {
        Map<Set<String>, Integer> frequent = new HashMap<>();
        for (int mask = 1; mask < 1 << items.size(); mask++) {
            if (Integer.bitCount(mask) > maxLength) {
                continue;
            }
            Set<String> itemset = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    itemset.add(items.get(i));
                }
            }
            int count = count(itemset);
            if ((double) count / baskets.size() >= minSupport) {
                frequent.put(itemset, count);
            }
        }
        return frequent;
    }

    Map<RuleKey, Measures> rules(double minSupport, double minConfidence, int maxLength) {
        double n = baskets.size();
        Map<RuleKey, Measures> rules = new HashMap<>();
        frequentItemsets(minSupport, maxLength).forEach((itemset, count) -> {
            for (String consequent : itemset.size() > 1 ? itemset : Set.<String>of()) {
                Set<String> antecedent = new HashSet<>(itemset);
                antecedent.remove(consequent);
                int antecedentCount = count(antecedent);
                double support = count / n;
                double antecedentSupport = antecedentCount / n;
                double consequentSupport = count(Set.of(consequent)) / n;
                double confidence = support / antecedentSupport;
                // The threshold applies to the ratio of counts rounded once, as the support threshold does, so that
                // a confidence of exactly 1/10 passes a threshold typed as 0.1; support / support rounds twice.
                if ((double) count / antecedentCount >= minConfidence) {
                    rules.put(new RuleKey(antecedent, consequent), new Measures(count, support, confidence,
                            confidence / consequentSupport, support - antecedentSupport * consequentSupport,
                            confidence == 1 ? null : (1 - consequentSupport) / (1 - confidence)));
                }
            }
        });
        return rules;
    }

    private int count(Set<String> itemset) {
        return (int) baskets.stream().filter(basket -> basket.containsAll(itemset)).count();
    }

    static List<RuleKey> keys(List<AssociationRule> rules) {
        List<RuleKey> keys = new ArrayList<>();
        rules.forEach(rule -> keys.add(new RuleKey(Set.copyOf(rule.antecedent()), rule.consequent())));
        return keys;
    }
}
