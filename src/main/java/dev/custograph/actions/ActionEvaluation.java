package dev.custograph.actions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.custograph.analytics.CustomerFeatures;
import dev.custograph.analytics.CustomerSummaries;
import dev.custograph.analytics.OrderDates;
import dev.custograph.analytics.ProbabilisticValue;
import dev.custograph.analytics.Rfm;
import dev.custograph.analytics.ValueAnalysis;
import dev.custograph.analytics.ZScores;
import dev.custograph.analytics.churn.LogisticRegression;
import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.CustomerHistories.History;
import dev.custograph.graph.Graph;
import dev.custograph.model.InvalidParameterException;

/**
 * The offline check of next best actions by a time split: everything the actions weigh is computed from purchases
 * up to a cutoff only (RFM, BG/NBD + Gamma-Gamma, a churn model learnt on the churn horizon before the cutoff), the
 * policy chooses, and the rankings are scored on what customers actually spent in the horizon after it: the share
 * of that revenue the top tenth of each ranking holds. Rankings compared: by next-best-action expected value, by
 * CLV alone, by RFM segment (best segment first, then the weighted RFM score) and by past spend.
 *
 * <p>Left out of the check, because they cannot be rebuilt as of a past date from the orders alone: the K-Means
 * segment (its run is not replayed), birthdays, and recommendations (so no cross-sell). Nothing is written.
 */
public final class ActionEvaluation {

    /** The ranking names, as the report gives them. */
    public static final String BY_ACTIONS = "next best action", BY_CLV = "CLV alone", BY_RFM = "RFM segment",
            BY_SPEND = "past spend";

    /**
     * One ranking's top tenth: its customers' share of next-period revenue (null when the ranking has no figure for
     * anyone, e.g. CLV when BG/NBD did not fit) and the same for the top fifth.
     */
    public record Ranking(String name, Double topDecileShare, Double topFifthShare, String note) {
    }

