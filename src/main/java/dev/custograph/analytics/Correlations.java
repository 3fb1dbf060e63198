package dev.custograph.analytics;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.correlation.PearsonsCorrelation;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * Pearson (linear) and Spearman (rank, ties averaged) correlation matrices over recency, frequency, monetary,
 * tenure and average order value, per customer, computed by Hipparchus. A constant column has no correlation:
 * its entries are null.
 */
public final class Correlations {

    public static final List<String> FEATURES = List.of("recency", "frequency", "monetary", "tenure",
            "avgOrderValue");

    /** Both matrices, rows and columns in {@link #FEATURES} order; null when fewer than 3 customers. */
    public record Result(List<String> features, List<List<Double>> pearson, List<List<Double>> spearman) {
    }

    private Correlations() {
    }

    public static Result compute(CustomerSummaries s) {
        int n = s.size();
        if (n < 3) {
            return new Result(FEATURES, null, null);
        }
        double[][] data = new double[n][];
        for (int i = 0; i < n; i++) {
            data[i] = new double[] {s.recencyDays(i), s.orders(i), s.revenue(i), s.tenureDays(i),
                    s.averageOrderValue(i)};
        }
        return new Result(FEATURES, rows(new PearsonsCorrelation(data).getCorrelationMatrix()),
                rows(new SpearmansCorrelation().computeCorrelationMatrix(data)));
    }

    private static List<List<Double>> rows(RealMatrix matrix) {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < matrix.getRowDimension(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < matrix.getColumnDimension(); j++) {
                double value = matrix.getEntry(i, j);
                row.add(Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : null);
            }
            rows.add(row);
        }
        return rows;
    }
}
