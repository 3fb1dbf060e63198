package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Row;

/**
 * What the API's recommender holds in memory, read from the graph at one moment, and every customer's best
 * {@link #PRECOMPUTED} products ranked ahead from it: every customer's purchases and returns, the BOUGHT_WITH rules
 * (by the product on either side), each customer's SIMILAR customers and popularity group, and the groups' most
 * bought products. Products and customers are numbered, so a customer costs a few small arrays instead of maps of
 * strings (the figure per customer is in docs/recommendations.md).
 *
 * <p>A list holds product numbers only; its reasons are put into words when it is served ({@link #explain}), from
 * the same data, so they are exactly those {@link Blend} gives when it ranks the same evidence (tested), at the
 * cost of the few products shown rather than of every candidate.
 */
final class RecommendationSnapshot {

    /** How many products are ranked ahead per customer: more than a page or widget shows. */
    static final int PRECOMPUTED = 20;

    static final int[] NONE = new int[0];
    static final double[] NO_SCORES = new double[0];

    /** A popularity group: its label, and its most bought products with the share of its customers who bought each. */
    record Group(String label, int[] products, double[] shares) {

        double topShare() {
            return products.length == 0 ? 1 : shares[0];
        }

        /** The share who bought the product, or 0 when it is not among the group's most bought. */
        double shareOf(int product) {
            for (int i = 0; i < products.length; i++) {
                if (products[i] == product) {
                    return shares[i];
                }
            }
            return 0;
        }
    }

    /**
     * One customer as the ranking sees it: what it owns (ascending), what it bought since the snapshot was read
     * (ascending, possibly empty), what it returned (ascending), its similar customers with their scores, best first,
     * and its group.
     */
    record View(int[] owned, int[] placed, int[] returned, int[] neighbours, double[] scores, int group) {

        boolean owns(int product) {
            return Arrays.binarySearch(owned, product) >= 0 || Arrays.binarySearch(placed, product) >= 0;
        }
    }

    /**
     * What {@code customer-context.cypher} reads for one customer: its country and current segment (either may be
     * null) and its SIMILAR customers, best first, with their scores.
     */
    record Context(String country, String segmentId, List<String> neighbourIds, List<Double> scores) {

