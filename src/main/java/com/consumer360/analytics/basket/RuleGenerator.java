package com.consumer360.analytics.basket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Rules with one consequent item and a non-empty antecedent (the arules convention) from frequent itemsets: every
 * subset of a frequent itemset is frequent too, so each antecedent's count is found in the store.
 */
final class RuleGenerator {

    /** Lift, support and confidence descending, then labels, so equal inputs always print in the same order. */
    static final Comparator<AssociationRule> ORDER = Comparator
            .comparingDouble(AssociationRule::lift).reversed()
            .thenComparing(Comparator.comparingInt(AssociationRule::count).reversed())
            .thenComparing(Comparator.comparingDouble(AssociationRule::confidence).reversed())
            .thenComparing(AssociationRule::antecedent, RuleGenerator::compareLabels)
            .thenComparing(AssociationRule::consequent);

    private interface RuleVisitor {
        void visit(int itemset, int consequentPosition, int antecedentCount);
    }

    private final ItemsetStore itemsets;
    private final ItemRanking ranking;
    private final List<String> labels;
    private final MiningParameters parameters;

    RuleGenerator(ItemsetStore itemsets, ItemRanking ranking, List<String> labels, MiningParameters parameters) {
        this.itemsets = itemsets;
        this.ranking = ranking;
        this.labels = labels;
        this.parameters = parameters;
    }

    /** The ordered rules; throws when there are more than the rule limit, before materialising any. */
    List<AssociationRule> rules() {
        int[] passing = {0};
        visit((itemset, position, antecedentCount) -> passing[0]++);
        if (passing[0] > parameters.maxRules()) {
            throw tooManyRules(passing[0]);
        }
        List<AssociationRule> rules = new ArrayList<>(passing[0]);
        visit((itemset, position, antecedentCount) -> rules.add(rule(itemset, position, antecedentCount)));
        rules.sort(ORDER);
        return rules;
    }

    private void visit(RuleVisitor visitor) {
        int[] antecedent = new int[ranking.ranks()];
        for (int set = 0; set < itemsets.size(); set++) {
            int length = itemsets.length(set);
            int count = itemsets.count(set);
            for (int consequent = 0; length > 1 && consequent < length; consequent++) {
                int n = 0;
                for (int i = 0; i < length; i++) {
                    if (i != consequent) {
                        antecedent[n++] = itemsets.rank(set, i);
                    }
                }
                int antecedentCount = itemsets.countOf(antecedent, n);
                if ((double) count / antecedentCount >= parameters.minConfidence()) {
                    visitor.visit(set, consequent, antecedentCount);
                }
            }
        }
    }

    private AssociationRule rule(int itemset, int consequentPosition, int antecedentCount) {
        long n = ranking.baskets;
        long count = itemsets.count(itemset);
        int consequentRank = itemsets.rank(itemset, consequentPosition);
        long consequentCount = ranking.countOfRank[consequentRank];
        List<String> antecedent = new ArrayList<>(itemsets.length(itemset) - 1);
        for (int i = 0; i < itemsets.length(itemset); i++) {
            if (i != consequentPosition) {
                antecedent.add(label(itemsets.rank(itemset, i)));
            }
        }
        antecedent.sort(null);
        // Products of counts are exact in doubles below 2^53, so each measure is rounded once, at its division.
        double lift = (double) (count * n) / ((double) antecedentCount * consequentCount);
        double leverage = ((double) count * n - (double) antecedentCount * consequentCount) / ((double) n * n);
        Double conviction = count == antecedentCount ? null
                : (double) (n - consequentCount) * antecedentCount / ((double) n * (antecedentCount - count));
        return new AssociationRule(antecedent, label(consequentRank), (int) count, (double) count / n,
                (double) count / antecedentCount, lift, leverage, conviction);
    }

    private String label(int rank) {
        return labels.get(ranking.itemOfRank[rank]);
    }

    private MiningLimitExceededException tooManyRules(int passing) {
        double[] confidences = new double[passing];
        int[] next = {0};
        visit((itemset, position, antecedentCount) ->
                confidences[next[0]++] = (double) itemsets.count(itemset) / antecedentCount);
        Arrays.sort(confidences);
        // Every rule at or below the (limit + 1)-th highest confidence must go.
        double cut = confidences[passing - 1 - parameters.maxRules()];
        double suggestion = (Math.floor(cut * 1000) + 1) / 1000;
        String prefix = String.format("min confidence %s gives %,d rules, more than the limit of %,d; ",
                MiningParameters.plain(parameters.minConfidence()), passing, parameters.maxRules());
        if (suggestion > 1) {
            return new MiningLimitExceededException(prefix + "too many rules have confidence 1: raise min support "
                    + "or lower max length", OptionalDouble.empty(), OptionalDouble.empty());
        }
        return new MiningLimitExceededException(
                prefix + "try min confidence " + MiningParameters.plain(suggestion) + " or higher",
                OptionalDouble.empty(), OptionalDouble.of(suggestion));
    }

    /** Lexicographic order of sorted label lists, a shorter list first when it is a prefix of the other. */
    static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
