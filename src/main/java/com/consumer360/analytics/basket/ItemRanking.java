package com.consumer360.analytics.basket;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The frequent items of a set of baskets, ranked by descending count, and every basket recoded as its frequent
 * items' ranks in ascending order: the layout FP-Growth inserts into its tree so that common items share nodes.
 */
final class ItemRanking {

    final int baskets;
    final int minCount;
    /** Item id of each rank; rank 0 is the most frequent item. */
    final int[] itemOfRank;
    /** Count of each rank's item. */
    final int[] countOfRank;
    /** Non-empty recoded baskets: distinct ranks, ascending; null once {@link #takeRankedBaskets() taken}. */
    private int[][] rankedBaskets;

    private ItemRanking(int baskets, int minCount, int[] itemOfRank, int[] countOfRank, int[][] rankedBaskets) {
        this.baskets = baskets;
        this.minCount = minCount;
        this.itemOfRank = itemOfRank;
        this.countOfRank = countOfRank;
        this.rankedBaskets = rankedBaskets;
    }

    static ItemRanking of(Baskets baskets, int minCount) {
        int items = baskets.itemLabels().size();
        int[] counts = new int[items];
        // lastBasket[item] deduplicates an item repeated within one basket without allocating a set per basket.
        int[] lastBasket = new int[items];
        Arrays.fill(lastBasket, -1);
        for (int b = 0; b < baskets.size(); b++) {
            for (int item : baskets.basket(b)) {
                if (lastBasket[item] != b) {
                    lastBasket[item] = b;
                    counts[item]++;
                }
            }
        }
        int[] itemOfRank = IntStream.range(0, items).filter(i -> counts[i] >= minCount).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        int[] rankOfItem = new int[items];
        Arrays.fill(rankOfItem, -1);
        int[] countOfRank = new int[itemOfRank.length];
        for (int r = 0; r < itemOfRank.length; r++) {
            rankOfItem[itemOfRank[r]] = r;
            countOfRank[r] = counts[itemOfRank[r]];
        }
        return new ItemRanking(baskets.size(), minCount, itemOfRank, countOfRank,
                recode(baskets, rankOfItem, lastBasket));
    }

    private static int[][] recode(Baskets baskets, int[] rankOfItem, int[] lastBasket) {
        Arrays.fill(lastBasket, -1);
        int[][] ranked = new int[baskets.size()][];
        int kept = 0;
        int[] buffer = new int[16];
        for (int b = 0; b < baskets.size(); b++) {
            int[] basket = baskets.basket(b);
            if (buffer.length < basket.length) {
                buffer = new int[basket.length];
            }
            int n = 0;
            for (int item : basket) {
                if (rankOfItem[item] >= 0 && lastBasket[item] != b) {
                    lastBasket[item] = b;
                    buffer[n++] = rankOfItem[item];
                }
            }
            if (n > 0) {
                int[] ranks = Arrays.copyOf(buffer, n);
                Arrays.sort(ranks);
                ranked[kept++] = ranks;
            }
        }
        return Arrays.copyOf(ranked, kept);
    }

    /**
     * The recoded baskets, handed over once to the tree built from them: the ranking itself lives on through
     * mining and rule generation, and keeping a copy of every basket that long was about 70 MB at 10 M lines.
     */
    int[][] takeRankedBaskets() {
        int[][] taken = rankedBaskets;
        if (taken == null) {
            throw new IllegalStateException("the ranked baskets were already taken");
        }
        rankedBaskets = null;
        return taken;
    }

    int ranks() {
        return itemOfRank.length;
    }
}