        static Context of(Row row) {
            List<String> ids = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Row n : row.rows("neighbours")) {
                String id = n.string("customerId");
                if (id != null) {
                    ids.add(id);
                    scores.add(n.doubleOrNull("score"));
                }
            }
            return new Context(row.string("country"), row.string("segmentId"), List.copyOf(ids),
                    java.util.Collections.unmodifiableList(scores));
        }
    }

    final long readStartedNanos;
    private final RecommendationWeights weights;
    private final String[] productIds;
    private final Map<String, Integer> productPositions;
    private final String[] names;
    private final boolean[] sold;
    /** Each product's rank by id, so that ties are broken by the smaller id without comparing strings. */
    private final int[] idRank;
    private final String[] customerIds;
    private final Map<String, Integer> customerPositions;
    private final int[][] owned;
    private final int[][] returned;
    private final int[][] neighbours;
    private final double[][] neighbourScores;
    private final int[] groupOf;
    private final Group[] groups;
    /** The prior's groups, by identity, to their numbers; number 0 is "all customers". */
    private final Map<PopularityPrior.Group, Integer> groupPositions;
    private final PopularityPrior prior;
    private final int[][] ruleTargets;
    private final double[][] ruleTargetConfidence;
    private final int[][] ruleSources;
    private final double[][] ruleSourceConfidence;
    private final double[][] ruleSourceLift;
    private final int[][] lists;
    private final ThreadLocal<Scratch> scratch;
    /** How long reading took, before ranking began (for the log: which of the two a refresh spends its time on). */
    private long readNanos;

    private RecommendationSnapshot(SnapshotBuilder b, RecommendationWeights weights) {
        this.readStartedNanos = b.readStartedNanos;
        this.weights = weights;
        this.productIds = b.productIds.toArray(String[]::new);
        this.productPositions = b.productPositions;
        this.names = new String[productIds.length];
        this.sold = new boolean[productIds.length];
        for (int p = 0; p < productIds.length; p++) {
            sold[p] = b.prior.sold(productIds[p]);
            names[p] = sold[p] ? b.prior.name(productIds[p]) : b.ruleNames.get(productIds[p]);
        }
        Integer[] byId = new Integer[productIds.length];
        Arrays.setAll(byId, p -> p);
        Arrays.sort(byId, (x, y) -> productIds[x].compareTo(productIds[y]));
        this.idRank = new int[productIds.length];
        for (int r = 0; r < byId.length; r++) {
            idRank[byId[r]] = r;
        }
        this.customerIds = b.customerIds.toArray(String[]::new);
        this.customerPositions = b.customerPositions;
        this.owned = b.owned.toArray(int[][]::new);
        this.returned = b.returned.toArray(int[][]::new);
        this.neighbours = b.neighbours.toArray(int[][]::new);
        this.neighbourScores = b.neighbourScores.toArray(double[][]::new);
        this.groupOf = Arrays.copyOf(b.groupOf, b.customerIds.size());
        this.groups = b.groups.toArray(Group[]::new);
        this.groupPositions = b.groupPositions;
        this.prior = b.prior;
        int products = productIds.length;
        this.ruleTargets = new int[products][];
        this.ruleTargetConfidence = new double[products][];
        this.ruleSources = new int[products][];
        this.ruleSourceConfidence = new double[products][];
        this.ruleSourceLift = new double[products][];
        b.fillRules(ruleTargets, ruleTargetConfidence, ruleSources, ruleSourceConfidence, ruleSourceLift);
        this.lists = new int[customerIds.length][];
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(products));
    }

    /**
     * Reads everything from the graph ({@code similarity/purchases}, {@code all-bought-with},
     * {@code all-customer-contexts} and the popularity prior) and ranks every customer's list on {@code threads}
     * threads; {@code done} hears how many customers are ranked, for progress.
     */
    static RecommendationSnapshot read(Graph graph, RecommendationWeights weights, int threads, IntConsumer done) {
        long started = System.nanoTime();
        Map<String, List<String>> returnedById = new HashMap<>();
        PurchaseMatrix purchases = SimilarCustomers.project(graph, returnedById);
        SnapshotBuilder b = new SnapshotBuilder(started, purchases);
        returnedById.forEach((id, products) -> b.returned(b.customer(id), products));
        for (Row row : graph.rows("recommend/all-bought-with", Map.of())) {
            b.rule(row.string("from"), row.string("fromName"), row.string("productId"), row.doubleOrNull("confidence"),
                    row.doubleOrNull("lift"));
        }
        graph.inReadTransaction(tx -> tx.readEach("recommend/all-customer-contexts",
                Map.of("neighbours", Recommender.NEIGHBOURS), row -> b.context(row)));
        b.groups(b.prior(graph, purchases));
        RecommendationSnapshot snapshot = new RecommendationSnapshot(b, weights);
        snapshot.readNanos = System.nanoTime() - started;
        snapshot.rankAll(purchases, threads, done);
        return snapshot;
    }

    long readNanos() {
        return readNanos;
    }

    /** The customer's number, or -1 when the snapshot does not know it. */
    int customer(String customerId) {
        Integer c = customerPositions.get(customerId);
        return c == null ? -1 : c;
    }

    int customers() {
        return customerIds.length;
    }

    String customerId(int customer) {
        return customerIds[customer];
    }

    /** The ids of the products that some customer's list ranked ahead holds, in no order. */
    java.util.Set<String> rankedProducts() {
        boolean[] seen = new boolean[productIds.length];
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int[] list : lists) {
            for (int p : list) {
                if (!seen[p]) {
                    seen[p] = true;
                    ids.add(productIds[p]);
                }
            }
        }
        return ids;
    }

    /** The customer's list ranked ahead, best first (at most {@link #PRECOMPUTED}). */
    int[] list(int customer) {
        return lists[customer];
    }

    /** The customer as it was read. */
    View view(int customer) {
        return new View(owned[customer], NONE, returned[customer], neighbours[customer], neighbourScores[customer],
                groupOf[customer]);
    }

    /** The customer as it was read, with products bought since (ids the snapshot does not know are left out). */
    View withPlaced(View view, java.util.Collection<String> placedIds) {
        int[] placed = placedIds.stream().map(productPositions::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sorted().distinct().toArray();
        return new View(view.owned(), placed, view.returned(), view.neighbours(), view.scores(), view.group());
    }

    /**
     * A customer from what was read about it live: its country and segment, its SIMILAR customers (ids and scores,
     * best first), and what it owns, all by id; neighbours the snapshot does not know count with no purchases.
     */
    View live(int customer, Context context, java.util.Collection<String> placed) {
        int[] ownedNow = customer < 0 ? NONE : owned[customer];
        int[] returnedNow = customer < 0 ? NONE : returned[customer];
        int[] ids = new int[context.neighbourIds().size()];
        double[] scores = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Integer n = customerPositions.get(context.neighbourIds().get(i));
            ids[i] = n == null ? -1 : n;
            scores[i] = context.scores().get(i);
        }
        View view = new View(ownedNow, NONE, returnedNow, ids, scores, group(context.segmentId(), context.country()));
        return placed == null ? view : withPlaced(view, placed);
    }

    /** Whether the view's similar customers name one of these customers. */
    boolean namesAny(int customer, java.util.Set<Integer> customers) {
        for (int n : neighbours[customer]) {
            if (customers.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The customer's best {@code k} products, as product numbers, best first: the blend of {@link Blend} over
     * primitive arrays, with the same arithmetic in the same order, so the scores are equal to the last bit.
     */
    int[] rank(View view, int k) {
        Scratch s = scratch.get();
        double totalSimilarity = 0;
        for (int i = 0; i < view.neighbours().length; i++) {
            double score = view.scores()[i];
            totalSimilarity += score;
            int n = view.neighbours()[i];
            if (n < 0) {
                continue;
            }
            for (int p : owned[n]) {
                s.touch(p);
                s.neighbourWeight[p] += score;
            }
        }
        addRules(view.owned(), s);
        addRules(view.placed(), s);
        Group group = groups[view.group()];
        double topShare = group.topShare();
        for (int i = 0; i < group.products().length; i++) {
            int p = group.products()[i];
            s.touch(p);
            s.popularity[p] = group.shares()[i] / topShare;
        }
        double weightSum = weights.similarCustomers() + weights.boughtWith() + weights.popularity();
        int kept = 0;
        int[] best = new int[k];
        double[] bestScores = new double[k];
        for (int t = 0; t < s.touched; t++) {
            int p = s.touchedProducts[t];
            if (!view.owns(p) && Arrays.binarySearch(view.returned(), p) < 0 && sold[p]) {
                double cf = totalSimilarity > 0 ? s.neighbourWeight[p] / totalSimilarity : 0;
                double score = (weights.similarCustomers() * cf + weights.boughtWith() * s.bestConfidence[p]
                        + weights.popularity() * s.popularity[p]) / weightSum;
                if (score > 0) {
                    kept = insert(best, bestScores, kept, p, score);
                }
            }
            s.clear(p);
        }
        s.touched = 0;
        return Arrays.copyOf(best, kept);
    }

    private void addRules(int[] products, Scratch s) {
        for (int from : products) {
            int[] targets = ruleTargets[from];
            if (targets == null) {
                continue;
            }
            for (int i = 0; i < targets.length; i++) {
                int p = targets[i];
                s.touch(p);
                s.bestConfidence[p] = Math.max(s.bestConfidence[p], ruleTargetConfidence[from][i]);
            }
        }
    }

    /** Keeps the best products in score order (ties: smaller id first) in a bounded sorted array. */
    private int insert(int[] best, double[] scores, int kept, int product, double score) {
        int at = kept;
        while (at > 0 && better(product, score, best[at - 1], scores[at - 1])) {
            at--;
        }
        if (at >= best.length) {
            return kept;
        }
        int moved = Math.min(kept, best.length - 1) - at;
        System.arraycopy(best, at, best, at + 1, moved);
        System.arraycopy(scores, at, scores, at + 1, moved);
        best[at] = product;
        scores[at] = score;
        return Math.min(kept + 1, best.length);
    }

    private boolean better(int product, double score, int other, double otherScore) {
        return score > otherScore || (score == otherScore && idRank[product] < idRank[other]);
    }

    /** The first {@code k} products of a list, with their scores and reasons in words. */
    List<Recommendation> explain(View view, int[] list, int k) {
        double totalSimilarity = 0;
        for (double score : view.scores()) {
            totalSimilarity += score;
        }
        Group group = groups[view.group()];
        double weightSum = weights.similarCustomers() + weights.boughtWith() + weights.popularity();
        List<Recommendation> explained = new ArrayList<>(Math.min(k, list.length));
        for (int i = 0; i < Math.min(k, list.length); i++) {
            int p = list[i];
            double neighbourWeight = 0;
            List<Evidence.Neighbour> boughtBy = new ArrayList<>();
            for (int j = 0; j < view.neighbours().length; j++) {
                int n = view.neighbours()[j];
                if (n >= 0 && Arrays.binarySearch(owned[n], p) >= 0) {
                    neighbourWeight += view.scores()[j];
                    boughtBy.add(new Evidence.Neighbour(customerIds[n], null, view.scores()[j], List.of()));
                }
            }
            List<Evidence.RuleFrom> rules = new ArrayList<>();
            double bestConfidence = 0;
            int[] sources = ruleSources[p];
            for (int j = 0; sources != null && j < sources.length; j++) {
                if (view.owns(sources[j])) {
                    rules.add(new Evidence.RuleFrom(productIds[sources[j]], names[sources[j]], productIds[p],
                            ruleSourceConfidence[p][j], ruleSourceLift[p][j]));
                    bestConfidence = Math.max(bestConfidence, ruleSourceConfidence[p][j]);
                }
            }
            double share = group.shareOf(p);
            double popularity = share / group.topShare();
            double cf = totalSimilarity > 0 ? neighbourWeight / totalSimilarity : 0;
            double score = (weights.similarCustomers() * cf + weights.boughtWith() * bestConfidence
                    + weights.popularity() * popularity) / weightSum;
            explained.add(Blend.recommendation(productIds[p], names[p], score, cf, bestConfidence, popularity, share,
                    boughtBy, view.neighbours().length, rules, weights, group.label()));
        }
        return List.copyOf(explained);
    }

    /** The group a customer falls back on (as {@link PopularityPrior#groupFor}). */
    private int group(String segmentId, String country) {
        return groupPositions.getOrDefault(prior.groupFor(segmentId, country), 0);
    }

    /** Ranks every customer's list; customers no SIMILAR covers get their neighbours from the purchases now. */
    private void rankAll(PurchaseMatrix purchases, int threads, IntConsumer done) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Map<Integer, int[]> byGroupWithoutEvidence = new java.util.concurrent.ConcurrentHashMap<>();
        Runnable worker = () -> {
            PurchaseMatrix.Scratch scratch = purchases.scratch();
            for (int c = next.getAndIncrement(); c < customerIds.length; c = next.getAndIncrement()) {
                if (neighbours[c].length == 0 && owned[c].length > 0 && c < purchases.customers()) {
                    PurchaseMatrix.Neighbours found = purchases.topKOf(c, Recommender.NEIGHBOURS,
                            SimilarityMeasure.COSINE, scratch);
                    neighbours[c] = found.customers();
                    neighbourScores[c] = found.scores();
                }
                View view = view(c);
                if (view.neighbours().length == 0 && view.owned().length == 0 && view.returned().length == 0) {
                    // No evidence of its own: the group's list, shared by every such customer of the group.
                    lists[c] = byGroupWithoutEvidence.computeIfAbsent(view.group(), g -> rank(view, PRECOMPUTED));
                } else {
                    lists[c] = rank(view, PRECOMPUTED);
                }
                int count = finished.incrementAndGet();
                if (count % 10_000 == 0 || count == customerIds.length) {
                    done.accept(count);
                }
            }
        };
        Workers.run(threads, "recommend-rank", worker);
    }

    /** Per-thread working arrays over all products, cleared product by product after each ranking. */
    private static final class Scratch {
        final double[] neighbourWeight;
        final double[] bestConfidence;
        final double[] popularity;
        final boolean[] seen;
        final int[] touchedProducts;
        int touched;

        Scratch(int products) {
            neighbourWeight = new double[products];
            bestConfidence = new double[products];
            popularity = new double[products];
            seen = new boolean[products];
            touchedProducts = new int[products];
        }

        void touch(int p) {
            if (!seen[p]) {
                seen[p] = true;
                touchedProducts[touched++] = p;
            }
        }

        void clear(int p) {
            neighbourWeight[p] = 0;
            bestConfidence[p] = 0;
            popularity[p] = 0;
            seen[p] = false;
        }
    }
}
