package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.custograph.analytics.CdnowSample.Purchase;
import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.graph.CustomerHistories;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.Test;
import dev.custograph.model.InvalidParameterException;

/**
 * The whole analytics path on real data: the CDNOW 1/10th sample is imported (as a lines file, one order per row),
 * projected out of the graph and modelled. The fitted BG/NBD and Gamma-Gamma must be the published ones, and RFM
 * must equal a recomputation from the raw file written here, independently of the production code.
 */
class CdnowValueAnalysisIT extends CdnowSampleStore {

    static final LocalDate AS_OF = LocalDate.of(1998, 6, 30);
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);


    @Test
    void fittedOnTheCalibrationPeriodTheModelsAreThePublishedOnes() {
        AnalyticsReport report = new ValueAnalysis(db.graph()).run(parameters(false), null);

        assertThat(report.customers()).isEqualTo(2357);
        assertThat(report.bgnbd().customers()).isEqualTo(2357);
        assertThat(report.bgnbd().r()).isCloseTo(0.243, withinPercentage(0.5));
        assertThat(report.bgnbd().alpha()).isCloseTo(4.414, withinPercentage(0.5));
        assertThat(report.bgnbd().a()).isCloseTo(0.793, withinPercentage(0.5));
        assertThat(report.bgnbd().b()).isCloseTo(2.426, withinPercentage(0.5));
        assertThat(report.gammaGamma().customers()).isEqualTo(946);
        assertThat(report.gammaGamma().p()).isCloseTo(6.25, withinPercentage(0.5));
        assertThat(report.gammaGamma().q()).isCloseTo(3.74, withinPercentage(0.5));
        // The published fits are sound models: nothing warns against them.
        assertThat(report.warnings()).isEmpty();
        assertThat(report.gammaGamma().v()).isCloseTo(15.44, withinPercentage(0.5));

        // Hold-out: actual repeat purchase days after the calibration end, counted from the raw file.
        Map<String, TreeSet<LocalDate>> days = daysByCustomer();
        long actual = days.values().stream().mapToLong(d -> d.tailSet(CALIBRATION_END, false).size()).sum();
        assertThat(report.holdout().actual()).isEqualTo(actual);
        assertThat(report.holdout().customers()).isEqualTo(2357);
        // Customers with more calibration purchases buy more in the hold-out, predicted and actual alike.
        List<ProbabilisticValue.HoldoutRow> rows = report.holdout().byRepeatPurchases();
        assertThat(rows.get(0).predictedMean()).isLessThan(rows.get(rows.size() - 1).predictedMean());
        assertThat(rows.get(0).actualMean()).isLessThan(rows.get(rows.size() - 1).actualMean());
    }

    @Test
    void rfmEqualsARecomputationFromTheRawFile() throws IOException {
        Path export = temp.resolve("values.csv");
        List<Map<String, String>> rows = new ArrayList<>();
        new ValueAnalysis(db.graph()).run(parameters(false), value -> rows.add(Map.of(
                "id", value.customerId(), "recency", String.valueOf(value.recencyDays()),
                "frequency", String.valueOf(value.frequency()), "monetary", String.valueOf(value.monetary()),
                "r", String.valueOf(value.rScore()), "f", String.valueOf(value.fScore()),
                "m", String.valueOf(value.mScore()), "segment", value.rfmSegment())));

        Map<String, Integer> recency = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, BigDecimal> monetary = new HashMap<>();
        for (Purchase p : purchases) {
            recency.merge(p.customer(), (int) (AS_OF.toEpochDay() - p.day().toEpochDay()), Math::min);
            frequency.merge(p.customer(), 1, Integer::sum);
            monetary.merge(p.customer(), p.dollars(), BigDecimal::add);
        }
        assertThat(rows).hasSize(recency.size());
        // Quintile score = 1 + floor(5 x customers strictly worse / n), counted here by brute force.
        List<Double> recencies = recency.values().stream().map(d -> -(double) d).toList();
        List<Double> frequencies = frequency.values().stream().map(Integer::doubleValue).toList();
        List<Double> monetaries = monetary.values().stream().map(BigDecimal::doubleValue).toList();
        for (Map<String, String> row : rows) {
            String id = row.get("id");
            assertThat(Integer.parseInt(row.get("recency"))).as(id).isEqualTo(recency.get(id));
            assertThat(Integer.parseInt(row.get("frequency"))).as(id).isEqualTo(frequency.get(id));
            assertThat(Double.parseDouble(row.get("monetary"))).as(id)
                    .isCloseTo(monetary.get(id).doubleValue(), within(0.005));
            assertThat(Integer.parseInt(row.get("r"))).as(id).isEqualTo(score(recencies, -recency.get(id)));
            assertThat(Integer.parseInt(row.get("f"))).as(id).isEqualTo(score(frequencies, frequency.get(id)));
            assertThat(Integer.parseInt(row.get("m"))).as(id)
                    .isEqualTo(score(monetaries, monetary.get(id).doubleValue()));
        }
    }

    @Test
    void theProjectionHoldsEachCustomersPurchaseDaysWithTheirSpendAndOrdersAsTheRawFileHasThem() {
        for (LocalDate asOf : List.of(AS_OF, CALIBRATION_END)) {
            // Per customer and day, from the raw rows: the day's dollars and its number of rows (one order each).
            Map<String, TreeMap<LocalDate, BigDecimal>> spend = new TreeMap<>();
            Map<String, Map<LocalDate, Integer>> orders = new HashMap<>();
            for (Purchase p : purchases) {
                if (!p.day().isAfter(asOf)) {
                    spend.computeIfAbsent(p.customer(), c -> new TreeMap<>()).merge(p.day(), p.dollars(), BigDecimal::add);
                    orders.computeIfAbsent(p.customer(), c -> new HashMap<>()).merge(p.day(), 1, Integer::sum);
                }
            }
            List<CustomerHistories.History> histories = new ArrayList<>();
            long read = new CustomerHistories(db.graph()).forEach(asOf, false, histories::add);

            assertThat(read).isEqualTo(2357);
            assertThat(histories).extracting(CustomerHistories.History::customerId).isSorted();
            for (CustomerHistories.History h : histories) {
                TreeMap<LocalDate, BigDecimal> expected = spend.getOrDefault(h.customerId(), new TreeMap<>());
                assertThat(h.purchaseDays()).as(h.customerId() + " up to " + asOf).isEqualTo(expected.size());
                int i = 0;
                for (Map.Entry<LocalDate, BigDecimal> day : expected.entrySet()) {
                    assertThat(LocalDate.ofEpochDay(h.days()[i])).isEqualTo(day.getKey());
                    assertThat(h.spends()[i]).as(h.customerId() + " on " + day.getKey())
                            .isCloseTo(day.getValue().doubleValue(), within(1e-9));
                    assertThat(h.orders()[i]).isEqualTo(orders.get(h.customerId()).get(day.getKey()));
                    i++;
                }
            }
        }
    }

    @Test
    void resultsAreWrittenOntoTheCustomersAndTheRunIsRecorded() {
        AnalyticsReport report = new ValueAnalysis(db.graph()).run(parameters(true), null);
        List<Map<String, Object>> top = db.graph().readRows("browser/top-clv-customers", Map.of());
        assertThat(top).hasSize(25);
        assertThat((Double) top.get(0).get("clv")).isGreaterThanOrEqualTo((Double) top.get(24).get("clv"));
        List<Map<String, Object>> segments = db.graph().readRows("browser/rfm-segment-sizes", Map.of());
        assertThat(segments.stream().mapToLong(s -> (Long) s.get("customers")).sum()).isEqualTo(2357);
        List<Map<String, Object>> runs = db.graph().readRows("browser/latest-analytics-run", Map.of());
        assertThat(runs.get(0).get("runId")).isEqualTo(report.runId());
        assertThat((Double) runs.get(0).get("r")).isCloseTo(0.243, withinPercentage(0.5));
    }

    @Test
    void wrongDatesAreRefusedAndNothingIsWritten() {
        GraphCounts before = GraphCounts.of(db.graph());
        ValueAnalysis analysis = new ValueAnalysis(db.graph());
        assertThatThrownBy(() -> analysis.run(new ValueAnalysis.Parameters(LocalDate.of(1996, 12, 31), null,
                TimeUnit.WEEK, null, 0.1, 1, 90, false, true), null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("asOf: 1996-12-31 is before the first order (1997-01-01): there is nothing to analyse");
        assertThatThrownBy(() -> analysis.run(new ValueAnalysis.Parameters(LocalDate.of(1997, 6, 30),
                LocalDate.of(1997, 9, 30), TimeUnit.WEEK, null, 0.1, 1, 90, false, true), null))
                .hasMessage("calibrationEnd: 1997-09-30 is after asOf 1997-06-30: the hold-out period would be "
                        + "empty");
        assertThat(GraphCounts.of(db.graph())).isEqualTo(before);
    }

    private static ValueAnalysis.Parameters parameters(boolean write) {
        return new ValueAnalysis.Parameters(AS_OF, CALIBRATION_END, TimeUnit.WEEK, 39.0, 0.1, 1.0, 90, false, write);
    }

    private static int score(List<Double> values, double value) {
        long below = values.stream().filter(v -> v < value).count();
        return 1 + (int) (5 * below / values.size());
    }

    private static Map<String, TreeSet<LocalDate>> daysByCustomer() {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        for (Purchase p : purchases) {
            days.computeIfAbsent(p.customer(), c -> new TreeSet<>()).add(p.day());
        }
        return days;
    }
}
