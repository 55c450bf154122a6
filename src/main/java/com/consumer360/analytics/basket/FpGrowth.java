package com.consumer360.analytics.basket;

/**
 * FP-Growth (Han, Pei and Yin 2000): all itemsets of at most {@code maxLength} items with count ≥ min count, found
 * by mining the conditional FP-tree of every frequent prefix; stops at {@code limit} itemsets.
 */
final class FpGrowth {

    /** Signals the itemset limit; carries no stack trace because it is control flow, not an error. */
    static final class LimitReached extends RuntimeException {
        LimitReached() {
            super("itemset limit reached", null, false, false);
        }
    }

    private final int minCount;
    private final int maxLength;
    private final int limit;
    private final ItemsetStore found = new ItemsetStore();
    /** The current prefix in descending rank order. */
    private final int[] prefix;
    /** Per rank: count within the conditional pattern base being built; zero between builds. */
    private final int[] baseCount;
    /** Ranks whose baseCount is non-zero, so resetting costs the pattern base's size, not all ranks. */
    private final int[] touched;
    private int[] path = new int[64];
    /** Conditional trees by depth, reused: mining is depth-first, so a depth's tree is done with before the next. */
    private final FpTree[] conditionals;
    /** Set by {@link #countPatternBase}: the longest prefix path and the summed length of all of them. */
    private int longestPath;
    private long pathItems;

    private FpGrowth(ItemRanking ranking, int maxLength, int limit) {
        this.minCount = ranking.minCount;
        this.maxLength = maxLength;
        this.limit = limit;
        // An itemset cannot hold more items than there are frequent ones, whatever max length was asked for.
        this.prefix = new int[Math.min(maxLength, ranking.ranks())];
        this.baseCount = new int[ranking.ranks()];
        this.touched = new int[ranking.ranks()];
        this.conditionals = new FpTree[prefix.length + 1];
    }

    /**
     * The frequent itemsets of the ranking's baskets.
     *
     * @throws LimitReached when there are more than {@code limit}
     */
    static ItemsetStore mine(ItemRanking ranking, int maxLength, int limit) {
        FpGrowth growth = new FpGrowth(ranking, maxLength, limit);
        growth.mine(FpTree.of(ranking), 0);
        return growth.found;
    }

    private void mine(FpTree tree, int depth) {
        for (int rank = tree.ranks() - 1; rank >= 0; rank--) {
            int support = tree.support(rank);
            if (support < minCount) {
                continue;
            }
            if (found.size() == limit) {
                throw new LimitReached();
            }
            prefix[depth] = rank;
            found.addDescending(prefix, depth + 1, support);
            if (depth + 2 == maxLength) {
                addLastItems(tree, rank, depth + 1);
            } else if (depth + 1 < maxLength) {
                FpTree conditional = conditionalTree(tree, rank, depth + 1);
                if (conditional != null) {
                    mine(conditional, depth + 1);
                }
            }
        }
    }

    /**
     * At the last level no conditional tree is needed: the counts of the rank's pattern base are the supports
     * of the prefix extended by each of its ranks, so the frequent ones are recorded directly. Building and
     * mining a tree only to read those counts back was most of the mining time with long baskets.
     */
    private void addLastItems(FpTree tree, int rank, int depth) {
        int touchedCount = countPatternBase(tree, rank);
        java.util.Arrays.sort(touched, 0, touchedCount);
        for (int i = touchedCount - 1; i >= 0; i--) {
            int r = touched[i];
            if (baseCount[r] >= minCount) {
                if (found.size() == limit) {
                    clear(touchedCount);
                    throw new LimitReached();
                }
                prefix[depth] = r;
                found.addDescending(prefix, depth + 1, baseCount[r]);
            }
        }
        clear(touchedCount);
    }

    /**
     * Sums the rank's prefix paths into baseCount; returns how many ranks it touched (listed in touched) and
     * leaves the longest path and the paths' total length in {@link #longestPath} and {@link #pathItems}.
     */
    private int countPatternBase(FpTree tree, int rank) {
        int touchedCount = 0;
        longestPath = 0;
        pathItems = 0;
        for (int node = tree.firstNode(rank); node >= 0; node = tree.nextNode(node)) {
            int weight = tree.count(node);
            int depth = 0;
            for (int up = tree.parentNode(node); up >= 0; up = tree.parentNode(up)) {
                int r = tree.rank(up);
                if (baseCount[r] == 0) {
                    touched[touchedCount++] = r;
                }
                baseCount[r] += weight;
                depth++;
            }
            longestPath = Math.max(longestPath, depth);
            pathItems += depth;
        }
        return touchedCount;
    }

    private void clear(int touchedCount) {
        for (int i = 0; i < touchedCount; i++) {
            baseCount[touched[i]] = 0;
        }
    }

    /**
     * The tree of the rank's prefix paths restricted to their frequent ranks, or null when none is frequent; it is
     * the reused tree of {@code depth}, valid until the next conditional tree of that depth is built.
     */
    private FpTree conditionalTree(FpTree tree, int rank, int depth) {
        int touchedCount = countPatternBase(tree, rank);
        int maxFrequentRank = -1;
        for (int i = 0; i < touchedCount; i++) {
            if (baseCount[touched[i]] >= minCount) {
                maxFrequentRank = Math.max(maxFrequentRank, touched[i]);
            }
        }
        // Each conditional node stands for a distinct ancestor node (its filtered path from the root), so the
        // tree's size bounds the conditional tree too, however many times shared prefixes are walked.
        int capacity = (int) Math.min(pathItems, tree.size());
        FpTree conditional = maxFrequentRank < 0 ? null
                : buildConditional(tree, rank, maxFrequentRank, capacity, longestPath, depth);
        clear(touchedCount);
        return conditional;
    }

    private FpTree buildConditional(FpTree tree, int rank, int maxFrequentRank, int capacity, int longest,
                                    int depth) {
        if (path.length < longest) {
            path = new int[Math.max(longest, 2 * path.length)];
        }
        if (conditionals[depth] == null) {
            conditionals[depth] = new FpTree(maxFrequentRank + 1, capacity);
        } else {
            conditionals[depth].reset(maxFrequentRank + 1, capacity);
        }
        FpTree conditional = conditionals[depth];
        for (int node = tree.firstNode(rank); node >= 0; node = tree.nextNode(node)) {
            // Walking up yields descending ranks; fill the path from its end so it reads ascending.
            int length = 0;
            for (int up = tree.parentNode(node); up >= 0; up = tree.parentNode(up)) {
                if (baseCount[tree.rank(up)] >= minCount) {
                    length++;
                }
            }
            int at = length;
            for (int up = tree.parentNode(node); up >= 0; up = tree.parentNode(up)) {
                int r = tree.rank(up);
                if (baseCount[r] >= minCount) {
                    path[--at] = r;
                }
            }
            if (length > 0) {
                conditional.insert(path, length, tree.count(node));
            }
        }
        return conditional;
    }
}
