package dev.custograph.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a policy to one customer's facts: every action whose conditions hold is a candidate, each is worth
 * responseRate x gain - cost, and the best positive one is chosen; otherwise the fallback. The reasons say which
 * figures decided it and how the value was reckoned, so a marketer can check the choice by hand.
 */
public final class ActionChooser {

    private final ActionPolicy policy;
    private final double horizonDays;

    /** @param horizonDays the horizon the values are over (the value run's) */
    public ActionChooser(ActionPolicy policy, double horizonDays) {
        this.policy = policy;
        this.horizonDays = horizonDays;
    }

    public NextBestAction choose(CustomerFacts facts) {
        ActionPolicy.Rule best = null;
        double bestUplift = 0;
        ActionPolicy.Rule bestLoss = null;
        double bestLossUplift = Double.NEGATIVE_INFINITY;
        for (ActionPolicy.Rule rule : policy.rules()) {
            if (!rule.applies(facts)) {
                continue;
            }
            double uplift = uplift(rule, facts);
            if (uplift > bestUplift) {
                best = rule;
                bestUplift = uplift;
            } else if (uplift > bestLossUplift) {
                bestLoss = rule;
                bestLossUplift = uplift;
            }
        }
        double baseline = facts.baseline();
        List<String> reasons = new ArrayList<>();
        if (best == null) {
            ActionPolicy.Rule fallback = policy.fallback();
            reasons.addAll(figures(facts, false));
            reasons.add(bestLoss == null ? "no action's conditions hold"
                    : "no action pays for itself: the best, " + bestLoss.id() + ", would bring "
                    + money(bestLossUplift));
            reasons.add("expected value " + money(baseline) + " with no action");
            return new NextBestAction(facts.customerId(), fallback.id(), fallback.label(), baseline, 0, baseline,
                    List.copyOf(reasons), null, null);
        }
        boolean withProduct = best.withProduct() || best.gain() == ActionPolicy.Gain.RECOMMENDED_PRODUCT;
        CustomerFacts.Recommended product = withProduct ? facts.recommended() : null;
        if (product != null) {
            reasons.add("offer " + product.name() + " (" + product.productId() + "): " + product.reason());
        }
        reasons.addAll(figures(facts, true));
        reasons.add("expected value " + money(baseline + bestUplift) + " = " + money(baseline)
                + " with no action + " + money(bestUplift) + " from " + best.id() + " (" + percent(best.responseRate())
                + " of " + money(gain(best.gain(), facts)) + " " + gainWords(best.gain()) + " - " + money(best.cost())
                + " cost)");
        return new NextBestAction(facts.customerId(), best.id(), best.label(), baseline + bestUplift, bestUplift,
                baseline, List.copyOf(reasons), product == null ? null : product.productId(),
                product == null ? null : product.name());
    }

    double uplift(ActionPolicy.Rule rule, CustomerFacts facts) {
        return rule.responseRate() * gain(rule.gain(), facts) - rule.cost();
    }

    static double gain(ActionPolicy.Gain gain, CustomerFacts f) {
        return switch (gain) {
            case VALUE_AT_RISK -> f.riskOrHalf() * f.valueIfRetained();
            case RETAINED_VALUE -> (1 - f.riskOrHalf()) * f.valueIfRetained();
            case RECOMMENDED_PRODUCT -> f.recommended() == null ? 0 : (1 - f.riskOrHalf()) * f.recommended().lineValue();
            case ORDER_VALUE -> f.avgOrderValue();
        };
    }

    private static String gainWords(ActionPolicy.Gain gain) {
        return switch (gain) {
            case VALUE_AT_RISK -> "at risk";
            case RETAINED_VALUE -> "expected spend";
            case RECOMMENDED_PRODUCT -> "for the product";
            case ORDER_VALUE -> "a usual order";
        };
    }

    /** The figures a marketer weighs, in words: risk, value, history, the segments' own suggestions, a birthday. */
    private List<String> figures(CustomerFacts f, boolean chosen) {
        List<String> out = new ArrayList<>();
        if (f.risk() == null) {
            out.add("no churn or P(alive) figure (run analyze and churn): risk taken as 50%");
        } else if ("churn model".equals(f.riskSource())) {
            out.add("churn risk " + percent(f.risk()) + " (churn model, next " + f.churnHorizonDays() + " days)"
                    + (f.pAlive() == null ? "" : "; P(alive) " + percent(f.pAlive())));
        } else {
            out.add("churn risk " + percent(f.risk()) + " (1 - P(alive))");
        }
        out.add("would spend " + money(f.valueIfRetained()) + " over " + Math.round(horizonDays)
                + " days at their past pace (" + rank(f.valuePercentile()) + ")"
                + (f.clv() == null ? "" : "; CLV " + money(f.clv())));
        out.add("last order " + f.recencyDays() + " days ago; " + f.frequency() + (f.frequency() == 1 ? " order, "
                : " orders, ") + money(f.monetary()) + " spent");
        if (f.segmentName() != null) {
            out.add("segment '" + f.segmentName() + "'" + (f.segmentAction() == null ? ""
                    : " suggests: " + f.segmentAction()));
        }
        if (f.rfmSegment() != null) {
            out.add("RFM segment " + f.rfmSegment());
        }
        if (f.highValueAtRisk()) {
            out.add("on the high-value-at-risk care list (CLV in the top fifth, risk 50% or more)");
        }
        if (f.daysToBirthday() != null && f.daysToBirthday() <= 31) {
            out.add(f.daysToBirthday() == 0 ? "birthday today" : "birthday in " + days(f.daysToBirthday()));
        }
        if (f.daysToAnniversary() != null && f.daysToAnniversary() <= 31) {
            out.add(f.daysToAnniversary() == 0 ? "customer since this day in an earlier year"
                    : "anniversary as a customer in " + days(f.daysToAnniversary()));
        }
        return out;
    }

    private static String days(int n) {
        return n + (n == 1 ? " day" : " days");
    }

    /** "top 5% of customers" for a percentile of 0.95; the lower half as "bottom 30%". */
    static String rank(double percentile) {
        long top = Math.max(1, Math.round((1 - percentile) * 100));
        return top <= 50 ? "top " + top + "% of customers"
                : "bottom " + Math.max(1, Math.round(percentile * 100)) + "% of customers";
    }

    static String money(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
