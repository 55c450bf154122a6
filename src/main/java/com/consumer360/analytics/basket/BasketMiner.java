package com.consumer360.analytics.basket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mines frequent itemsets and association rules from baskets, overall and per region, with fixed thresholds. */
public final class BasketMiner {

    private final MiningParameters parameters;

    public BasketMiner(MiningParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The rules of the baskets, ordered by lift.
     *
     * @throws MiningLimitExceededException when the thresholds give more itemsets or rules than the limits
     */
    public BasketRules rules(Baskets baskets) {
        ItemRanking ranking = ItemRanking.of(baskets, parameters.minCount(baskets.size()));
        ItemsetStore itemsets = itemsets(baskets, ranking);
        List<AssociationRule> rules = new RuleGenerator(itemsets, ranking, baskets.itemLabels(), parameters).rules();
        return new BasketRules(parameters, baskets.size(), itemsets.size(), rules);
    }

    /**
     * The rules of all baskets and of each region's; {@code regionOfBasket.get(i)} is basket i's region.
     *
     * @throws MiningLimitExceededException naming the region whose baskets hit a limit
     */
    public RegionalBasketRules rulesOverallAndByRegion(Baskets baskets, List<String> regionOfBasket) {
        if (regionOfBasket.size() != baskets.size()) {
            throw new IllegalArgumentException(regionOfBasket.size() + " regions for " + baskets.size() + " baskets");
        }
        // Each region's basket indexes as an int array: boxed in lists they were 2 M Integers at 10 M lines.
        Map<String, int[]> counts = new HashMap<>();
        for (int b = 0; b < baskets.size(); b++) {
            counts.computeIfAbsent(regionOfBasket.get(b), r -> new int[1])[0]++;
        }
        Map<String, int[]> indexes = new HashMap<>();
        counts.forEach((region, count) -> indexes.put(region, new int[count[0]]));
        counts.values().forEach(count -> count[0] = 0);
        for (int b = 0; b < baskets.size(); b++) {
            String region = regionOfBasket.get(b);
            indexes.get(region)[counts.get(region)[0]++] = b;
        }
        // The scopes are independent: they are mined in parallel (the common pool), and a failure is rethrown
        // here as it was raised, so its message still names the scope.
        List<String> scopes = new ArrayList<>(new TreeMap<>(indexes).keySet());
        scopes.addFirst(null);
        List<Object> results = scopes.parallelStream().map(region -> {
            try {
                return (Object) (region == null ? withScope("all regions", baskets) : withScope("region " + region,
                        baskets.select(indexes.get(region))));
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        for (Object result : results) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
        }
        TreeMap<String, BasketRules> byRegion = new TreeMap<>();
        for (int i = 1; i < scopes.size(); i++) {
            byRegion.put(scopes.get(i), (BasketRules) results.get(i));
        }
        return new RegionalBasketRules((BasketRules) results.getFirst(), byRegion);
    }

    /** The frequent itemsets, single items included, by descending count, then size, then labels. */
    public List<FrequentItemset> frequentItemsets(Baskets baskets) {
        ItemRanking ranking = ItemRanking.of(baskets, parameters.minCount(baskets.size()));
        ItemsetStore store = itemsets(baskets, ranking);
        List<FrequentItemset> result = new ArrayList<>(store.size());
        for (int set = 0; set < store.size(); set++) {
            List<String> items = new ArrayList<>(store.length(set));
            for (int i = 0; i < store.length(set); i++) {
                items.add(baskets.itemLabels().get(ranking.itemOfRank[store.rank(set, i)]));
            }
            items.sort(null);
            result.add(new FrequentItemset(items, store.count(set), (double) store.count(set) / baskets.size()));
        }
        result.sort(Comparator.comparingInt(FrequentItemset::count).reversed()
                .thenComparingInt(set -> set.items().size())
                .thenComparing(FrequentItemset::items, RuleGenerator::compareLabels));
        return result;
    }

    private ItemsetStore itemsets(Baskets baskets, ItemRanking ranking) {
        try {
            return FpGrowth.mine(ranking, parameters.maxLength(), parameters.maxItemsets());
        } catch (FpGrowth.LimitReached tooMany) {
            throw ThresholdAdvisor.tooManyItemsets(baskets, parameters);
        }
    }

    private BasketRules withScope(String scope, Baskets baskets) {
        try {
            return rules(baskets);
        } catch (MiningLimitExceededException e) {
            throw e.in(scope);
        }
    }
}
