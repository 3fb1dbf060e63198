package dev.custograph.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The care lists on customers whose dates and values were chosen by hand: the window's edges, a 29 February
 * birthday in a year without one, a window across the new year, the sign-up day itself, and the CLV quantile.
 */
@EmbeddedGraphTest(checkInvariants = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareListsIT {

    @TempDir
    static Path temp;

    GraphConnection db;
    CareLists lists;

    @BeforeAll
    void customers(GraphConnection store) {
        db = store;
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("TODAY", "1985-02-20", null, null, null, null));      // birthday today: in, turns 40
        rows.add(row("LEAP", "2000-02-29", null, null, null, null));       // 1 March 2025: in, turns 25
        rows.add(row("EDGE", "1970-03-06", null, null, null, null));       // today + 14: in
        rows.add(row("PAST-EDGE", "1970-03-07", null, null, null, null));  // today + 15: out
        rows.add(row("YESTERDAY", "1980-02-19", null, null, null, null));  // next is 2026: out
        rows.add(row("ONE-YEAR", null, "2024-02-25", null, null, null));   // anniversary in 5 days: 1 year
        rows.add(row("NEW", null, "2025-02-21", null, null, null));        // signed up tomorrow: no anniversary
        rows.add(row("OLD", null, "2010-03-01", null, null, null));        // 15 years on 1 March
        for (int i = 1; i <= 10; i++) {
            // CLV 10..100, at risk (churn 0.7) when i is even.
            rows.add(row("V" + i, null, null, 10.0 * i, i % 2 == 0 ? 0.7 : 0.2, null));
        }
        rows.add(row("V-NO-CHURN", null, null, 95.0, null, 0.3));          // no churn score, P(alive) 0.3: at risk
        db.graph().write("test/care-customers", Map.of("rows", rows));
        lists = new CareLists(db.graph());
    }

    @Test
    void birthdaysInTheNextTwoWeeksCountTodayAndTheLastDay() {
        List<CareLists.Entry> birthdays = lists.list(CareLists.Kind.BIRTHDAYS, settings("2025-02-20", 14));
        assertThat(birthdays).extracting(CareLists.Entry::customerId).containsExactly("TODAY", "LEAP", "EDGE");
        assertThat(birthdays).extracting(CareLists.Entry::date).containsExactly(LocalDate.parse("2025-02-20"),
                LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-06"));
        assertThat(birthdays).extracting(CareLists.Entry::years).containsExactly(40L, 25L, 55L);
        // In a leap year the 29th itself.
        assertThat(lists.list(CareLists.Kind.BIRTHDAYS, settings("2028-02-28", 1)))
                .extracting(CareLists.Entry::date).containsExactly(LocalDate.parse("2028-02-29"));
    }

    @Test
    void aWindowAcrossTheNewYearFindsNextYearsBirthdays() {
        // 20 December 2025 + 70 days = 28 February 2026; 2026 has no 29 February, so LEAP's falls on 1 March: out.
        List<CareLists.Entry> birthdays = lists.list(CareLists.Kind.BIRTHDAYS, settings("2025-12-20", 70));
        assertThat(birthdays).extracting(CareLists.Entry::customerId).containsExactly("YESTERDAY", "TODAY");
        assertThat(birthdays).extracting(CareLists.Entry::date).containsExactly(LocalDate.parse("2026-02-19"),
                LocalDate.parse("2026-02-20"));
    }

    @Test
    void anniversariesLeaveOutTheSignUpDayItself() {
        List<CareLists.Entry> anniversaries = lists.list(CareLists.Kind.ANNIVERSARIES, settings("2025-02-20", 14));
        assertThat(anniversaries).extracting(CareLists.Entry::customerId).containsExactly("ONE-YEAR", "OLD");
        assertThat(anniversaries).extracting(CareLists.Entry::years).containsExactly(1L, 15L);
    }

    @Test
    void highValueAtRiskIsTheTopQuantileWithAChurnRiskOrALowPAlive() {
        List<CareLists.Entry> atRisk = lists.list(CareLists.Kind.HIGH_VALUE_AT_RISK, settings("2025-02-20", 14));
        // The eleven CLVs sorted are 10..90, 95, 100; the 0.8 quantile is the 9th (index 8): 90. Valuable: V9, V10
        // and V-NO-CHURN; V9's churn is 0.2, so at risk are V10 (0.7) and V-NO-CHURN (no score, P(alive) 0.3).
        assertThat(atRisk).extracting(CareLists.Entry::customerId).containsExactly("V10", "V-NO-CHURN");
    }

    @Test
    void csvHasAHeaderAndOneRowPerCustomer() throws Exception {
        StringWriter out = new StringWriter();
        CareLists.writeCsv(lists.list(CareLists.Kind.BIRTHDAYS, settings("2025-02-20", 14)), out);
        assertThat(out.toString().lines().toList()).containsExactly(
                "customer_id,date,years,clv,churn_probability,p_alive", "TODAY,2025-02-20,40,,,",
                "LEAP,2025-03-01,25,,,", "EDGE,2025-03-06,55,,,");
        Map<String, Object> written = lists.writeAll(temp.resolve("lists"), settings("2025-02-20", 14));
        assertThat(written).containsOnlyKeys("birthdays", "anniversaries", "high-value-at-risk");
        assertThat(Files.readAllLines(temp.resolve("lists/anniversaries-2025-02-20.csv"))).hasSize(3);
        assertThat(dev.custograph.files.PrivateFiles.isOwnerOnly(temp.resolve("lists/birthdays-2025-02-20.csv")))
                .isTrue();
        assertThatThrownBy(() -> settings("2025-02-20", 400)).hasMessage("days: must be 0-366, got 400");
        assertThatThrownBy(() -> CareLists.Kind.parse("weddings")).hasMessageContaining("got weddings");
    }

    private static CareLists.Settings settings(String today, int days) {
        return new CareLists.Settings(LocalDate.parse(today), days, 0.8, 0.5, 1000);
    }

    private static Map<String, Object> row(String id, String birthDate, String registeredAt, Double clv, Double churn,
                                           Double pAlive) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("birthDate", birthDate == null ? null : LocalDate.parse(birthDate));
        row.put("registeredAt", registeredAt == null ? null : LocalDate.parse(registeredAt));
        row.put("clv", clv);
        row.put("churn", churn);
        row.put("pAlive", pAlive);
        return row;
    }
}
