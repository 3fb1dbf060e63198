package dev.custograph.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import dev.custograph.analytics.MaximumLikelihood.Fit;

/**
 * Probabilistic customer lifetime value: BG/NBD for the number of future purchases and Gamma-Gamma for their value,
 * both fitted by maximum likelihood on the calibration period, then applied to each customer's history up to the
 * as-of date. Durations are in the chosen time unit (weeks are days / 7).
 *
 * <pre>
 *   CLV = margin * E[M] * sum over months k of (E[Y(t_k)] - E[Y(t_(k-1))]) / (1 + d)^(t_k in years)
 * </pre>
 * with t_k month ends (30.4375 days) up to the horizon, E[Y(t)] the BG/NBD conditional expectation, E[M] the
 * Gamma-Gamma expected spend per purchase and d the annual discount rate (the discounted form of lifetimes'
 * {@code customer_lifetime_value}). Gamma-Gamma is fitted on customers with repeat purchases of positive value.
 *
 * <p>With a calibration end before the as-of date, the hold-out check compares each calibrated customer's
 * predicted purchases in the hold-out period with the actual ones, as Fader, Hardie and Lee do (their figure 3).
 */
public final class ProbabilisticValue {

    /** The time unit durations are measured in. */
    public enum TimeUnit {
        DAY(1), WEEK(7);

        final double days;

        TimeUnit(double days) {
            this.days = days;
        }

        /** Days in one unit. */
        public double days() {
            return days;
        }
    }

    /** Predicted against actual purchases for the customers with {@code repeatPurchases} in calibration. */
    public record HoldoutRow(String repeatPurchases, int customers, double predictedMean, double actualMean) {
    }

    /** The hold-out check: totals, mean absolute error per customer, and the rows by calibration frequency. */
    public record Holdout(double periodUnits, int customers, double predicted, long actual,
                          double meanAbsoluteError, List<HoldoutRow> byRepeatPurchases) {
    }

    /** Fitted models, the hold-out check (null without one) and per-customer predictions in summary order. */
    public record Result(Fit<BgNbd> bgNbd, Fit<GammaGamma> gammaGamma, int fittedCustomers,
                         int repeatCustomers, Holdout holdout, double[] probabilityAlive,
                         double[] expectedPurchases, double[] expectedAverageSpend, double[] clv) {
    }

    private static final double MONTH_DAYS = 365.25 / 12;

    private ProbabilisticValue() {
    }

    /** Fits BG/NBD on calibrated customers' (x, t_x, T) in {@code unit}. */
    public static Fit<BgNbd> fitBgNbd(double[] x, double[] tx, double[] t) {
        if (x.length == 0) {
            return new Fit<>(null, Double.NaN, 0, false, "no customer to fit on");
        }
        FastLikelihoods.BgNbdSum likelihood = FastLikelihoods.BgNbdSum.ofCustomers(x, tx, t);
        return MaximumLikelihood.fit(new double[] {1, 1, 1, 1}, p -> new BgNbd(p[0], p[1], p[2], p[3]),
                likelihood::value);
    }

    /**
     * Fits BG/NBD on distinct (x, t_x, T) triples in {@code unit}, triple i standing for {@code customers[i]}
     * customers: the same fit as {@link #fitBgNbd(double[], double[], double[])} from counts made elsewhere (the Spark
     * job reduces its customers to these on the cluster).
     */
    public static Fit<BgNbd> fitBgNbd(double[] x, double[] tx, double[] t, double[] customers) {
        if (x.length == 0) {
            return new Fit<>(null, Double.NaN, 0, false, "no customer to fit on");
        }
        FastLikelihoods.BgNbdSum likelihood = new FastLikelihoods.BgNbdSum(x, tx, t, customers);
        return MaximumLikelihood.fit(new double[] {1, 1, 1, 1}, p -> new BgNbd(p[0], p[1], p[2], p[3]),
                likelihood::value);
    }

