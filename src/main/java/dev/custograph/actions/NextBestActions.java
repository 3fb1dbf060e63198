package dev.custograph.actions;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.custograph.analytics.AnalyticsFailedException;
import dev.custograph.analytics.SortedValues;
import dev.custograph.graph.AnalyticsReads;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.graph.RunRecord;
import dev.custograph.model.AnalyticsRunSummary;
import dev.custograph.recommend.Recommendation;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommendations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One next-best-action run: read what the latest value, churn and segment runs left on every analysed customer, add
 * each one's best recommendation, choose its action by the policy ({@link ActionChooser}), and write the choice onto
 * the customer ({@code c.nextAction}, {@code c.nextActionValue}, ...) with the run recorded, replacing the previous
 * run's. It decides; it changes no model's figures.
 */
public final class NextBestActions {

    private static final GraphChange WRITES = new GraphChange.RunWrote(GraphChange.RunKind.ACTIONS);
    private static final Logger log = LoggerFactory.getLogger(NextBestActions.class);
    private static final int PAGE = 10_000;

    /**
     * @param today           the day birthdays count from
     * @param recommendations whether to rank recommendations for every customer (cross-sell and products to offer)
     */
    public record Parameters(ActionPolicy policy, LocalDate today, boolean recommendations, boolean write) {
    }

    private final Graph graph;
    private final Recommendations shared;

    /** A run that ranks recommendations of its own when asked for them. */
    public NextBestActions(Graph graph) {
        this(graph, null);
    }

    /** @param shared a serving process's recommendations, refreshed and read instead of a snapshot of its own */
    public NextBestActions(Graph graph, Recommendations shared) {
        this.graph = graph;
        this.shared = shared;
    }

    /** Decides for every analysed customer; each decision also goes to {@code perCustomer} (e.g. a CSV), may be null. */
    public ActionsReport run(Parameters p, Consumer<NextBestAction> perCustomer) {
        long started = System.nanoTime();
        AnalyticsRunSummary valueRun = new AnalyticsReads(graph).run(null).orElseThrow(() ->
                new AnalyticsFailedException("no analytics run yet: run `custograph analyze` first (and `churn`, "
                        + "`segment` for their figures)"));
        double horizonDays = horizonDays(valueRun);
        List<CustomerFacts> facts = readFacts(p.today(), horizonDays);
        if (facts.isEmpty()) {
            throw new AnalyticsFailedException("no customer carries the latest value run's figures: run "
                    + "`custograph analyze` again");
        }
        if (p.recommendations()) {
            facts = withRecommendations(facts);
        }
        ActionChooser chooser = new ActionChooser(p.policy(), horizonDays);
        String runId = UUID.randomUUID().toString();
        OffsetDateTime decidedAt = OffsetDateTime.now();
        Map<String, double[]> totals = new LinkedHashMap<>();
        p.policy().actionIds().forEach(id -> totals.put(id, new double[3]));
        List<Map<String, Object>> page = new ArrayList<>();
        long written = 0;
        for (CustomerFacts f : facts) {
            NextBestAction action = chooser.choose(f);
            double[] t = totals.get(action.action());
            t[0]++;
            t[1] += action.expectedValue();
            t[2] += action.uplift();
            if (perCustomer != null) {
                perCustomer.accept(action);
            }
            if (p.write()) {
                page.add(row(action));
                if (page.size() == PAGE) {
                    written += write(page, runId, decidedAt);
                }
            }
        }
        if (p.write()) {
            written += write(page, runId, decidedAt);
            long cleared = graph.writeReturningLong("actions/clear-stale-actions", Map.of("runId", runId), WRITES);
            log.info("Wrote {} next best actions; cleared an earlier run's from {} customers", written, cleared);
        }
        List<ActionsReport.ActionCount> byAction = new ArrayList<>();
        totals.forEach((id, t) -> byAction.add(new ActionsReport.ActionCount(id, p.policy().rule(id).label(),
                (long) t[0], round(t[1]), round(t[2]))));
        ActionsReport report = new ActionsReport(runId, p.today(), valueRun.runId(), valueRun.asOf(), horizonDays,
                facts.size(), byAction, p.policy().source(), p.recommendations(), null, written,
                (System.nanoTime() - started) / 1e9);
        if (p.write()) {
            RunRecord.finished(GraphChange.RunKind.ACTIONS, runId).with("asOf", valueRun.asOf())
                    .with("startedAt", decidedAt).with("customers", facts.size())
                    .with("policy", p.policy().source()).withJson("metrics", report).writeTo(graph);
        }
        return report;
    }

    /** The value run's horizon in days (a year when it used the default). */
    static double horizonDays(AnalyticsRunSummary run) {
        return run.horizon() * ("day".equals(run.timeUnit()) ? 1 : 7);
    }

    /**
     * Every analysed customer's facts, read a page at a time and kept as records (not rows: a million customers'
     * rows would hold a million maps), then placed among each other by value and CLV.
     */
    private List<CustomerFacts> readFacts(LocalDate today, double horizonDays) {
        List<CustomerFacts> unranked = new ArrayList<>();
        String after = "";
        while (true) {
            List<Row> page = graph.rows("actions/customer-facts", Map.of("after", after, "limit", PAGE));
            for (Row r : page) {
                unranked.add(facts(r, today, horizonDays));
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).string("customerId");
        }
        Percentiles valueRank = new Percentiles(unranked.stream().mapToDouble(CustomerFacts::valueIfRetained)
                .toArray());
        Percentiles clvRank = new Percentiles(unranked.stream().map(CustomerFacts::clv)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray());
        List<CustomerFacts> facts = new ArrayList<>(unranked.size());
        for (CustomerFacts f : unranked) {
            facts.add(f.withRanks(valueRank.of(f.valueIfRetained()), f.clv() == null ? null : clvRank.of(f.clv())));
        }
        return facts;
    }

