package dev.custograph.ingest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A deterministic, realistic retail data set for demos and scale tests: the same seed gives the same data on every
 * machine, with nothing to download.
 *
 * <p>How customers behave follows the story the BG/NBD model tells (Fader, Hardie &amp; Lee 2005), so the analytics
 * have something true to find: each customer buys at their own Poisson rate (rates are Gamma distributed across
 * customers, so a few buy very often), and after each purchase may become inactive for good (a Beta-distributed
 * drop-out probability): many customers stop buying. Spend per order is log-normal and differs by customer, so
 * revenue is skewed toward a few. Purchases follow a seasonal curve (a November-December peak, a January dip).
 * Each product has one or two companions that are often put in the same basket, so co-purchase rules exist.
 */
public final class DemoDataGenerator {

    /** Size and seed of a generated set. */
    public record Spec(int customers, int products, LocalDate start, LocalDate end, long seed) {
        /** The demo set {@code serve --demo} loads: 3,000 customers and 300 products over two years. */
        public static Spec demo() {
            return new Spec(3000, 300, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), 20240101L);
        }
    }

    private static final String[] CATEGORIES = {"Coffee & Tea", "Bakery", "Dairy", "Fresh Produce", "Snacks",
        "Household", "Personal Care", "Electronics", "Books", "Toys", "Garden", "Sports"};
    private static final double[] CATEGORY_BASE_PRICE = {9, 4, 3, 3, 3.5, 7, 8, 60, 15, 20, 18, 30};
    private static final String[] ADJECTIVES = {"Classic", "Organic", "Premium", "Everyday", "Deluxe", "Mini",
        "Family", "Eco", "Artisan", "Smart", "Travel", "Original", "Golden", "Nordic", "Urban"};
    private static final String[][] NOUNS = {
        {"Espresso Beans", "Green Tea", "Filter Coffee", "Chai Mix", "Cold Brew", "Earl Grey", "Mug"},
        {"Sourdough", "Croissant", "Bagels", "Rye Bread", "Muffins", "Baguette", "Cookies"},
        {"Milk", "Yoghurt", "Cheddar", "Butter", "Cream", "Feta", "Skyr"},
        {"Apples", "Bananas", "Tomatoes", "Spinach", "Avocados", "Berries", "Carrots"},
        {"Crisps", "Pretzels", "Chocolate", "Granola Bar", "Nuts", "Popcorn", "Crackers"},
        {"Dish Soap", "Sponges", "Bin Bags", "Laundry Liquid", "Paper Towels", "Candles", "Storage Box"},
        {"Shampoo", "Toothpaste", "Hand Cream", "Razor", "Soap Bar", "Deodorant", "Lip Balm"},
        {"Earbuds", "Charger", "Power Bank", "Speaker", "Keyboard", "Webcam", "Smart Plug"},
        {"Cookbook", "Thriller", "Atlas", "Notebook", "Poetry", "Biography", "Comic"},
        {"Puzzle", "Board Game", "Building Set", "Plush Bear", "Kite", "Toy Car", "Card Game"},
        {"Seeds", "Trowel", "Planter", "Hose", "Gloves", "Compost", "Bird Feeder"},
        {"Yoga Mat", "Water Bottle", "Dumbbells", "Running Socks", "Jump Rope", "Tennis Balls", "Gym Bag"}};
    private static final String[] FIRST_NAMES = {"Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leon",
        "Sofia", "Hugo", "Lea", "Jan", "Anna", "Marco", "Julia", "Lukas", "Chloe", "Mateo", "Ella", "Finn", "Nora",
        "Elias", "Ines", "Oscar", "Maja", "Arthur", "Zoe", "Paul", "Alice", "Louis", "Clara", "David", "Eva", "Omar",
        "Sara", "Tomas", "Ida", "Victor", "Lina", "Samuel"};
    private static final String[] LAST_NAMES = {"Smith", "Müller", "Martin", "García", "Rossi", "Jansen",
        "Johansson", "Kowalski", "Dubois", "Schmidt", "Brown", "Fernández", "Bianchi", "de Vries", "Nielsen",
        "Novak", "Wilson", "Weber", "Moreau", "López", "Romano", "Bakker", "Larsen", "Nowak", "Taylor", "Fischer",
        "Laurent", "Martínez", "Ricci", "Visser"};
    /** Country name, ISO code, international dialling code, relative weight. */
    private static final Object[][] COUNTRIES = {
        {"United Kingdom", "GB", "44", 30}, {"Germany", "DE", "49", 16}, {"France", "FR", "33", 12},
        {"United States", "US", "1", 10}, {"Spain", "ES", "34", 7}, {"Netherlands", "NL", "31", 6},
        {"Italy", "IT", "39", 6}, {"Sweden", "SE", "46", 4}, {"Poland", "PL", "48", 4}, {"Denmark", "DK", "45", 3},
        {"Ireland", "IE", "353", 2}};
    /** Relative purchase intensity per month, January first: a winter peak and a January dip. */
    private static final double[] SEASON = {0.75, 0.8, 0.95, 0.95, 1.0, 0.95, 0.9, 0.9, 1.0, 1.1, 1.45, 1.7};
    private static final double MAX_SEASON = 1.7;

    private final Spec spec;
    // A named generator algorithm, not java.util.Random, so the stream is fixed by the library's specification.
    private final UniformRandomProvider random;
    private final ContinuousSampler gaussian;
    private final ContinuousSampler purchaseRate;
    private final ContinuousSampler dropOut;

    public DemoDataGenerator(Spec spec) {
        this.spec = spec;
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(spec.seed());
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(random);
        // BG/NBD-style heterogeneity: purchase rate lambda ~ Gamma(r = 0.9, scale = 1/18 per day),
        // drop-out probability after each purchase p ~ Beta(1, 5).
        this.purchaseRate = AhrensDieterMarsagliaTsangGammaSampler.of(random, 0.9, 1 / 18.0);
        this.dropOut = ChengBetaSampler.of(random, 1.0, 5.0);
    }

    /** Receives the generated data one customer at a time, so a set of any size streams in bounded memory. */
    public interface Sink {
        void catalogue(List<Category> categories, List<Product> products);

        void customer(Customer customer, List<Order> orders, List<OrderLine> lines);
    }

    /** The whole set in memory, orders by date: for the demo, which is small. */
    public Dataset generate() {
        List<Category> categories = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        stream(new Sink() {
            @Override
            public void catalogue(List<Category> c, List<Product> p) {
                categories.addAll(c);
                products.addAll(p);
            }

            @Override
            public void customer(Customer customer, List<Order> o, List<OrderLine> l) {
                customers.add(customer);
                orders.addAll(o);
                lines.addAll(l);
            }
        });
        orders.sort((a, b) -> a.orderDate().compareTo(b.orderDate()));
        return new Dataset(categories, products, customers, orders, lines);
    }

    /** Generates the set customer by customer; the same seed gives the same calls in the same order. */
    public void stream(Sink sink) {
        List<Category> categories = new ArrayList<>();
        for (String name : CATEGORIES) {
            categories.add(new Category(name, name + " products"));
        }
        List<Product> products = products();
        int[][] companions = companions(products.size());
        sink.catalogue(categories, products);
        long days = ChronoUnit.DAYS.between(spec.start(), spec.end()) + 1;
        for (int c = 1; c <= spec.customers(); c++) {
            Customer customer = customer(c, days);
            List<Order> orders = new ArrayList<>();
            List<OrderLine> lines = new ArrayList<>();
            simulatePurchases(customer, products, companions, orders, lines);
            sink.customer(customer, orders, lines);
        }
    }

    private List<Product> products() {
        List<Product> products = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int p = 1; p <= spec.products(); p++) {
            int category = (p - 1) % CATEGORIES.length;
            String name = pick(ADJECTIVES) + " " + pick(NOUNS[category]);
            if (!names.add(name)) {
                name = name + " No. " + p;
                names.add(name);
            }
            double price = CATEGORY_BASE_PRICE[category] * Math.exp(0.5 * gaussian.sample());
            products.add(new Product("P" + String.format("%04d", p), name,
                    Math.max(0.99, NorthwindReader.roundCents(price)), CATEGORIES[category]));
        }
        return products;
    }

    /** Each product gets one or two companions, mostly from a neighbouring category (coffee with bakery, ...). */
    private int[][] companions(int productCount) {
        int[][] companions = new int[productCount][];
        for (int p = 0; p < productCount; p++) {
            int count = 1 + random.nextInt(2);
            companions[p] = new int[count];
            for (int i = 0; i < count; i++) {
                int otherCategoryShift = random.nextDouble() < 0.7 ? 1 : random.nextInt(CATEGORIES.length);
                int candidate = (p + otherCategoryShift + CATEGORIES.length * random.nextInt(3)) % productCount;
                companions[p][i] = candidate == p ? (p + 1) % productCount : candidate;
            }
        }
        return companions;
    }

    private Customer customer(int n, long days) {
        String first = pick(FIRST_NAMES);
        String last = pick(LAST_NAMES);
        Object[] country = weightedCountry();
        String id = "C" + String.format("%05d", n);
        String email = ascii(first + "." + last).toLowerCase() + n + "@example.com";
        random.nextInt(2); // kept so the random stream, and so every other value of the demo set, stays as it was
        String phone = mobileNumber((String) country[1], random.nextInt(100_000_000));
        // Registrations spread over the period, front-loaded: an established shop with steady growth.
        LocalDate registered = spec.start().plusDays((long) (days * Math.pow(random.nextDouble(), 1.6)));
        // Birth dates from their own stream, so the main stream (and every other value of the demo set) is unchanged.
        java.util.Random births = new java.util.Random(spec.seed() * 1_000_003L + n);
        LocalDate born = registered.minusYears(18 + births.nextInt(63)).minusDays(births.nextInt(365));
        return new Customer(id, first + " " + last, null, email, phone, null, null, null, null,
                (String) country[0], registered, born);
    }

    private void simulatePurchases(Customer customer, List<Product> products, int[][] companions,
                                   List<Order> orders, List<OrderLine> lines) {
        double lambda = purchaseRate.sample();
        double dropOutProbability = dropOut.sample();
        double spendLevel = Math.exp(0.6 * gaussian.sample());
        int favourite = random.nextInt(CATEGORIES.length);
        int second = random.nextInt(CATEGORIES.length);
        LocalDate day = customer.registeredAt();
        int orderNumber = 0;
        boolean first = true;
        while (true) {
            if (!first) {
                // Thinning: draw from the peak rate, keep the draw with probability season(month) / peak.
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / (lambda * MAX_SEASON)));
                if (day.isAfter(spec.end())) {
                    return;
                }
                if (random.nextDouble() > SEASON[day.getMonthValue() - 1] / MAX_SEASON) {
                    continue;
                }
            }
            first = false;
            orderNumber++;
            String orderId = customer.customerId() + "-" + String.format("%03d", orderNumber);
            double total = basket(orderId, spendLevel, favourite, second, products, companions, lines);
            orders.add(new Order(orderId, customer.customerId(), day, Order.COMPLETED, total));
            if (random.nextDouble() < dropOutProbability) {
                return;
            }
        }
    }

    private double basket(String orderId, double spendLevel, int favourite, int second, List<Product> products,
                          int[][] companions, List<OrderLine> lines) {
        int items = 1 + (int) Math.min(7, -Math.log(1 - random.nextDouble()) * 1.6 * spendLevel);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < items) {
            int category = random.nextDouble() < 0.55 ? favourite
                    : random.nextDouble() < 0.5 ? second : random.nextInt(CATEGORIES.length);
            int product = popularProductIn(category, products.size());
            chosen.add(product);
            if (random.nextDouble() < 0.45) {
                chosen.add(companions[product][random.nextInt(companions[product].length)]);
            }
        }
        double total = 0;
        int lineNumber = 0;
        for (int p : chosen) {
            Product product = products.get(p);
            long quantity = 1 + (long) (-Math.log(1 - random.nextDouble()) * 0.8);
            double discount = random.nextDouble() < 0.12 ? new double[] {0.05, 0.1, 0.15, 0.2}[random.nextInt(4)] : 0;
            OrderLine line = new OrderLine(orderId, orderId + "-" + (++lineNumber), product.productId(), quantity,
                    product.price(), discount);
            lines.add(line);
            total += line.amount();
        }
        return NorthwindReader.roundCents(total);
    }

    /** Products within a category by Zipf-like popularity: the first few sell far more than the rest. */
    private int popularProductIn(int category, int productCount) {
        int perCategory = (productCount - category + CATEGORIES.length - 1) / CATEGORIES.length;
        int rank = (int) Math.floor(perCategory * Math.pow(random.nextDouble(), 2.2));
        return category + CATEGORIES.length * Math.min(rank, perCategory - 1);
    }

    private Object[] weightedCountry() {
        int total = 0;
        for (Object[] c : COUNTRIES) {
            total += (int) c[3];
        }
        int draw = random.nextInt(total);
        for (Object[] c : COUNTRIES) {
            draw -= (int) c[3];
            if (draw < 0) {
                return c;
            }
        }
        return COUNTRIES[0];
    }

    /**
     * A valid mobile number of the country: libphonenumber's example mobile number with its last four digits
     * varied, falling back to the example itself if the variation is not a valid number.
     */
    private static String mobileNumber(String region, int draw) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Phonenumber.PhoneNumber example = phones.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        String national = String.valueOf(example.getNationalNumber());
        String varied = national.substring(0, national.length() - 4) + String.format("%04d", draw % 10_000);
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(example.getCountryCode())
                .setNationalNumber(Long.parseLong(varied));
        return phones.format(phones.isValidNumber(number) ? number : example, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .replace(' ', '-');
    }
}