    public record Result(LocalDate cutoff, int horizonDays, int churnHorizonDays, int customers,
                         double nextPeriodRevenue, int topDecileCustomers, List<Ranking> rankings, String leftOut) {

        public Ranking ranking(String name) {
            return rankings.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private ActionEvaluation() {
    }

    public static Result run(Graph graph, ActionPolicy policy, LocalDate cutoff, int horizonDays,
                             int churnHorizonDays) {
        if (horizonDays < 1) {
            throw new InvalidParameterException("horizonDays", "must be 1 or more, got " + horizonDays);
        }
        if (churnHorizonDays < 1) {
            throw new InvalidParameterException("churnHorizonDays", "must be 1 or more, got " + churnHorizonDays);
        }
        OrderDates dates = OrderDates.of(graph);
        if (cutoff.plusDays(horizonDays).isAfter(dates.last())) {
            throw new InvalidParameterException("cutoff", cutoff + " + {horizonDays} " + horizonDays + " runs past "
                    + "the last order (" + dates.last() + "): the next period would not be observed in full");
        }
        if (cutoff.minusDays(churnHorizonDays).isBefore(dates.first())) {
            throw new InvalidParameterException("cutoff", cutoff + " - {churnHorizonDays} " + churnHorizonDays
                    + " is before the first order (" + dates.first() + "): the churn model has nothing to learn from");
        }
        int day = (int) cutoff.toEpochDay();
        int end = day + horizonDays;
        int churnFrom = day - churnHorizonDays;
        List<String> features = List.of("recency", "frequency", "monetary", "tenure");
        CustomerSummaries summaries = new CustomerSummaries(day, day);
        CustomerFeatures.Builder atCutoff = new CustomerFeatures.Builder(features, day);
        CustomerFeatures.Builder earlier = new CustomerFeatures.Builder(features, churnFrom);
        List<Integer> labels = new ArrayList<>();
        List<Double> next = new ArrayList<>();
        new CustomerHistories(graph).forEach(dates.last(), false, h -> {
            History upToCutoff = upTo(h, day);
            if (upToCutoff.purchaseDays() == 0) {
                return;
            }
            summaries.add(upToCutoff);
            atCutoff.add(upToCutoff);
            if (earlier.add(upToCutoff)) {
                labels.add(boughtWithin(h, churnFrom, day) ? 0 : 1);
            }
            double spent = 0;
            for (int i = 0; i < h.purchaseDays(); i++) {
                if (h.days()[i] > day && h.days()[i] <= end) {
                    spent += h.spends()[i];
                }
            }
            next.add(spent);
        });
        int n = summaries.size();
        if (n < 10) {
            throw new InvalidParameterException("cutoff", "only " + n + " customers bought by " + cutoff
                    + ": too few to rank by tenths");
        }
        double[] churn = churnProbabilities(atCutoff.build(graph), earlier.build(graph), labels, features.size());
        ValueAnalysis.Parameters defaults = ValueAnalysis.Parameters.defaults();
        ProbabilisticValue.Result value = ProbabilisticValue.run(summaries, ProbabilisticValue.TimeUnit.WEEK,
                horizonDays / 7.0, defaults.discountRate(), defaults.margin());
        Rfm.Result rfm = Rfm.score(summaries);

        double[] valueIfRetained = new double[n];
        for (int i = 0; i < n; i++) {
            valueIfRetained[i] = CustomerFacts.valueIfRetained(summaries.revenue(i), summaries.tenureDays(i),
                    horizonDays);
        }
        NextBestActions.Percentiles valueRank = new NextBestActions.Percentiles(valueIfRetained);
        NextBestActions.Percentiles clvRank = new NextBestActions.Percentiles(Arrays.stream(value.clv())
                .filter(Double::isFinite).toArray());
        ActionChooser chooser = new ActionChooser(policy, horizonDays);
        double[] byActions = new double[n];
        double[] byClv = new double[n];
        double[] byRfm = new double[n];
        double[] bySpend = new double[n];
        double[] actual = next.stream().mapToDouble(Double::doubleValue).toArray();
        for (int i = 0; i < n; i++) {
            double clv = value.clv()[i];
            double alive = value.probabilityAlive()[i];
            CustomerFacts facts = new CustomerFacts(summaries.id(i), summaries.recencyDays(i), summaries.orders(i),
                    summaries.revenue(i), summaries.tenureDays(i), summaries.averageOrderValue(i),
                    Double.isFinite(clv) ? clv : null, Double.isFinite(alive) ? alive : null, churn[i],
                    churnHorizonDays, rfm.segment()[i], null, null, null, null, null, valueIfRetained[i], churn[i],
                    "churn model", valueRank.of(valueIfRetained[i]), Double.isFinite(clv) ? clvRank.of(clv) : null);
            byActions[i] = chooser.choose(facts).expectedValue();
            byClv[i] = clv;
            // Best segment first (Rfm.SEGMENTS is ordered best first), then the weighted score within it.
            byRfm[i] = (Rfm.SEGMENTS.size() - Rfm.SEGMENTS.indexOf(rfm.segment()[i])) * 10 + rfm.score()[i];
            bySpend[i] = summaries.revenue(i);
        }
        double total = Arrays.stream(actual).sum();
        List<Ranking> rankings = new ArrayList<>();
        rankings.add(ranking(BY_ACTIONS, byActions, actual, total));
        rankings.add(value.bgNbd().converged() ? ranking(BY_CLV, byClv, actual, total)
                : new Ranking(BY_CLV, null, null, "no CLV: BG/NBD did not fit on the data up to the cutoff ("
                + value.bgNbd().problem() + ")"));
        rankings.add(ranking(BY_RFM, byRfm, actual, total));
        rankings.add(ranking(BY_SPEND, bySpend, actual, total));
        return new Result(cutoff, horizonDays, churnHorizonDays, n, Math.round(total * 100) / 100.0,
                (int) Math.ceil(n / 10.0), List.copyOf(rankings),
                "K-Means segments, birthdays, anniversaries and recommendations (no cross-sell): not rebuilt as of the "
                        + "cutoff");
    }

    /** The churn model as `churn` learns it: labels over the churn horizon before the cutoff, applied at the cutoff. */
    private static double[] churnProbabilities(CustomerFeatures.Table now, CustomerFeatures.Table before,
                                               List<Integer> labels, int d) {
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        long churned = Arrays.stream(y).filter(v -> v == 1).count();
        if (churned == 0 || churned == y.length) {
            throw new InvalidParameterException("churnHorizonDays", "every customer active by the start of the "
                    + "churn horizon " + (churned == 0 ? "bought again" : "churned") + ": choose another horizon");
        }
        ZScores z = ZScores.fit(before.values(), d, j -> new InvalidParameterException("cutoff",
                "a churn feature is constant before the cutoff"));
        double[] x = z.apply(before.values());
        LogisticRegression.Fit fit = LogisticRegression.fit(x, d, y, 0);
        if (fit.separable() || !fit.converged()) {
            fit = LogisticRegression.fit(x, d, y, 1.0);
        }
        double[] scaled = z.apply(now.values());
        double[] p = new double[now.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = fit.probability(scaled, i * d);
        }
        return p;
    }

    /** The share of next-period revenue held by the top tenth and top fifth by {@code score} (NaN ranks last). */
    static Ranking ranking(String name, double[] score, double[] actual, double total) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> Double.isNaN(score[i])
                ? Double.NEGATIVE_INFINITY : score[i]);
        Arrays.sort(order, byScore.reversed());
        return new Ranking(name, share(order, actual, total, Math.ceil(score.length / 10.0)),
                share(order, actual, total, Math.ceil(score.length / 5.0)), null);
    }

    private static Double share(Integer[] order, double[] actual, double total, double count) {
        if (total <= 0) {
            return null;
        }
        double held = 0;
        for (int k = 0; k < count; k++) {
            held += actual[order[k]];
        }
        return Math.round(held / total * 10_000) / 10_000.0;
    }

    private static History upTo(History h, int day) {
        int k = 0;
        while (k < h.purchaseDays() && h.days()[k] <= day) {
            k++;
        }
        return k == h.purchaseDays() ? h : new History(h.customerId(), h.country(), Arrays.copyOf(h.days(), k),
                Arrays.copyOf(h.spends(), k), Arrays.copyOf(h.orders(), k));
    }

    private static boolean boughtWithin(History h, int from, int to) {
        for (int d : h.days()) {
            if (d > from && d <= to) {
                return true;
            }
        }
        return false;
    }
}
