package dev.custograph.actions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the latest runs say about one customer, the inputs of its next best action: value figures ({@code analyze}),
 * the churn probability ({@code churn}), its K-Means segment ({@code segment}), its RFM segment, its next birthday
 * and its best recommendation. Any of them may be null when the run that makes it has not run or could not score the
 * customer. {@code valuePercentile} and {@code clvPercentile} place the customer among all those decided together.
 *
 * @param valueIfRetained what the customer spends over the horizon at the pace they have bought so far
 * @param risk            the churn probability, or 1 - P(alive) when churn did not score the customer
 * @param riskSource      "churn model" or "P(alive)", for the reasons; null with no risk
 */
public record CustomerFacts(String customerId, int recencyDays, int frequency, double monetary, int tenureDays,
                            double avgOrderValue, Double clv, Double pAlive, Double churnProbability,
                            Integer churnHorizonDays, String rfmSegment, String segmentName, String segmentAction,
                            Integer daysToBirthday, Integer daysToAnniversary, Recommended recommended, double valueIfRetained, Double risk,
                            String riskSource, double valuePercentile, Double clvPercentile) {

    /** The product the recommendations rank first for the customer, with the first reason they give. */
    public record Recommended(String productId, String name, String reason, double lineValue) {
    }

    /** What kind of condition a figure takes. */
    enum Kind { NUMBER, TEXT, YES_NO }

    /** The figures a policy's conditions may name, in the order the policy file lists them. */
    static final Map<String, Kind> FACTS = new LinkedHashMap<>();

    static {
        for (String number : new String[] {"risk", "valueIfRetained", "valuePercentile", "clv", "clvPercentile",
                "pAlive", "churnProbability", "recencyDays", "frequency", "monetary", "tenureDays", "avgOrderValue",
                "daysToBirthday", "daysToAnniversary"}) {
            FACTS.put(number, Kind.NUMBER);
        }
        FACTS.put("rfmSegment", Kind.TEXT);
        FACTS.put("segmentName", Kind.TEXT);
        FACTS.put("segmentAction", Kind.TEXT);
        FACTS.put("hasRecommendation", Kind.YES_NO);
    }

    /** The same facts placed among the other customers. */
    CustomerFacts withRanks(double valuePercentile, Double clvPercentile) {
        return new CustomerFacts(customerId, recencyDays, frequency, monetary, tenureDays, avgOrderValue, clv, pAlive,
                churnProbability, churnHorizonDays, rfmSegment, segmentName, segmentAction, daysToBirthday,
                daysToAnniversary, recommended, valueIfRetained, risk, riskSource, valuePercentile, clvPercentile);
    }

    /** The same facts with the customer's best recommendation (null for none). */
    CustomerFacts withRecommended(Recommended recommended) {
        return new CustomerFacts(customerId, recencyDays, frequency, monetary, tenureDays, avgOrderValue, clv, pAlive,
                churnProbability, churnHorizonDays, rfmSegment, segmentName, segmentAction, daysToBirthday,
                daysToAnniversary, recommended, valueIfRetained, risk, riskSource, valuePercentile, clvPercentile);
    }

    /** A customer spending at their pace for shorter than this is measured over it: one lucky week is not a pace. */
    public static final int MIN_PACE_DAYS = 90;

    static Kind kindOf(String fact) {
        return FACTS.get(fact);
    }

    /** What a customer spends over {@code horizonDays} at the pace they have bought so far. */
    public static double valueIfRetained(double monetary, int tenureDays, double horizonDays) {
        return monetary / Math.max(tenureDays, MIN_PACE_DAYS) * horizonDays;
    }

    /** The value of the figure a condition names; null when the customer has none. */
    Object fact(String name) {
        return switch (name) {
            case "risk" -> risk;
            case "valueIfRetained" -> valueIfRetained;
            case "valuePercentile" -> valuePercentile;
            case "clv" -> clv;
            case "clvPercentile" -> clvPercentile;
            case "pAlive" -> pAlive;
            case "churnProbability" -> churnProbability;
            case "recencyDays" -> recencyDays;
            case "frequency" -> frequency;
            case "monetary" -> monetary;
            case "tenureDays" -> tenureDays;
            case "avgOrderValue" -> avgOrderValue;
            case "daysToBirthday" -> daysToBirthday;
            case "daysToAnniversary" -> daysToAnniversary;
            case "rfmSegment" -> rfmSegment;
            case "segmentName" -> segmentName;
            case "segmentAction" -> segmentAction;
            case "hasRecommendation" -> recommended != null;
            default -> throw new IllegalArgumentException("unknown figure " + name);
        };
    }

    /**
     * Whether the customer is on the care list of valuable customers at risk as its defaults draw it (CLV in the top
     * fifth, risk 50% or more; {@code careList(kind: HIGH_VALUE_AT_RISK)}).
     */
    boolean highValueAtRisk() {
        return clvPercentile != null && clvPercentile >= 0.8 && risk != null && risk >= 0.5;
    }

    /** The expected spend over the horizon with no action: (1 - risk) x valueIfRetained; risk unknown counts 0.5. */
    double baseline() {
        return (1 - riskOrHalf()) * valueIfRetained;
    }

    double riskOrHalf() {
        return risk == null ? 0.5 : risk;
    }
}
