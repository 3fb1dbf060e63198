package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import dev.custograph.analytics.ProbabilisticValue.TimeUnit;
import dev.custograph.graph.CustomerHistories.History;
import org.junit.jupiter.api.Test;

/**
 * Per-customer predictions of a run equal the formulas applied customer by customer: E[Y(t)] of Fader, Hardie and
 * Lee (eq. 10) over the horizon, and CLV = margin x E[M] x the expected purchases of each month discounted to the
 * month's end. The run shares the series between customers with the same (x, T); this checks that sharing changes
 * nothing.
 */
class CustomerLifetimeValueTest {

    private static final int AS_OF = (int) LocalDate.of(1998, 6, 30).toEpochDay();
    private static final double MONTH_DAYS = 365.25 / 12;

    @Test
    void predictionsEqualTheFormulasAppliedCustomerByCustomer() throws IOException {
        // The CDNOW sample: 2,357 customers who all made their first purchase in the first quarter of 1997, so
        // many share (x, T) while their last purchases differ.
        Map<String, TreeMap<Integer, Double>> spendByDay = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("..", "shared", "data", "cdnow", "CDNOW_sample.txt"))) {
            String[] f = line.trim().split("\\s+");
            int day = (int) LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toEpochDay();
            spendByDay.computeIfAbsent(f[0], c -> new TreeMap<>()).merge(day, Double.parseDouble(f[4]), Double::sum);
        }
        CustomerSummaries s = new CustomerSummaries(AS_OF, AS_OF);
        spendByDay.forEach((id, days) -> s.add(new History(id, null,
                days.keySet().stream().mapToInt(Integer::intValue).toArray(),
                days.values().stream().mapToDouble(Double::doubleValue).toArray(),
                days.keySet().stream().mapToInt(d -> 1).toArray())));
        double horizonWeeks = 26;
        double rate = 0.12;
        double margin = 0.3;
        ProbabilisticValue.Result result = ProbabilisticValue.run(s, TimeUnit.WEEK, horizonWeeks, rate, margin);
        BgNbd model = result.bgNbd().model();
        GammaGamma value = result.gammaGamma().model();
        assertThat(model).as(result.bgNbd().problem()).isNotNull();
        assertThat(value).as(result.gammaGamma().problem()).isNotNull();

        for (int i = 0; i < s.size(); i++) {
            double x = s.repeatPurchases(i);
            double tx = (s.lastDay(i) - s.firstDay(i)) / 7.0;
            double t = s.tenureDays(i) / 7.0;
            double spend = value.expectedAverageSpend(x, s.averageRepeatSpend(i));
            double horizonDays = horizonWeeks * 7;
            double clv = 0;
            for (int month = 1; (month - 1) * MONTH_DAYS < horizonDays; month++) {
                double end = Math.min(month * MONTH_DAYS, horizonDays);
                double start = (month - 1) * MONTH_DAYS;
                clv += (model.expectedPurchases(end / 7, x, tx, t) - model.expectedPurchases(start / 7, x, tx, t))
                        / Math.pow(1 + rate, end / 365.25);
            }
            clv *= margin * spend;
            assertThat(result.probabilityAlive()[i]).isCloseTo(model.probabilityAlive(x, tx, t), within(1e-12));
            assertThat(result.expectedPurchases()[i])
                    .isCloseTo(model.expectedPurchases(horizonWeeks, x, tx, t), within(1e-9));
            assertThat(result.clv()[i]).as("customer %s", s.id(i)).isCloseTo(clv, within(1e-9 * Math.max(1, clv)));
        }
    }
}
