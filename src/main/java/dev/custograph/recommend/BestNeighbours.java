package dev.custograph.recommend;

/**
 * The k best candidates seen so far, in a binary heap over plain arrays whose root is the worst kept: lower score,
 * or an equal score and a later id. Finding every customer's neighbours offers it each customer that shares a
 * product, tens of thousands per customer on a catalogue where everyone bought the same item, so a candidate is
 * compared with the root before anything moves, and nothing is boxed or allocated per candidate.
 */
final class BestNeighbours {

    private final int capacity;
    private final int[] idRank;
    private final double[] scores;
    private final int[] customers;
    private final int[] shared;
    private int size;

    /** Keeps at most {@code k}; {@code idRank} orders customers with equal scores (lower rank first). */
    BestNeighbours(int k, int[] idRank) {
        this.capacity = k;
        this.idRank = idRank;
        this.scores = new double[k];
        this.customers = new int[k];
        this.shared = new int[k];
    }

    void offer(double score, int customer, int sharedProducts) {
        if (capacity == 0) {
            return;
        }
        if (size < capacity) {
            scores[size] = score;
            customers[size] = customer;
            shared[size] = sharedProducts;
            siftUp(size++);
        } else if (worse(0, score, customer)) {
            scores[0] = score;
            customers[0] = customer;
            shared[0] = sharedProducts;
            siftDown(0);
        }
    }

    /** The kept candidates, best first. */
    PurchaseMatrix.Neighbours drain() {
        int n = size;
        int[] bestCustomers = new int[n];
        double[] bestScores = new double[n];
        int[] bestShared = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            bestScores[i] = scores[0];
            bestCustomers[i] = customers[0];
            bestShared[i] = shared[0];
            size--;
            if (size > 0) {
                scores[0] = scores[size];
                customers[0] = customers[size];
                shared[0] = shared[size];
                siftDown(0);
            }
        }
        return new PurchaseMatrix.Neighbours(bestCustomers, bestScores, bestShared);
    }

    /** True when the entry at {@code i} ranks below (score, customer). */
    private boolean worse(int i, double score, int customer) {
        return scores[i] < score || (scores[i] == score && idRank[customers[i]] > idRank[customer]);
    }

    private boolean worse(int i, int j) {
        return worse(i, scores[j], customers[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(right, left)) {
                worst = right;
            }
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int i, int j) {
        double score = scores[i];
        scores[i] = scores[j];
        scores[j] = score;
        int customer = customers[i];
        customers[i] = customers[j];
        customers[j] = customer;
        int count = shared[i];
        shared[i] = shared[j];
        shared[j] = count;
    }
}
