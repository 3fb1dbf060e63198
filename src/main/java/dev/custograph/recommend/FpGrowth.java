package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frequent itemsets by FP-Growth (Han, Pei and Yin, 2000): the baskets are compressed into a prefix tree ordered by
 * item frequency, and itemsets are grown from each item's conditional tree, never enumerating candidates. Items are
 * small integers (positions in the caller's item list); a basket must not repeat an item.
 */
public final class FpGrowth {

    /** A frequent itemset: its items in ascending order and the number of baskets holding all of them. */
    public record Itemset(int[] items, int count) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Itemset other && count == other.count && Arrays.equals(items, other.items);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(items) + count;
        }

        @Override
        public String toString() {
            return Arrays.toString(items) + "x" + count;
        }
    }

    private FpGrowth() {
    }

    /**
     * Every itemset of 1 to {@code maxLength} items held by at least {@code minCount} baskets.
     *
     * @param baskets   each basket's distinct items, each in [0, itemCount)
     * @param itemCount how many distinct items there can be
     */
    public static List<Itemset> mine(List<int[]> baskets, int itemCount, int minCount, int maxLength) {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        int[] counts = new int[itemCount];
        for (int[] basket : baskets) {
            for (int item : basket) {
                counts[item]++;
            }
        }
        // Most frequent first, so that baskets share long prefixes; ties by item for a deterministic tree.
        Integer[] order = new Integer[itemCount];
        for (int i = 0; i < itemCount; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        int frequent = 0;
        while (frequent < itemCount && counts[order[frequent]] >= minCount) {
            frequent++;
        }
        int[] itemOfRank = new int[frequent];
        int[] rankOfItem = new int[itemCount];
        Arrays.fill(rankOfItem, -1);
        for (int r = 0; r < frequent; r++) {
            itemOfRank[r] = order[r];
            rankOfItem[order[r]] = r;
        }
        Tree tree = new Tree(frequent);
        int[] path = new int[frequent];
        for (int[] basket : baskets) {
            int length = 0;
            for (int item : basket) {
                if (rankOfItem[item] >= 0) {
                    path[length++] = rankOfItem[item];
                }
            }
            Arrays.sort(path, 0, length);
            tree.insert(path, length, 1);
        }
        List<Itemset> found = new ArrayList<>();
        grow(tree, new int[0], minCount, maxLength, itemOfRank, found);
        return found;
    }

    /** Emits each frequent rank of the tree joined to the suffix, then mines its conditional tree. */
    private static void grow(Tree tree, int[] suffix, int minCount, int maxLength, int[] itemOfRank,
                             List<Itemset> found) {
        int[] path = new int[tree.ranks];
        for (int rank = tree.ranks - 1; rank >= 0; rank--) {
            if (tree.counts[rank] < minCount) {
                continue;
            }
            int[] itemset = Arrays.copyOf(suffix, suffix.length + 1);
            itemset[suffix.length] = rank;
            found.add(new Itemset(sortedItems(itemset, itemOfRank), tree.counts[rank]));
            if (itemset.length >= maxLength) {
                continue;
            }
            // The conditional pattern base: every path from the root to a node of this rank, weighted by its count.
            Tree conditional = new Tree(rank);
            int[] baseCounts = new int[rank];
            for (Node node = tree.heads[rank]; node != null; node = node.nextOfRank) {
                for (Node up = node.parent; up.rank >= 0; up = up.parent) {
                    baseCounts[up.rank] += node.count;
                }
            }
            boolean any = false;
            for (int c : baseCounts) {
                any |= c >= minCount;
            }
            if (!any) {
                continue;
            }
            for (Node node = tree.heads[rank]; node != null; node = node.nextOfRank) {
                int length = 0;
                for (Node up = node.parent; up.rank >= 0; up = up.parent) {
                    if (baseCounts[up.rank] >= minCount) {
                        path[length++] = up.rank;
                    }
                }
                reverse(path, length);
                conditional.insert(path, length, node.count);
            }
            grow(conditional, itemset, minCount, maxLength, itemOfRank, found);
        }
    }

    private static int[] sortedItems(int[] ranks, int[] itemOfRank) {
        int[] items = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            items[i] = itemOfRank[ranks[i]];
        }
        Arrays.sort(items);
        return items;
    }

    private static void reverse(int[] a, int length) {
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** An FP-tree over ranks 0..ranks-1 (0 = most frequent): counts per rank and a chain of each rank's nodes. */
    private static final class Tree {
        final int ranks;
        final Node root = new Node(-1, null);
        final Node[] heads;
        final int[] counts;

        Tree(int ranks) {
            this.ranks = ranks;
            this.heads = new Node[ranks];
            this.counts = new int[ranks];
        }

        /** Adds a path of ascending ranks with a weight. */
        void insert(int[] path, int length, int weight) {
            Node node = root;
            for (int i = 0; i < length; i++) {
                int rank = path[i];
                Node child = node.firstChild;
                while (child != null && child.rank != rank) {
                    child = child.nextSibling;
                }
                if (child == null) {
                    child = new Node(rank, node);
                    child.nextSibling = node.firstChild;
                    node.firstChild = child;
                    child.nextOfRank = heads[rank];
                    heads[rank] = child;
                }
                child.count += weight;
                counts[rank] += weight;
                node = child;
            }
        }
    }

    private static final class Node {
        final int rank;
        final Node parent;
        int count;
        Node firstChild;
        Node nextSibling;
        Node nextOfRank;

        Node(int rank, Node parent) {
            this.rank = rank;
            this.parent = parent;
        }
    }
}
