package dev.custograph.analytics.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How well predicted churn probabilities match what happened, on customers the model did not learn from. At the
 * 0.5 threshold: accuracy, precision (churners among those predicted to churn), recall (predicted among the
 * churners) and F1; over all thresholds: ROC AUC, the probability that a random churner is ranked above a random
 * stayer (Mann-Whitney, ties counted half); log-loss (mean negative log-likelihood, probabilities clipped to
 * [1e-15, 1 - 1e-15] as scikit-learn does); and a calibration table: customers cut into ten equal groups by
 * predicted probability, each group's mean prediction against its observed churn rate.
 */
public record ClassificationMetrics(long n, long positives, double accuracy, Double precision, Double recall,
                                    Double f1, Double auc, double logLoss, List<CalibrationRow> calibration) {

    /** One decile of predicted probability: how many customers, mean predicted and observed churn. */
    public record CalibrationRow(int decile, long customers, double meanPredicted, double observedRate) {
    }

    public static ClassificationMetrics of(double[] p, int[] y) {
        int n = y.length;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        double logLoss = 0;
        long positives = 0;
        for (int i = 0; i < n; i++) {
            boolean predicted = p[i] >= 0.5;
            boolean actual = y[i] == 1;
            positives += y[i];
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
            double clipped = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
            logLoss -= actual ? Math.log(clipped) : Math.log(1 - clipped);
        }
        Double precision = tp + fp == 0 ? null : (double) tp / (tp + fp);
        Double recall = tp + fn == 0 ? null : (double) tp / (tp + fn);
        Double f1 = precision == null || recall == null || precision + recall == 0 ? null
                : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(n, positives, n == 0 ? 0 : (double) (tp + tn) / n, precision, recall, f1,
                auc(p, y, positives), n == 0 ? 0 : logLoss / n, calibration(p, y));
    }

    /** AUC by ranks: (sum of the churners' ranks - P(P+1)/2) / (P N), ranks averaged over ties. */
    static Double auc(double[] p, int[] y, long positives) {
        int n = y.length;
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static List<CalibrationRow> calibration(double[] p, int[] y) {
        int n = y.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        List<CalibrationRow> rows = new ArrayList<>();
        for (int decile = 0; decile < 10; decile++) {
            int from = (int) ((long) n * decile / 10);
            int to = (int) ((long) n * (decile + 1) / 10);
            if (to == from) {
                continue;
            }
            double predicted = 0;
            long observed = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                observed += y[order[k]];
            }
            rows.add(new CalibrationRow(decile + 1, to - from, predicted / (to - from), (double) observed / (to - from)));
        }
        return rows;
    }
}
