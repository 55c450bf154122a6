package com.consumer360.analytics.basket;

import java.util.Arrays;

/**
 * An FP-tree (Han, Pei and Yin 2000) in parallel int arrays rather than node objects: a conditional tree is built
 * for every frequent itemset, so allocation and pointer chasing dominate the run time of an object-based tree.
 * Paths are inserted root first in ascending rank; node 0 is the root.
 */
final class FpTree {

    private static final int NONE = -1;

    private int[] item = new int[0];
    private int[] parent = new int[0];
    private int[] count = new int[0];
    /** Next node of the same item: the header table's node-link chain. */
    private int[] link = new int[0];
    private int[] firstChild = new int[0];
    private int[] nextSibling = new int[0];
    private int size;
    private int ranks;
    /** Per rank: first node of its chain, or NONE. */
    private int[] head = new int[0];
    /** Per rank: summed count of its nodes, the support count of prefix ∪ {rank}. */
    private int[] support = new int[0];

    /**
     * @param ranks    ranks below this may be inserted
     * @param capacity upper bound on the number of inserted items
     */
    FpTree(int ranks, int capacity) {
        reset(ranks, capacity);
    }

    /**
     * Empties the tree for reuse, growing its arrays only when they are too small: FP-Growth builds a conditional
     * tree for every frequent prefix, and allocating (and zeroing) fresh arrays for each was most of the garbage a
     * refresh made.
     */
    void reset(int ranks, int capacity) {
        int nodes = capacity + 1;
        if (item.length < nodes) {
            item = new int[nodes];
            parent = new int[nodes];
            count = new int[nodes];
            link = new int[nodes];
            firstChild = new int[nodes];
            nextSibling = new int[nodes];
        }
        if (head.length < ranks) {
            head = new int[ranks];
            support = new int[ranks];
        }
        this.ranks = ranks;
        Arrays.fill(head, 0, ranks, NONE);
        Arrays.fill(support, 0, ranks, 0);
        item[0] = NONE;
        parent[0] = NONE;
        firstChild[0] = NONE;
        size = 1;
    }

    /**
     * The tree of all ranked baskets. They are inserted in lexicographic order, so a basket shares its longest
     * common prefix with the basket inserted just before it, and every node below that prefix is new: no child
     * has to be searched among its siblings, which on wide catalogues (thousands of first items) dominated the
     * build.
     */
    static FpTree of(ItemRanking ranking) {
        int[][] sorted = ranking.takeRankedBaskets();
        Arrays.sort(sorted, Arrays::compare);
        // Exactly the nodes needed (every rank after the prefix shared with the basket before): sized by the sum of
        // the baskets' lengths instead, the six node arrays were over 200 MB at 10 M lines, mostly never used.
        int capacity = 0;
        int longest = 0;
        int[] before = new int[0];
        for (int[] basket : sorted) {
            int shared = Arrays.mismatch(before, basket);
            capacity += basket.length - (shared < 0 ? basket.length : shared);
            longest = Math.max(longest, basket.length);
            before = basket;
        }
        FpTree tree = new FpTree(ranking.ranks(), capacity);
        int[] pathNodes = new int[longest];
        int[] previous = new int[0];
        for (int i = 0; i < sorted.length; i++) {
            int[] basket = sorted[i];
            sorted[i] = null; // each recoded basket is garbage once in the tree
            int common = Arrays.mismatch(previous, basket);
            if (common < 0) {
                common = basket.length;
            }
            tree.appendSorted(basket, common, pathNodes);
            previous = basket;
        }
        return tree;
    }

    /**
     * Adds one basket whose first {@code common} ranks are the path {@code pathNodes[0..common)} of the basket
     * added before it, which sorts no later; the rest of the path does not exist yet.
     */
    private void appendSorted(int[] basket, int common, int[] pathNodes) {
        for (int i = 0; i < common; i++) {
            count[pathNodes[i]]++;
            support[basket[i]]++;
        }
        int node = common == 0 ? 0 : pathNodes[common - 1];
        for (int i = common; i < basket.length; i++) {
            int child = newChild(node, basket[i]);
            count[child] = 1;
            support[basket[i]]++;
            pathNodes[i] = child;
            node = child;
        }
    }

    /** Adds {@code weight} baskets holding {@code path[0..length)}, ranks ascending. */
    void insert(int[] path, int length, int weight) {
        int node = 0;
        for (int i = 0; i < length; i++) {
            int rank = path[i];
            int child = firstChild[node];
            while (child != NONE && item[child] != rank) {
                child = nextSibling[child];
            }
            if (child == NONE) {
                child = newChild(node, rank);
            }
            count[child] += weight;
            support[rank] += weight;
            node = child;
        }
    }

    /** A new node of {@code rank} under {@code node}, linked into the rank's chain, with count 0. */
    private int newChild(int node, int rank) {
        int child = size++;
        item[child] = rank;
        parent[child] = node;
        count[child] = 0;
        firstChild[child] = NONE;
        nextSibling[child] = firstChild[node];
        firstChild[node] = child;
        link[child] = head[rank];
        head[rank] = child;
        return child;
    }

    /** Number of nodes, the root included. */
    int size() {
        return size;
    }

    int ranks() {
        return ranks;
    }

    int support(int rank) {
        return support[rank];
    }

    /** First node of the rank's chain, or a negative number when the rank has no node. */
    int firstNode(int rank) {
        return head[rank];
    }

    /** Next node of the same rank, or a negative number at the end of the chain. */
    int nextNode(int node) {
        return link[node];
    }

    int count(int node) {
        return count[node];
    }

    int rank(int node) {
        return item[node];
    }

    /** Parent node, or a negative number when the parent is the root. */
    int parentNode(int node) {
        int p = parent[node];
        return p == 0 ? NONE : p;
    }
}
