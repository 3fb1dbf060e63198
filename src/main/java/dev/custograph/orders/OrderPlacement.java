package dev.custograph.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.custograph.graph.ConstraintViolationException;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.model.ValueRules;

/**
 * Places orders that arrive one at a time (the API's placeOrder), checked in full before anything is written, in one
 * transaction, and idempotent: the first request with a key creates the order, a retry with the same key and the
 * same order gets that order back, and the same key with a different order is refused. Two requests racing with
 * one key are settled by the unique constraint on the key: the loser reads the winner's order.
 */
public final class OrderPlacement {

    /** The most lines one order may have. */
    public static final int MAX_LINES = 1_000;

    /** The order and whether this request created it (false: an earlier request with the same key did). */
    public record Placed(String orderId, boolean created) {
    }

    /** What became of one order of a batch: created, a duplicate of an earlier one (its order), or refused (why). */
    public record Outcome(Status status, String orderId, String problem) {

        public enum Status { CREATED, DUPLICATE, REJECTED }

        static Outcome rejected(String problem) {
            return new Outcome(Status.REJECTED, null, problem);
        }
    }

    private final Graph graph;
    private final ValueRules.DateWindow dates;

    public OrderPlacement(Graph graph, ValueRules.DateWindow dates) {
        this.graph = graph;
        this.dates = dates;
    }

    public Placed place(OrderRequest request) {
        checkShape(request, dates);
        String fingerprint = fingerprint(request);
        try {
            return graph.inWriteTransaction(tx -> {
                List<Row> earlier = tx.readRows("orders/order-by-idempotency-key",
                        Map.of("key", request.idempotencyKey()));
                if (!earlier.isEmpty()) {
                    return replay(earlier.get(0), fingerprint, request.idempotencyKey());
                }
                String orderId = request.orderId() != null ? request.orderId() : "API-" + UUID.randomUUID();
                List<String> productIds = List.copyOf(new LinkedHashSet<>(request.lines().stream()
                        .map(OrderRequest.Line::productId).toList()));
                Row found = tx.readRows("orders/order-prerequisites", Map.of("customerId",
                        request.customerId(), "productIds", productIds, "orderId", orderId)).get(0);
                if (!found.bool("customerExists")) {
                    throw new OrderRejectedException("customerId: no customer with id " + request.customerId());
                }
                if (found.bool("orderIdTaken")) {
                    throw new OrderRejectedException("orderId: an order with id " + orderId + " already exists");
                }
                Map<String, Double> prices = new HashMap<>();
                List<Row> products = found.rows("products");
                products.forEach(p -> prices.put(p.string("productId"), p.doubleOrNull("price")));
                tx.write("orders/place-order", Map.of("order", row(request, orderId, fingerprint, prices)),
                        new GraphChange.OrderPlaced(request.customerId(), productIds));
                return new Placed(orderId, true);
            });
        } catch (ConstraintViolationException e) {
            // Another request with the same key committed first: answer with its order.
            List<Row> winner = graph.rows("orders/order-by-idempotency-key",
                    Map.of("key", request.idempotencyKey()));
            if (!winner.isEmpty()) {
                return replay(winner.get(0), fingerprint, request.idempotencyKey());
            }
            // Another request took the order id between our check and our write.
            throw new OrderRejectedException("orderId: an order with id " + request.orderId() + " already exists");
        }
    }

    /**
     * Which customers a batch's orders belong to: from the customer ids the orders give to the customers' ids in the
     * graph, written in the batch's transaction if the resolver creates any. An id left out refuses its orders.
     */
    @FunctionalInterface
    public interface CustomerResolver {
        Map<String, String> resolve(Graph.Tx tx, java.util.Set<String> customerIds);

        /** The ids are the graph's own: those that exist are kept. */
        CustomerResolver EXISTING = (tx, ids) -> {
            Map<String, String> existing = new HashMap<>();
            tx.readRows("orders/batch-prerequisites", Map.of("customerIds", List.copyOf(ids), "productIds", List.of(),
                    "orderIds", List.of())).get(0).list("customers").forEach(id -> existing.put(id.toString(),
                    id.toString()));
            return existing;
        };
    }

