package dev.custograph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.custograph.model.Category;
import dev.custograph.model.Customer;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.Product;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes generated data as a {@code lines} CSV (the format {@code import --format lines} reads), one row per order
 * line, an order's lines together; gzip when the file name ends in {@code .gz}. Used by {@code generate}.
 */
public final class LinesCsvWriter implements DemoDataGenerator.Sink, AutoCloseable {

    static final String[] HEADER = {"order_id", "customer_id", "order_date", "product_id", "quantity", "unit_price",
        "product_name", "category", "discount", "status", "customer_name", "email", "phone", "country"};

    private final CSVPrinter printer;
    private boolean closed;
    private final Map<String, Product> products = new HashMap<>();
    private long customers;
    private long orders;
    private long lines;

    public LinesCsvWriter(Path file) {
        try {
            OutputStream out = dev.custograph.files.PrivateFiles.newOutputStream(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                out = new GZIPOutputStream(out, 1 << 16);
            }
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void catalogue(List<Category> categories, List<Product> catalogue) {
        catalogue.forEach(p -> products.put(p.productId(), p));
    }

    @Override
    public void customer(Customer customer, List<Order> customerOrders, List<OrderLine> customerLines) {
        customers++;
        orders += customerOrders.size();
        Map<String, Order> byId = new HashMap<>();
        customerOrders.forEach(o -> byId.put(o.orderId(), o));
        try {
            for (OrderLine line : customerLines) {
                Order order = byId.get(line.orderId());
                Product product = products.get(line.productId());
                printer.printRecord(order.orderId(), customer.customerId(), order.orderDate(), line.productId(),
                        line.quantity(), line.unitPrice(), product.name(), product.category(),
                        line.discount() == 0 ? null : line.discount(), order.status(), customer.name(),
                        customer.email(), customer.phone(), customer.country());
                lines++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long customers() {
        return customers;
    }

    public long orders() {
        return orders;
    }

    public long lines() {
        return lines;
    }

    /** Flushes and closes the file; closing again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
