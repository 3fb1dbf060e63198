package dev.custograph.streaming;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.custograph.orders.OrderRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order event, read: the JSON of docs/streaming.md into the order request the API's placeOrder takes, with the
 * source that knows the customer by {@code customerId}. What cannot be read is refused with the field and why; the
 * values' rules (ids, quantities, prices, dates) are then the order placement's own.
 */
final class OrderEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The request and the customer's source, or the field (null: the whole event) and why it was refused. */
    record Read(OrderRequest request, String source, String field, String reason) {

        boolean accepted() {
            return request != null;
        }

        static Read refused(String field, String reason) {
            return new Read(null, null, field, reason);
        }
    }

    private OrderEvent() {
    }

    static Read read(String json, String defaultSource) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JacksonException e) {
            return Read.refused(null, "is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return Read.refused(null, "is not a JSON object");
        }
        try {
            String source = text(event, "source");
            JsonNode lines = event.get("lines");
            if (lines == null || !lines.isArray()) {
                return Read.refused("lines", "must be a list of order lines");
            }
            List<OrderRequest.Line> read = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = lines.get(i);
                String at = "lines[" + i + "].";
                if (!line.isObject()) {
                    return Read.refused("lines[" + i + "]", "must be an object");
                }
                read.add(new OrderRequest.Line(id(line, at + "productId", "productId"), whole(line, at + "quantity",
                        "quantity"), number(line, at + "unitPrice", "unitPrice"), number(line, at + "discount",
                        "discount")));
            }
            OrderRequest request = new OrderRequest(text(event, "idempotencyKey"), id(event, "customerId",
                    "customerId"), id(event, "orderId", "orderId"), date(event, "orderDate"), read);
            return new Read(request, source == null ? defaultSource : source, null, null);
        } catch (Refused refused) {
            return Read.refused(refused.field, refused.getMessage());
        }
    }

    /** A field that is there but cannot be what it must be. */
    private static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new Refused(name, "must be a string");
        }
        return value.asString();
    }

    /** An id: a string, or a whole number as a string. */
    private static String id(JsonNode node, String field, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        throw new Refused(field, "must be a string or a whole number");
    }

    private static Integer whole(JsonNode node, String field, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new Refused(field, "must be a whole number");
        }
        return value.asInt();
    }

    private static Double number(JsonNode node, String field, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new Refused(field, "must be a number");
        }
        return value.asDouble();
    }

    private static LocalDate date(JsonNode node, String name) {
        String text = text(node, name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused(name, "must be a date (yyyy-mm-dd), got '" + text + "'");
        }
    }
}
