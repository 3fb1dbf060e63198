package dev.custograph.analytics.churn;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.custograph.analytics.CustomerFeatures;
import dev.custograph.analytics.OrderDates;
import dev.custograph.analytics.ZScores;
import dev.custograph.graph.CustomerHistories.History;
import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.ParallelWrites;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Churn prediction by a time split. A customer who bought on or before the cutoff churns (label 1) if they make no
 * purchase in the {@code horizonDays} after it. Features come only from what happened on or before the cutoff (see
 * {@link CustomerFeatures}), so nothing after it leaks into them. A logistic regression on standardised features is
 * evaluated on customers it did not learn from (a stratified random split, or out of time: trained at
 * cutoff - horizon, tested at the cutoff), beside a random forest on the same split; the regression is then refitted
 * on every labelled customer and applied to each customer's features as of the last order date, and that
 * probability of churning in the next {@code horizonDays} is written onto the customer.
 */
public final class ChurnPrediction {

    /** What this run's writes announce: its kind's results changed. */
    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.CHURN);

    private static final Logger log = LoggerFactory.getLogger(ChurnPrediction.class);
    private static final int WRITE_BATCH = 10_000;
    /** The ridge penalty used when unpenalised data turn out separable. */
    static final double SEPARABLE_FALLBACK_LAMBDA = 1.0;

    public enum Penalty { NONE, L2 }

    public enum Validation { RANDOM, OUT_OF_TIME }

    public record Parameters(LocalDate cutoff, int horizonDays, List<String> features, Penalty penalty, double lambda,
                             Validation validation, double testFraction, long seed, boolean write) {

        public static final List<String> DEFAULT_FEATURES = List.of("recency", "frequency", "monetary", "tenure");

        public Parameters {
            if (cutoff == null) {
                throw new InvalidParameterException("cutoff", "is required");
            }
            if (horizonDays < 1) {
                throw new InvalidParameterException("horizonDays", "must be at least 1, got " + horizonDays);
            }
            if (lambda < 0 || (penalty == Penalty.L2 && lambda == 0)) {
                throw new InvalidParameterException("lambda", "must be positive with {penalty} l2, got " + lambda);
            }
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new InvalidParameterException("testFraction", "must be between 0 and 1, got " + testFraction);
            }
        }
    }

    private final Graph graph;

    public ChurnPrediction(Graph graph) {
        this.graph = graph;
    }

    public ChurnReport run(Parameters p) {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        List<String> features = CustomerFeatures.validate(graph, p.features());
        OrderDates orderDates = OrderDates.of(graph);
        LocalDate firstOrder = orderDates.first();
        LocalDate lastOrder = orderDates.last();
        LocalDate labelEnd = p.cutoff().plusDays(p.horizonDays());
        if (labelEnd.isAfter(lastOrder)) {
            throw new InvalidParameterException("cutoff", p.cutoff() + " + {horizonDays} " + p.horizonDays() + " = "
                    + labelEnd + " runs past the last order (" + lastOrder + "): customers who buy after the data "
                    + "ends would be labelled as churned; choose an earlier cutoff or a shorter horizon");
        }
        if (p.cutoff().isBefore(firstOrder)) {
            throw new InvalidParameterException("cutoff", p.cutoff() + " is before the first order (" + firstOrder
                    + "): no customer is active before it");
        }
        LocalDate earlierCutoff = p.cutoff().minusDays(p.horizonDays());
        if (p.validation() == Validation.OUT_OF_TIME && earlierCutoff.isBefore(firstOrder)) {
            throw new InvalidParameterException("validation", "out-of-time trains at {cutoff} - {horizonDays} = "
                    + earlierCutoff + ", before the first order (" + firstOrder + ")");
        }

        int cutoffDay = (int) p.cutoff().toEpochDay();
        int earlierDay = (int) earlierCutoff.toEpochDay();
        CustomerFeatures.Builder atCutoff = new CustomerFeatures.Builder(features, cutoffDay);
        CustomerFeatures.Builder atEarlierCutoff = new CustomerFeatures.Builder(features, earlierDay);
        CustomerFeatures.Builder now = new CustomerFeatures.Builder(features, (int) lastOrder.toEpochDay());
        IntList labels = new IntList();
        IntList earlierLabels = new IntList();
        new CustomerHistories(graph).forEach(lastOrder, false, h -> {
            if (atCutoff.add(h)) {
                labels.add(churned(h, cutoffDay, p.horizonDays()));
            }
            if (p.validation() == Validation.OUT_OF_TIME && atEarlierCutoff.add(h)) {
                earlierLabels.add(churned(h, earlierDay, p.horizonDays()));
            }
            now.add(h);
        });
        CustomerFeatures.Table labelled = atCutoff.build(graph);
        int n = labelled.size();
        int[] y = labels.toArray();
        long positives = java.util.Arrays.stream(y).filter(v -> v == 1).count();
        if (n == 0) {
            throw new InvalidParameterException("cutoff", "no customer has a purchase on or before " + p.cutoff());
        }
        if (positives == 0 || positives == n) {
            throw new InvalidParameterException("cutoff", p.cutoff() + " with {horizonDays} " + p.horizonDays()
                    + " every one of the " + n + " customers " + (positives == 0 ? "bought again" : "churned")
                    + ": there is nothing to learn; change the cutoff or the horizon");
        }
        log.info("{} customers active by {}, {} churned within {} days (projected in {} s)", n, p.cutoff(), positives,
                p.horizonDays(), String.format("%.1f", (System.nanoTime() - started) / 1e9));

        List<String> warnings = new ArrayList<>();
        ZScores standardiser = ZScores.fit(labelled.values(), labelled.dimensions(), j -> new InvalidParameterException(
                "features", "'" + labelled.names().get(j) + "' is constant (every customer active by the cutoff has "
                        + labelled.value(0, j) + "): it cannot predict churn; leave it out"));
        double[] x = standardiser.apply(labelled.values());
        int d = features.size();

        // Evaluation on customers the models did not learn from.
        double[] trainX;
        int[] trainY;
        double[] testX;
        int[] testY;
        double[] testRaw;
        ChurnReport.Validation validation;
        if (p.validation() == Validation.RANDOM) {
            boolean[] test = stratifiedSplit(y, p.testFraction(), p.seed());
            Split split = Split.of(x, labelled.values(), d, y, test);
            trainX = split.trainX();
            trainY = split.trainY();
            testX = split.testX();
            testY = split.testY();
            testRaw = split.testRaw();
            validation = new ChurnReport.Validation("random", trainY.length, testY.length, p.testFraction(), null);
        } else {
            CustomerFeatures.Table earlier = atEarlierCutoff.build(graph);
            trainY = earlierLabels.toArray();
            trainX = standardiser.apply(earlier.values());
            testX = x;
            testY = y;
            testRaw = labelled.values();
            validation = new ChurnReport.Validation("out-of-time", trainY.length, testY.length, null, earlierCutoff);
        }
        double lambda = p.penalty() == Penalty.L2 ? p.lambda() : 0;
        LogisticRegression.Fit evaluated = fit(trainX, d, trainY, lambda, warnings, "the training split").fit();
        double[] predicted = new double[testY.length];
        for (int i = 0; i < testY.length; i++) {
            predicted[i] = evaluated.probability(testX, i * d);
        }
        ClassificationMetrics metrics = ClassificationMetrics.of(predicted, testY);
        // Trees need no scaling: the forest learns from the training rows in raw units.
        RandomForest forest = RandomForest.fit(standardiser.invert(trainX), d, trainY, p.seed());
        ClassificationMetrics forestMetrics = ClassificationMetrics.of(forest.probabilities(testRaw), testY);
        log.info("Evaluated logistic regression (AUC {}) and the random forest (AUC {}) in {} s", metrics.auc(),
                forestMetrics.auc(), String.format("%.1f", (System.nanoTime() - started) / 1e9));

        // The model written to the graph learns from every labelled customer.
        Fitted fitted = fit(x, d, y, lambda, warnings, "all labelled customers");
        LogisticRegression.Fit fit = fitted.fit();
        double usedLambda = fitted.lambda();
        Map<String, Double> coefficients = new LinkedHashMap<>();
        Map<String, Double> raw = new LinkedHashMap<>();
        coefficients.put("intercept", fit.intercept());
        double rawIntercept = fit.intercept();
        for (int j = 0; j < d; j++) {
            coefficients.put(features.get(j), fit.weights()[j]);
            raw.put(features.get(j), fit.weights()[j] / standardiser.sd()[j]);
            rawIntercept -= fit.weights()[j] * standardiser.mean()[j] / standardiser.sd()[j];
        }
        Map<String, Double> rawCoefficients = new LinkedHashMap<>();
        rawCoefficients.put("intercept", rawIntercept);
        rawCoefficients.putAll(raw);

        String runId = UUID.randomUUID().toString();
        CustomerFeatures.Table current = now.build(graph);
        long scored = 0;
        if (p.write()) {
            long writeStarted = System.nanoTime();
            scored = write(current, standardiser, fit, runId, lastOrder, p.horizonDays());
            log.info("Wrote {} churn probabilities in {} s", scored,
                    String.format("%.1f", (System.nanoTime() - writeStarted) / 1e9));
            RunRecord.finished(GraphChange.RunKind.CHURN, runId).with("asOf", lastOrder).with("startedAt", startedAt)
                    .withJson("parameters", p).with("customers", n).with("auc", metrics.auc()).writeTo(graph);
        }
        return new ChurnReport(runId, p.cutoff(), p.horizonDays(), lastOrder, features, n, positives,
                p.penalty().name().toLowerCase(), usedLambda, coefficients, rawCoefficients, metrics, forestMetrics,
                validation, warnings, scored, labelled.imputed(), fit.iterations(),
                (System.nanoTime() - started) / 1e9);
    }

    /** 1 when the customer has no purchase day in (day, day + horizon]. */
    static int churned(History h, int day, int horizonDays) {
        for (int d : h.days()) {
            if (d > day && d <= day + horizonDays) {
                return 0;
            }
        }
        return 1;
    }

    /** A fit and the penalty it ended up with. */
    private record Fitted(LogisticRegression.Fit fit, double lambda) {
    }

    private static Fitted fit(double[] x, int d, int[] y, double lambda, List<String> warnings, String on) {
        LogisticRegression.Fit fit = LogisticRegression.fit(x, d, y, lambda);
        if (fit.separable()) {
            String warning = "the classes are (quasi-)separable on " + on + ": the unpenalised maximum-likelihood "
                    + "coefficients are infinite, so the model was refitted with --penalty l2 --lambda "
                    + SEPARABLE_FALLBACK_LAMBDA;
            warnings.add(warning);
            log.warn(warning);
            return new Fitted(LogisticRegression.fit(x, d, y, SEPARABLE_FALLBACK_LAMBDA), SEPARABLE_FALLBACK_LAMBDA);
        }
        if (!fit.converged()) {
            warnings.add("Newton's method did not converge on " + on + " in " + fit.iterations() + " iterations");
        }
        return new Fitted(fit, lambda);
    }

    /** Marks {@code fraction} of the churners and of the stayers, drawn with the seed, as the test set. */
    static boolean[] stratifiedSplit(int[] y, double fraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] test = new boolean[y.length];
        for (int label = 0; label <= 1; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == label) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = members.get(i);
                members.set(i, members.get(j));
                members.set(j, swap);
            }
            long take = Math.round(members.size() * fraction);
            for (int i = 0; i < take; i++) {
                test[members.get(i)] = true;
            }
        }
        return test;
    }

    private long write(CustomerFeatures.Table current, ZScores standardiser, LogisticRegression.Fit fit,
                       String runId, LocalDate asOf, int horizonDays) {
        double[] x = standardiser.apply(current.values());
        int d = current.dimensions();
        try (ParallelWrites writes = new ParallelWrites(graph, "custograph-churn-writer", WRITES)) {
            List<List<Object>> batch = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                batch.add(List.of(current.ids().get(i), fit.probability(x, i * d)));
                if (batch.size() == WRITE_BATCH || i == current.size() - 1) {
                    writes.submit("churn/write-churn-probabilities", Map.of("rows", batch, "runId", runId,
                            "asOf", asOf, "horizonDays", horizonDays));
                    batch = new ArrayList<>();
                }
            }
            writes.finish();
        }
        graph.writeReturningLong("churn/clear-stale-churn", Map.of("runId", runId), WRITES);
        return current.size();
    }

    private record Split(double[] trainX, int[] trainY, double[] testX, int[] testY, double[] testRaw) {
        static Split of(double[] x, double[] raw, int d, int[] y, boolean[] test) {
            int testCount = 0;
            for (boolean t : test) {
                testCount += t ? 1 : 0;
            }
            int trainCount = y.length - testCount;
            double[] trainX = new double[trainCount * d];
            int[] trainY = new int[trainCount];
            double[] testX = new double[testCount * d];
            int[] testY = new int[testCount];
            double[] testRaw = new double[testCount * d];
            int a = 0;
            int b = 0;
            for (int i = 0; i < y.length; i++) {
                if (test[i]) {
                    System.arraycopy(x, i * d, testX, b * d, d);
                    System.arraycopy(raw, i * d, testRaw, b * d, d);
                    testY[b++] = y[i];
                } else {
                    System.arraycopy(x, i * d, trainX, a * d, d);
                    trainY[a++] = y[i];
                }
            }
            return new Split(trainX, trainY, testX, testY, testRaw);
        }
    }

    /** A growable int array (labels arrive one customer at a time). */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