    /** One customer's facts from its row, not yet placed among the others. */
    private static CustomerFacts facts(Row r, LocalDate today, double horizonDays) {
        Double clv = r.doubleOrNull("clv");
        Double pAlive = r.doubleOrNull("pAlive");
        Double churn = r.doubleOrNull("churnProbability");
        Double risk = churn != null ? churn : pAlive != null ? 1 - pAlive : null;
        String riskSource = churn != null ? "churn model" : pAlive != null ? "P(alive)" : null;
        Long churnHorizon = r.longOrNull("churnHorizonDays");
        double monetary = r.doubleValue("monetary");
        int tenureDays = (int) r.longValue("tenureDays");
        return new CustomerFacts(r.string("customerId"), (int) r.longValue("recencyDays"),
                (int) r.longValue("frequency"), monetary, tenureDays, r.doubleValue("avgOrderValue"), clv, pAlive,
                churn, churnHorizon == null ? null : churnHorizon.intValue(), r.string("rfmSegment"),
                r.string("segmentName"), r.string("segmentAction"), daysUntil(r.date("birthDate"), today),
                daysUntil(r.date("registeredAt"), today), null,
                CustomerFacts.valueIfRetained(monetary, tenureDays, horizonDays), risk, riskSource, 0, null);
    }

    /**
     * Days from {@code today} to the next return of a date's day and month (0 today): a birthday, a sign-up
     * anniversary. A 29 February falls on 1 March in other years.
     */
    static Integer daysUntil(LocalDate date, LocalDate today) {
        if (date == null) {
            return null;
        }
        MonthDay day = MonthDay.from(date);
        LocalDate next = day.isValidYear(today.getYear()) ? day.atYear(today.getYear())
                : LocalDate.of(today.getYear(), 3, 1);
        if (next.isBefore(today)) {
            next = day.isValidYear(today.getYear() + 1) ? day.atYear(today.getYear() + 1)
                    : LocalDate.of(today.getYear() + 1, 3, 1);
        }
        return (int) ChronoUnit.DAYS.between(today, next);
    }

    /** Each customer's first recommendation, from a snapshot ranked for all of them at once. */
    private List<CustomerFacts> withRecommendations(List<CustomerFacts> facts) {
        long started = System.nanoTime();
        Map<String, Recommendation> first = new HashMap<>();
        Recommendations own = shared != null ? null : new Recommendations(graph, RecommendationWeights.DEFAULT,
                Duration.ZERO, Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Recommendations recommendations = shared != null ? shared : own;
            recommendations.refresh();
            for (CustomerFacts f : facts) {
                List<Recommendation> list = recommendations.forCustomer(f.customerId(), 1).recommendations();
                if (!list.isEmpty()) {
                    first.put(f.customerId(), list.get(0));
                }
            }
        } finally {
            if (own != null) {
                own.close();
            }
        }
        Set<String> products = new HashSet<>();
        first.values().forEach(r -> products.add(r.productId()));
        Map<String, Double> lineValues = new HashMap<>();
        List<String> ids = new ArrayList<>(products);
        for (int from = 0; from < ids.size(); from += PAGE) {
            graph.rows("actions/product-line-values", Map.of("ids", ids.subList(from, Math.min(ids.size(), from + PAGE))))
                    .forEach(r -> lineValues.put(r.string("productId"), r.doubleValue("lineValue")));
        }
        List<CustomerFacts> out = new ArrayList<>(facts.size());
        for (CustomerFacts f : facts) {
            Recommendation r = first.get(f.customerId());
            Double lineValue = r == null ? null : lineValues.get(r.productId());
            CustomerFacts.Recommended recommended = lineValue == null ? null : new CustomerFacts.Recommended(
                    r.productId(), r.name() == null ? r.productId() : r.name(),
                    r.reasons().isEmpty() ? "recommended" : r.reasons().get(0).text(), lineValue);
            out.add(f.withRecommended(recommended));
        }
        log.info("Recommendations for {} of {} customers in {} s", first.size(), facts.size(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return out;
    }

    private static Map<String, Object> row(NextBestAction a) {
        Map<String, Object> row = new HashMap<>();
        row.put("customerId", a.customerId());
        row.put("action", a.action());
        row.put("label", a.label());
        row.put("expectedValue", a.expectedValue());
        row.put("uplift", a.uplift());
        row.put("baseline", a.baseline());
        row.put("reasons", a.reasons());
        row.put("productId", a.productId());
        return row;
    }

    private long write(List<Map<String, Object>> page, String runId, OffsetDateTime decidedAt) {
        if (page.isEmpty()) {
            return 0;
        }
        graph.write("actions/write-actions", Map.of("rows", List.copyOf(page), "runId", runId, "decidedAt",
                decidedAt), WRITES);
        int size = page.size();
        page.clear();
        return size;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The share of values strictly below a value: 0 for the lowest, near 1 for the highest. */
    static final class Percentiles {
        private final double[] sorted;

        Percentiles(double[] values) {
            sorted = values.clone();
            Arrays.sort(sorted);
        }

        double of(double value) {
            return sorted.length == 0 ? 0 : (double) SortedValues.below(sorted, value) / sorted.length;
        }
    }
}
