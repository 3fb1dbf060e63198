package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.custograph.model.Customer;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data set is deterministic and has the shape the issue asks for; each property is measured here. */
class DemoDataGeneratorTest {

    static Dataset demo;

    @BeforeAll
    static void generate() {
        demo = new DemoDataGenerator(DemoDataGenerator.Spec.demo()).generate();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        Dataset again = new DemoDataGenerator(DemoDataGenerator.Spec.demo()).generate();
        assertThat(again).isEqualTo(demo);
    }

    @Test
    void hasThousandsOfCustomersTensOfThousandsOfOrdersAndHundredsOfProducts() {
        assertThat(demo.customers()).hasSize(3000);
        assertThat(demo.products()).hasSize(300);
        assertThat(demo.categories()).hasSize(12);
        assertThat(demo.orders()).hasSizeBetween(20_000, 60_000);
        assertThat(demo.orders()).allSatisfy(o -> assertThat(o.orderDate())
                .isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void everyCustomerHasANameAValidLookingEmailAPhoneACountryAndABirthDate() {
        Set<String> emails = new HashSet<>();
        assertThat(demo.customers()).allSatisfy(c -> {
            assertThat(c.name()).contains(" ");
            assertThat(c.email()).matches("[a-z.\\-]+\\d+@example\\.com");
            assertThat(c.phone()).matches("\\+\\d{10,13}");
            assertThat(phones.isValidNumber(parse(c.phone()))).as("valid phone %s", c.phone()).isTrue();
            assertThat(c.country()).isNotBlank();
            assertThat(emails.add(c.email())).as("unique email %s", c.email()).isTrue();
            // An adult of at most 81 when registering, so the birthday care list has customers on the demo.
            assertThat(c.birthDate()).isBetween(c.registeredAt().minusYears(81), c.registeredAt().minusYears(18));
        });
    }

    @Test
    void everyLineReferencesAKnownOrderAndProductAndTotalsAddUp() {
        Set<String> products = demo.products().stream().map(p -> p.productId()).collect(Collectors.toSet());
        Map<String, Double> sums = new HashMap<>();
        for (OrderLine line : demo.lines()) {
            assertThat(products).contains(line.productId());
            sums.merge(line.orderId(), line.amount(), Double::sum);
        }
        assertThat(demo.orders()).allSatisfy(o ->
                assertThat(o.total()).isCloseTo(sums.get(o.orderId()), org.assertj.core.data.Offset.offset(0.006)));
    }

    @Test
    void spendIsSkewedTowardAFewCustomers() {
        List<Double> revenue = revenueByCustomer().values().stream().sorted(Comparator.reverseOrder()).toList();
        double total = revenue.stream().mapToDouble(Double::doubleValue).sum();
        double topFifth = revenue.subList(0, revenue.size() / 5).stream().mapToDouble(Double::doubleValue).sum();
        assertThat(topFifth / total).as("revenue share of the top 20%% of customers").isGreaterThan(0.5);
    }

    @Test
    void manyCustomersStopBuying() {
        Map<String, LocalDate> last = new HashMap<>();
        demo.orders().forEach(o -> last.merge(o.customerId(), o.orderDate(), (a, b) -> a.isAfter(b) ? a : b));
        Map<String, LocalDate> registered = demo.customers().stream()
                .collect(Collectors.toMap(Customer::customerId, Customer::registeredAt));
        // Customers who registered in the first year and have not bought in the last six months.
        long early = registered.values().stream().filter(d -> d.getYear() == 2024).count();
        long lapsed = last.entrySet().stream().filter(e -> registered.get(e.getKey()).getYear() == 2024)
                .filter(e -> e.getValue().isBefore(LocalDate.of(2025, 7, 1))).count();
        assertThat((double) lapsed / early).isBetween(0.3, 0.9);
    }

    @Test
    void novemberAndDecemberSellMoreThanJanuaryAndFebruary() {
        Map<Month, Long> byMonth = demo.orders().stream()
                .collect(Collectors.groupingBy(o -> o.orderDate().getMonth(), Collectors.counting()));
        assertThat(byMonth.get(Month.NOVEMBER) + byMonth.get(Month.DECEMBER))
                .isGreaterThan((long) (1.5 * (byMonth.get(Month.JANUARY) + byMonth.get(Month.FEBRUARY))));
    }

    @Test
    void someProductPairsAreBoughtTogetherFarMoreOftenThanChance() {
        Map<String, Set<String>> baskets = new HashMap<>();
        demo.lines().forEach(l -> baskets.computeIfAbsent(l.orderId(), id -> new HashSet<>()).add(l.productId()));
        Map<String, Integer> single = new HashMap<>();
        Map<String, Integer> pairs = new HashMap<>();
        for (Set<String> basket : baskets.values()) {
            for (String a : basket) {
                single.merge(a, 1, Integer::sum);
                for (String b : basket) {
                    if (a.compareTo(b) < 0) {
                        pairs.merge(a + "|" + b, 1, Integer::sum);
                    }
                }
            }
        }
        double n = baskets.size();
        long strongPairs = pairs.entrySet().stream().filter(e -> e.getValue() >= 20).filter(e -> {
            String[] ab = e.getKey().split("\\|");
            double lift = e.getValue() / n / (single.get(ab[0]) / n * single.get(ab[1]) / n);
            return lift > 3;
        }).count();
        assertThat(strongPairs).as("pairs with count >= 20 and lift > 3").isGreaterThan(20);
    }

    private static final com.google.i18n.phonenumbers.PhoneNumberUtil phones =
            com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();

    private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parse(String e164) {
        try {
            return phones.parse(e164, "ZZ");
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new AssertionError(e164, e);
        }
    }

    private static Map<String, Double> revenueByCustomer() {
        return demo.orders().stream().collect(Collectors.groupingBy(Order::customerId,
                Collectors.summingDouble(Order::total)));
    }
}
