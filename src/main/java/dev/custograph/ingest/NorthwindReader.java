package dev.custograph.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import dev.custograph.model.ValueRules;

/**
 * Reads the Northwind CSV export (the files of Neo4j's own Northwind guide): categories, products, customers,
 * orders and order details, and checks every reference between them.
 *
 * <p>Mapping: a customer's {@code name} is the company ({@code companyName}), {@code contactName} the person; an
 * order line's id is {@code <orderID>-<productID>} (Northwind has one line per product per order); an order's total
 * is the sum of its lines, freight excluded. {@code orders.csv} writes {@code shipAddress} unquoted, so addresses
 * with a comma split the row; those rows are repaired by joining the split address back together. Suppliers,
 * employees, shippers and territories are not part of Custograph's model and are not read.
 */
public final class NorthwindReader {

    static final String CATEGORIES = "categories.csv";
    static final String PRODUCTS = "products.csv";
    static final String CUSTOMERS = "customers.csv";
    static final String ORDERS = "orders.csv";
    static final String ORDER_DETAILS = "order-details.csv";

    /** The dataset and what became of each file. */
    public record Result(Dataset dataset, List<FileReport> files) {
    }

    private final Path dir;
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<FileReport> reports = new ArrayList<>();

    private NorthwindReader(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads and validates the whole directory. Throws {@link ImportFailedException} listing every problem if any
     * row is invalid, so that an import either takes all of Northwind or nothing.
     */
    public static Result read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ImportFailedException("Northwind directory " + dir + " does not exist or is not a directory");
        }
        return new NorthwindReader(dir).readAll();
    }

    private Result readAll() {
        Map<String, Category> categoriesById = readCategories();
        Map<String, Product> products = readProducts(categoriesById);
        Map<String, Customer> customers = readCustomers();
        Map<String, OrderDraft> orders = readOrders(customers);
        List<OrderLine> lines = readOrderDetails(orders, products);
        if (!problems.isEmpty()) {
            throw new ImportFailedException(problems);
        }
        Map<String, Double> totals = new HashMap<>();
        for (OrderLine line : lines) {
            totals.merge(line.orderId(), line.amount(), Double::sum);
        }
        List<Order> finished = orders.values().stream()
                .map(d -> new Order(d.orderId, d.customerId, d.orderDate, Order.COMPLETED,
                        roundCents(totals.getOrDefault(d.orderId, 0.0))))
                .toList();
        Dataset dataset = new Dataset(List.copyOf(categoriesById.values()), List.copyOf(products.values()),
                List.copyOf(customers.values()), finished, lines);
        return new Result(dataset, List.copyOf(reports));
    }

    private Map<String, Category> readCategories() {
        Map<String, Category> byId = new LinkedHashMap<>();
        read(CATEGORIES, List.of("categoryID", "categoryName"), null, row -> {
            String id = row.required("categoryID");
            if (byId.containsKey(id)) {
                throw new CsvRow.BadValue("categoryID", "duplicate category id '" + id + "'");
            }
            byId.put(id, new Category(row.required("categoryName"), row.optional("description")));
        });
        return byId;
    }

    private Map<String, Product> readProducts(Map<String, Category> categoriesById) {
        Map<String, Product> byId = new LinkedHashMap<>();
        read(PRODUCTS, List.of("productID", "productName", "categoryID", "unitPrice"), null, row -> {
            String id = String.valueOf(row.requiredLong("productID"));
            if (byId.containsKey(id)) {
                throw new CsvRow.BadValue("productID", "duplicate product id '" + id + "'");
            }
            String categoryId = row.optional("categoryID");
            Category category = categoryId == null ? null : categoriesById.get(categoryId);
            if (categoryId != null && category == null) {
                throw new CsvRow.BadValue("categoryID", "unknown category id '" + categoryId + "'");
            }
            BigDecimal price = row.optionalDecimal("unitPrice");
            if (price != null) {
                checked("unitPrice", price, ValueRules.unitPriceProblem(price));
            }
            byId.put(id, new Product(id, row.required("productName"), price == null ? null : price.doubleValue(),
                    category == null ? null : category.name()));
        });
        return byId;
    }

    private Map<String, Customer> readCustomers() {
        Map<String, Customer> byId = new LinkedHashMap<>();
        read(CUSTOMERS, List.of("customerID", "companyName"), null, row -> {
            String id = row.required("customerID");
            if (byId.containsKey(id)) {
                throw new CsvRow.BadValue("customerID", "duplicate customer id '" + id + "'");
            }
            byId.put(id, new Customer(id, row.required("companyName"), row.optional("contactName"), null,
                    row.optional("phone"), row.optional("address"), row.optional("city"),
                    row.optional("postalCode"), row.optional("region"), row.optional("country"), null, null));
        });
        return byId;
    }

    private record OrderDraft(String orderId, String customerId, java.time.LocalDate orderDate) {
    }

    private Map<String, OrderDraft> readOrders(Map<String, Customer> customers) {
        Map<String, OrderDraft> byId = new LinkedHashMap<>();
        read(ORDERS, List.of("orderID", "customerID", "orderDate", "shipAddress"), "shipAddress", row -> {
            String id = String.valueOf(row.requiredLong("orderID"));
            if (byId.containsKey(id)) {
                throw new CsvRow.BadValue("orderID", "duplicate order id '" + id + "'");
            }
            String customerId = row.required("customerID");
            if (!customers.containsKey(customerId)) {
                throw new CsvRow.BadValue("customerID", "unknown customer '" + customerId + "'");
            }
            java.time.LocalDate orderDate = row.requiredDate("orderDate");
            checked("orderDate", orderDate, ValueRules.DateWindow.DEFAULT.problem(orderDate, java.time.LocalDate.now()));
            byId.put(id, new OrderDraft(id, customerId, orderDate));
        });
        return byId;
    }

    private List<OrderLine> readOrderDetails(Map<String, OrderDraft> orders, Map<String, Product> products) {
        List<OrderLine> lines = new ArrayList<>();
        java.util.Set<String> lineIds = new java.util.HashSet<>();
        read(ORDER_DETAILS, List.of("orderID", "productID", "unitPrice", "quantity", "discount"), null, row -> {
            String orderId = String.valueOf(row.requiredLong("orderID"));
            if (!orders.containsKey(orderId)) {
                throw new CsvRow.BadValue("orderID", "unknown order '" + orderId + "'");
            }
            String productId = String.valueOf(row.requiredLong("productID"));
            if (!products.containsKey(productId)) {
                throw new CsvRow.BadValue("productID", "unknown product '" + productId + "'");
            }
            String lineId = orderId + "-" + productId;
            if (!lineIds.add(lineId)) {
                throw new CsvRow.BadValue("productID", "product " + productId + " appears twice in order " + orderId);
            }
            BigDecimal unitPrice = row.requiredDecimal("unitPrice");
            checked("unitPrice", unitPrice, ValueRules.unitPriceProblem(unitPrice));
            long quantity = row.requiredLong("quantity");
            if (quantity <= 0) {
                throw new CsvRow.BadValue("quantity", "'" + quantity + "' is not a positive quantity");
            }
            checked("quantity", quantity, ValueRules.quantityProblem(BigDecimal.valueOf(quantity)));
            BigDecimal discount = row.requiredDecimal("discount");
            if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
                throw new CsvRow.BadValue("discount", "'" + discount + "' is not a fraction in [0, 1)");
            }
            lines.add(new OrderLine(orderId, lineId, productId, quantity, unitPrice.doubleValue(),
                    discount.doubleValue()));
        });
        return lines;
    }

    /** Reads one file, turning each row's first bad value into a problem, and records the file's counts. */
    private void read(String file, List<String> columns, String overflowColumn,
                      java.util.function.Consumer<CsvRow> handler) {
        long[] rejected = {0};
        java.io.Reader reader = InputFile.open(dir.resolve(file), new java.util.concurrent.atomic.AtomicLong());
        CsvTable.Stats stats = new CsvTable(columns, overflowColumn, false).read(file, reader, row -> {
            try {
                handler.accept(row);
            } catch (CsvRow.BadValue bad) {
                problems.add(row.problem(bad));
                rejected[0]++;
            }
        }, problem -> {
            problems.add(problem);
            rejected[0]++;
        });
        reports.add(new FileReport(file, stats.rowsRead(), stats.rowsRead() - rejected[0], rejected[0],
                stats.rowsRepaired()));
    }

    static double roundCents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Fails the row when a value breaks a rule of {@link ValueRules}. */
    private static void checked(String field, Object value, ValueRules.Problem problem) {
        if (problem != null) {
            throw new CsvRow.BadValue(field, String.valueOf(value), problem.reason(), problem.message());
        }
    }
}