    /** Fits Gamma-Gamma on customers' repeat purchases x (> 0) and their mean value m (> 0). */
    public static Fit<GammaGamma> fitGammaGamma(double[] x, double[] m) {
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1);
        return fitGammaGamma(x, m, ones);
    }

    /** Fits Gamma-Gamma on distinct (x, m) pairs, pair i standing for {@code customers[i]} customers. */
    public static Fit<GammaGamma> fitGammaGamma(double[] x, double[] m, double[] customers) {
        if (java.util.Arrays.stream(customers).sum() < 2) {
            return new Fit<>(null, Double.NaN, 0, false, "fewer than 2 customers with repeat purchases of "
                    + "positive value");
        }
        FastLikelihoods.GammaGammaSum likelihood = new FastLikelihoods.GammaGammaSum(x, m, customers);
        return MaximumLikelihood.fit(new double[] {1, 1, 1}, p -> new GammaGamma(p[0], p[1], p[2]),
                likelihood::value);
    }

    /**
     * The per-customer predictions of fitted models, the formulas {@link #run} applies to every customer, kept in one
     * place so another engine (the Spark job, on the cluster) scores customers exactly alike. Either model may be
     * null (it did not converge); what it would have given is then NaN.
     */
    public record Scorer(BgNbd bgNbd, GammaGamma gammaGamma, TimeUnit unit, double horizonUnits,
                         double annualDiscountRate, double margin) implements java.io.Serializable {

        /**
         * For a customer alive at T with {@code repeatPurchases} and {@code tenureDays}: {expected purchases over
         * the horizon, the same discounted month by month}; it depends on nothing else, so callers may share it.
         */
        public double[] expectedIfAlive(int repeatPurchases, int tenureDays) {
            return ProbabilisticValue.expectedIfAlive(bgNbd, horizonUnits * unit.days, unit.days, annualDiscountRate,
                    repeatPurchases, tenureDays / unit.days);
        }

        /**
         * {P(alive), expected purchases, expected spend per purchase, CLV} of a customer with
         * {@code repeatPurchases} (purchase days after the first), {@code spanDays} from the first purchase to the
         * last, {@code tenureDays} from the first purchase to the as-of date, and the mean spend of the repeat
         * purchases; {@code ifAlive} from {@link #expectedIfAlive}.
         */
        public double[] score(int repeatPurchases, int spanDays, int tenureDays, double averageRepeatSpend,
                              double[] ifAlive) {
            double u = unit.days;
            double x = repeatPurchases;
            double alive = Double.NaN;
            double purchases = Double.NaN;
            double spend = Double.NaN;
            double clv = Double.NaN;
            if (gammaGamma != null) {
                spend = gammaGamma.expectedAverageSpend(x, averageRepeatSpend);
            }
            if (bgNbd != null) {
                alive = bgNbd.probabilityAlive(x, spanDays / u, tenureDays / u);
                purchases = alive * ifAlive[0];
                if (gammaGamma != null) {
                    clv = margin * spend * alive * ifAlive[1];
                }
            }
            return new double[] {alive, purchases, spend, clv};
        }

        /** {@link #score} computing {@link #expectedIfAlive} itself (null without a BG/NBD fit). */
        public double[] score(int repeatPurchases, int spanDays, int tenureDays, double averageRepeatSpend) {
            return score(repeatPurchases, spanDays, tenureDays, averageRepeatSpend,
                    bgNbd == null ? null : expectedIfAlive(repeatPurchases, tenureDays));
        }
    }

    /**
     * A customer's expected purchases over another horizon than the run's, from the run's stored BG/NBD parameters
     * and the customer's stored history summary; null when the run fitted no BG/NBD, the customer has no purchases,
     * or the result is not finite. {@code horizon} is in the run's time unit ({@code "day"} or {@code "week"}).
     */
    public static Double expectedPurchases(dev.custograph.model.AnalyticsRunSummary run,
                                           dev.custograph.model.CustomerValueSnapshot value, double horizon) {
        if (run == null || run.r() == null || value.firstPurchase() == null) {
            return null;
        }
        double unit = run.timeUnit().equals("day") ? TimeUnit.DAY.days : TimeUnit.WEEK.days;
        BgNbd model = new BgNbd(run.r(), run.alpha(), run.a(), run.b());
        double tx = java.time.temporal.ChronoUnit.DAYS.between(value.firstPurchase(), value.lastPurchase()) / unit;
        double t = java.time.temporal.ChronoUnit.DAYS.between(value.firstPurchase(), value.asOf()) / unit;
        double expected = model.expectedPurchases(horizon, value.purchaseDays() - 1, tx, t);
        return Double.isFinite(expected) ? expected : null;
    }

    public static Result run(CustomerSummaries s, TimeUnit unit, double horizonUnits, double annualDiscountRate,
                             double margin) {
        double u = unit.days;
        int[] calibrated = IntStream.range(0, s.size()).filter(s::calibrated).toArray();
        double[] x = new double[calibrated.length];
        double[] tx = new double[calibrated.length];
        double[] t = new double[calibrated.length];
        List<Double> repeatX = new ArrayList<>();
        List<Double> repeatM = new ArrayList<>();
        for (int k = 0; k < calibrated.length; k++) {
            int i = calibrated[k];
            x[k] = s.calibrationRepeatPurchases(i);
            tx[k] = s.calibrationRecencyDays(i) / u;
            t[k] = s.calibrationAgeDays(i) / u;
            double m = s.calibrationAverageRepeatSpend(i);
            if (x[k] > 0 && m > 0) {
                repeatX.add(x[k]);
                repeatM.add(m);
            }
        }
        Fit<BgNbd> bgNbd = fitBgNbd(x, tx, t);
        Fit<GammaGamma> gammaGamma = fitGammaGamma(repeatX.stream().mapToDouble(Double::doubleValue).toArray(),
                repeatM.stream().mapToDouble(Double::doubleValue).toArray());
        Holdout holdout = s.calibrationEnd() < s.asOf() && bgNbd.converged()
                ? holdout(s, calibrated, x, tx, t, bgNbd.model(), (s.asOf() - s.calibrationEnd()) / u) : null;

        int n = s.size();
        double[] alive = new double[n];
        double[] purchases = new double[n];
        double[] spend = new double[n];
        double[] clv = new double[n];
        Scorer scorer = new Scorer(bgNbd.model(), gammaGamma.model(), unit, horizonUnits, annualDiscountRate, margin);
        // E[Y | alive] depends on (x, T) only, and a large base has far fewer distinct (x, T) than customers (a
        // year of data: at most 366 ages times a few dozen purchase counts), so each pair's series is summed once.
        Map<Long, double[]> ifAlive = new ConcurrentHashMap<>();
        IntStream.range(0, n).parallel().forEach(i -> {
            int repeat = s.repeatPurchases(i);
            double[] expected = scorer.bgNbd() == null ? null : ifAlive.computeIfAbsent(
                    ((long) repeat << 32) | s.tenureDays(i), key -> scorer.expectedIfAlive(repeat, s.tenureDays(i)));
            double[] scores = scorer.score(repeat, s.lastDay(i) - s.firstDay(i), s.tenureDays(i),
                    s.averageRepeatSpend(i), expected);
            alive[i] = scores[0];
            purchases[i] = scores[1];
            spend[i] = scores[2];
            clv[i] = scores[3];
        });
        return new Result(bgNbd, gammaGamma, calibrated.length, repeatX.size(), holdout, alive, purchases, spend,
                clv);
    }

    /**
     * For a customer alive at T: {expected purchases over the horizon, the same purchases discounted month by
     * month}. The last monthly step ends at the horizon, so the first value is the last cumulative step.
     */
    private static double[] expectedIfAlive(BgNbd model, double horizonDays, double unitDays, double rate,
                                            double x, double t) {
        double discounted = 0;
        double previous = 0;
        double before = 0;
        for (double end = MONTH_DAYS; previous < horizonDays; end += MONTH_DAYS) {
            double stepEnd = Math.min(end, horizonDays);
            double cumulative = model.expectedPurchasesIfAlive(stepEnd / unitDays, x, t);
            discounted += (cumulative - before) / Math.pow(1 + rate, stepEnd / 365.25);
            previous = stepEnd;
            before = cumulative;
        }
        return new double[] {before, discounted};
    }

    private static Holdout holdout(CustomerSummaries s, int[] calibrated, double[] x, double[] tx, double[] t,
                                   BgNbd model, double periodUnits) {
        int buckets = 8;
        int[] count = new int[buckets];
        double[] predictedSum = new double[buckets];
        double[] actualSum = new double[buckets];
        double predicted = 0;
        long actual = 0;
        double absoluteError = 0;
        for (int k = 0; k < calibrated.length; k++) {
            double p = model.expectedPurchases(periodUnits, x[k], tx[k], t[k]);
            int a = s.holdoutPurchases(calibrated[k]);
            int bucket = (int) Math.min(buckets - 1, x[k]);
            count[bucket]++;
            predictedSum[bucket] += p;
            actualSum[bucket] += a;
            predicted += p;
            actual += a;
            absoluteError += Math.abs(p - a);
        }
        List<HoldoutRow> rows = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (count[b] > 0) {
                rows.add(new HoldoutRow(b == buckets - 1 ? (buckets - 1) + "+" : String.valueOf(b), count[b],
                        predictedSum[b] / count[b], actualSum[b] / count[b]));
            }
        }
        return new Holdout(periodUnits, calibrated.length, predicted, actual,
                calibrated.length == 0 ? 0 : absoluteError / calibrated.length, rows);
    }
}
