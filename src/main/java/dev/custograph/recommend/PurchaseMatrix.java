package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Customers by products bought, as sparse rows (customer -> products with units) and columns (product -> buyers), for
 * finding every customer's most similar customers at once: for one customer, walking the buyers of each of its
 * products visits exactly the customers it shares something with, which is the graph traversal of
 * {@code similar-customers.cypher} done for all customers in memory. Rows are kept in product order.
 */
public final class PurchaseMatrix {

    private final List<String> customerIds;
    private final List<String> productIds = new ArrayList<>();
    private final int[][] products;
    private final long[][] units;
    private final int[] sizes;
    private final long[] squares;
    private final int[][] buyers;
    private final long[][] buyerUnits;
    /** Each customer's place in customer id order: ties between equal scores go by it without comparing strings. */
    private final int[] idRank;

    /** One customer's neighbours: positions into the matrix's customers, best first. */
    record Neighbours(int[] customers, double[] scores, int[] shared) {
    }

    /** Builds the matrix from each customer's products and units (units above zero). */
    public PurchaseMatrix(List<String> customerIds, List<List<String>> productsBought, List<List<Long>> unitsBought) {
        this.customerIds = List.copyOf(customerIds);
        Map<String, Integer> productIndex = new HashMap<>();
        int n = customerIds.size();
        products = new int[n][];
        units = new long[n][];
        sizes = new int[n];
        squares = new long[n];
        for (int c = 0; c < n; c++) {
            List<String> bought = productsBought.get(c);
            Integer[] order = IntStream.range(0, bought.size()).boxed().toArray(Integer[]::new);
            int[] ids = new int[bought.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = productIndex.computeIfAbsent(bought.get(i), key -> {
                    productIds.add(key);
                    return productIndex.size();
                });
            }
            Arrays.sort(order, Comparator.comparingInt(i -> ids[i]));
            products[c] = new int[ids.length];
            units[c] = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                products[c][i] = ids[order[i]];
                units[c][i] = unitsBought.get(c).get(order[i]);
                squares[c] += units[c][i] * units[c][i];
            }
            sizes[c] = ids.length;
        }
        int[] counts = new int[productIndex.size()];
        for (int[] row : products) {
            for (int p : row) {
                counts[p]++;
            }
        }
        buyers = new int[counts.length][];
        buyerUnits = new long[counts.length][];
        for (int p = 0; p < counts.length; p++) {
            buyers[p] = new int[counts[p]];
            buyerUnits[p] = new long[counts[p]];
        }
        idRank = new int[n];
        Integer[] byId = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byId, Comparator.comparing(this.customerIds::get));
        for (int rank = 0; rank < n; rank++) {
            idRank[byId[rank]] = rank;
        }
        int[] filled = new int[counts.length];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < products[c].length; i++) {
                int p = products[c][i];
                buyers[p][filled[p]] = c;
                buyerUnits[p][filled[p]++] = units[c][i];
            }
        }
    }

    public int customers() {
        return customerIds.size();
    }

    public String customerId(int customer) {
        return customerIds.get(customer);
    }

    /** How many distinct products the customers bought. */
    int productCount() {
        return productIds.size();
    }

    /** The id of the product at this position. */
    String productId(int product) {
        return productIds.get(product);
    }

    /** The positions of the products a customer bought, ascending: the matrix's own row, not a copy. */
    int[] productPositionsOf(int customer) {
        return products[customer];
    }

    /** The products a customer bought, by id. */
    List<String> productsOf(int customer) {
        List<String> ids = new ArrayList<>(products[customer].length);
        for (int p : products[customer]) {
            ids.add(productIds.get(p));
        }
        return ids;
    }

    /**
     * The k most similar customers of each customer (score descending, ties by customer id), computed on
     * {@code threads} threads; {@code done} is told how many customers are finished, for progress.
     */
    Neighbours[] topK(int k, SimilarityMeasure measure, int threads, IntConsumer done) {
        int n = customers();
        Neighbours[] result = new Neighbours[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable worker = () -> {
            int[] shared = new int[n];
            long[] dot = new long[n];
            int[] touched = new int[n];
            for (int c = next.getAndIncrement(); c < n; c = next.getAndIncrement()) {
                result[c] = neighbours(c, k, measure, shared, dot, touched);
                int count = finished.incrementAndGet();
                if (count % 1000 == 0 || count == n) {
                    done.accept(count);
                }
            }
        };
        Workers.run(threads, "similar", worker);
        return result;
    }

    /**
     * The working arrays of one thread's neighbour searches, one slot per customer. Made once per thread and reused:
     * made per search, they cost as much to allocate and clear as the search itself costs to run.
     */
    final class Scratch {
        private final int[] shared = new int[customers()];
        private final long[] dot = new long[customers()];
        private final int[] touched = new int[customers()];
    }

    Scratch scratch() {
        return new Scratch();
    }

    /** One customer's k most similar customers, as {@link #topK} finds them, in {@code scratch}'s arrays. */
    Neighbours topKOf(int customer, int k, SimilarityMeasure measure, Scratch scratch) {
        return neighbours(customer, k, measure, scratch.shared, scratch.dot, scratch.touched);
    }

    private Neighbours neighbours(int c, int k, SimilarityMeasure measure, int[] shared, long[] dot, int[] touched) {
        int seen = 0;
        for (int i = 0; i < products[c].length; i++) {
            int p = products[c][i];
            long q = units[c][i];
            int[] who = buyers[p];
            long[] theirs = buyerUnits[p];
            for (int j = 0; j < who.length; j++) {
                int other = who[j];
                if (other == c) {
                    continue;
                }
                if (shared[other] == 0) {
                    touched[seen++] = other;
                }
                shared[other]++;
                dot[other] += q * theirs[j];
            }
        }
        BestNeighbours best = new BestNeighbours(k, idRank);
        for (int t = 0; t < seen; t++) {
            int other = touched[t];
            best.offer(measure.score(shared[other], sizes[c], sizes[other], dot[other], squares[c], squares[other]),
                    other, shared[other]);
            shared[other] = 0;
            dot[other] = 0;
        }
        return best.drain();
    }
}