    /**
     * Places a batch of orders in one transaction, each checked as {@link #place} checks one and answered on its
     * own: a refused order is named with its problem and the others are placed; an order whose key was used before,
     * in the graph or earlier in the batch, is a duplicate (the same order again) or refused (a different order under
     * that key). Customers are found by {@code customers}, only for the orders that pass every other check, so a
     * refused order writes nothing. {@code source} is recorded on the orders created. Outcomes are in request order.
     */
    public List<Outcome> placeAll(List<OrderRequest> requests, String source, CustomerResolver customers) {
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Integer> shaped = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                checkShape(requests.get(i), dates);
                shaped.add(i);
            } catch (OrderRejectedException e) {
                outcomes[i] = Outcome.rejected(e.getMessage());
            }
        }
        if (!shaped.isEmpty()) {
            graph.inWriteTransaction(tx -> {
                // A retried transaction starts again from the shape checks' result.
                Outcome[] attempt = outcomes.clone();
                placeChecked(tx, requests, shaped, source, customers, attempt);
                System.arraycopy(attempt, 0, outcomes, 0, attempt.length);
                return null;
            });
        }
        return java.util.Arrays.asList(outcomes);
    }

    private static void placeChecked(Graph.Tx tx, List<OrderRequest> requests, List<Integer> shaped, String source,
                                     CustomerResolver customers, Outcome[] outcomes) {
        List<String> keys = new ArrayList<>();
        LinkedHashSet<String> productIds = new LinkedHashSet<>();
        List<String> orderIds = new ArrayList<>();
        for (int i : shaped) {
            OrderRequest r = requests.get(i);
            keys.add(r.idempotencyKey());
            r.lines().forEach(line -> productIds.add(line.productId()));
            if (r.orderId() != null) {
                orderIds.add(r.orderId());
            }
        }
        Map<String, Row> earlier = new HashMap<>();
        tx.readRows("orders/orders-by-idempotency-keys", Map.of("keys", keys))
                .forEach(row -> earlier.put(row.string("key"), row));
        Row found = tx.readRows("orders/batch-prerequisites", Map.of("customerIds", List.of(),
                "productIds", List.copyOf(productIds), "orderIds", orderIds)).get(0);
        java.util.Set<String> taken = new java.util.HashSet<>(found.list("taken").stream().map(Object::toString)
                .toList());
        Map<String, Double> prices = new HashMap<>();
        found.rows("products").forEach(p -> prices.put(p.string("productId"), p.doubleOrNull("price")));

        // Everything but the customer first; keys this batch places are remembered, so a later event with the same
        // key is settled against it.
        Map<String, String[]> placedNow = new HashMap<>();
        List<Integer> accepted = new ArrayList<>();
        Map<Integer, Map<String, Object>> rows = new HashMap<>();
        for (int i : shaped) {
            OrderRequest r = requests.get(i);
            String fingerprint = fingerprint(r);
            Row before = earlier.get(r.idempotencyKey());
            String[] now = placedNow.get(r.idempotencyKey());
            if (before != null || now != null) {
                String orderId = before != null ? before.string("orderId") : now[0];
                String theirs = before != null ? before.string("fingerprint") : now[1];
                outcomes[i] = fingerprint.equals(theirs) ? new Outcome(Outcome.Status.DUPLICATE, orderId, null)
                        : Outcome.rejected("idempotencyKey: '" + r.idempotencyKey() + "' was already used for a "
                        + "different order (" + orderId + ")");
                continue;
            }
            String orderId = r.orderId() != null ? r.orderId() : "EVT-" + UUID.randomUUID();
            if (taken.contains(orderId)) {
                outcomes[i] = Outcome.rejected("orderId: an order with id " + orderId + " already exists");
                continue;
            }
            try {
                rows.put(i, row(r, orderId, fingerprint, prices));
            } catch (OrderRejectedException e) {
                outcomes[i] = Outcome.rejected(e.getMessage());
                continue;
            }
            taken.add(orderId);
            placedNow.put(r.idempotencyKey(), new String[] {orderId, fingerprint});
            accepted.add(i);
        }
        java.util.Set<String> wanted = new LinkedHashSet<>();
        accepted.forEach(i -> wanted.add(requests.get(i).customerId()));
        Map<String, String> resolved = wanted.isEmpty() ? Map.of() : customers.resolve(tx, wanted);
        List<Map<String, Object>> orders = new ArrayList<>();
        List<GraphChange.OrderPlaced> changes = new ArrayList<>();
        java.util.Set<String> notPlaced = new java.util.HashSet<>();
        for (int i : accepted) {
            OrderRequest r = requests.get(i);
            String customerId = resolved.get(r.customerId());
            Map<String, Object> row = rows.get(i);
            if (customerId == null) {
                outcomes[i] = Outcome.rejected("customerId: no customer with id " + r.customerId());
                notPlaced.add((String) row.get("orderId"));
                continue;
            }
            row.put("customerId", customerId);
            row.put("source", source);
            orders.add(row);
            changes.add(new GraphChange.OrderPlaced(customerId, List.copyOf(new LinkedHashSet<>(
                    r.lines().stream().map(OrderRequest.Line::productId).toList()))));
            outcomes[i] = new Outcome(Outcome.Status.CREATED, (String) row.get("orderId"), null);
        }
        // A repeat of an order this batch refused after all is refused with it.
        for (int i : shaped) {
            if (outcomes[i].status() == Outcome.Status.DUPLICATE && notPlaced.contains(outcomes[i].orderId())) {
                outcomes[i] = Outcome.rejected("customerId: no customer with id " + requests.get(i).customerId());
            }
        }
        if (!orders.isEmpty()) {
            tx.write("orders/place-orders", Map.of("orders", orders), new GraphChange.OrdersPlaced(changes));
        }
    }

    private static Placed replay(Row earlier, String fingerprint, String key) {
        if (!fingerprint.equals(earlier.string("fingerprint"))) {
            throw new OrderRejectedException("idempotencyKey: '" + key + "' was already used for a different order ("
                    + earlier.string("orderId") + ")");
        }
        return new Placed(earlier.string("orderId"), false);
    }

    /** Everything that can be checked without the graph, against the bounds every entry point holds. */
    private static void checkShape(OrderRequest r, ValueRules.DateWindow dates) {
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank() || r.idempotencyKey().length() > 200) {
            throw new OrderRejectedException("idempotencyKey: must be 1 to 200 characters");
        }
        refuse("idempotencyKey", ValueRules.idProblem(r.idempotencyKey()));
        if (r.customerId() == null || r.customerId().isBlank()) {
            throw new OrderRejectedException("customerId: must not be empty");
        }
        refuse("customerId", ValueRules.idProblem(r.customerId()));
        if (r.orderId() != null && r.orderId().isBlank()) {
            throw new OrderRejectedException("orderId: must not be empty when given");
        }
        refuse("orderId", ValueRules.idProblem(r.orderId()));
        if (r.orderDate() != null) {
            refuse("orderDate", dates.problem(r.orderDate(), LocalDate.now()));
        }
        if (r.lines() == null || r.lines().isEmpty() || r.lines().size() > MAX_LINES) {
            throw new OrderRejectedException("lines: an order needs 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < r.lines().size(); i++) {
            OrderRequest.Line line = r.lines().get(i);
            String at = "lines[" + i + "].";
            if (line.productId() == null || line.productId().isBlank()) {
                throw new OrderRejectedException(at + "productId: must not be empty");
            }
            refuse(at + "productId", ValueRules.idProblem(line.productId()));
            if (line.quantity() == null || line.quantity() < 1) {
                throw new OrderRejectedException(at + "quantity: must be 1 or more, got " + line.quantity());
            }
            refuse(at + "quantity", ValueRules.quantityProblem(java.math.BigDecimal.valueOf(line.quantity())));
            if (line.unitPrice() != null && !(line.unitPrice() >= 0 && Double.isFinite(line.unitPrice()))) {
                throw new OrderRejectedException(at + "unitPrice: must be 0 or more, got " + line.unitPrice());
            }
            if (line.unitPrice() != null) {
                refuse(at + "unitPrice", ValueRules.unitPriceProblem(java.math.BigDecimal.valueOf(line.unitPrice())));
            }
            if (line.discount() != null && !(line.discount() >= 0 && line.discount() < 1)) {
                throw new OrderRejectedException(at + "discount: must be at least 0 and below 1, got "
                        + line.discount());
            }
        }
    }

    private static void refuse(String field, ValueRules.Problem problem) {
        if (problem != null) {
            throw new OrderRejectedException(field + ": " + problem.message());
        }
    }

    private static Map<String, Object> row(OrderRequest r, String orderId, String fingerprint,
                                           Map<String, Double> prices) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            OrderRequest.Line line = r.lines().get(i);
            if (!prices.containsKey(line.productId())) {
                throw new OrderRejectedException("lines[" + i + "].productId: no product with id " + line.productId());
            }
            Double price = line.unitPrice() != null ? line.unitPrice() : prices.get(line.productId());
            if (price == null) {
                throw new OrderRejectedException("lines[" + i + "].unitPrice: product " + line.productId()
                        + " has no list price, so the line must give one");
            }
            lines.add(Map.of("lineId", orderId + "-" + (i + 1), "productId", line.productId(),
                    "quantity", (long) line.quantity(), "unitPrice", price,
                    "discount", line.discount() == null ? 0.0 : line.discount()));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("orderId", orderId);
        row.put("customerId", r.customerId());
        row.put("orderDate", r.orderDate() != null ? r.orderDate() : LocalDate.now());
        row.put("idempotencyKey", r.idempotencyKey());
        row.put("requestFingerprint", fingerprint);
        row.put("lines", lines);
        return row;
    }

    /** The request's content, so that a retry can be told from a different order sent with the same key. */
    private static String fingerprint(OrderRequest r) {
        String canonical = String.join("|", r.customerId(), String.valueOf(r.orderId()), String.valueOf(r.orderDate()),
                r.lines().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
