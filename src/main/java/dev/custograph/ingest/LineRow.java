package dev.custograph.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One valid order line from any line-oriented format, standardised: what the batch writer needs to create the
 * customer (if known), the product, the order and the line. {@code customerId} null = an anonymous order;
 * {@code orderedAt} is set when the source has a time of day.
 * {@code emailRaw} / {@code phoneRaw} keep an email or phone as written when it could not be standardised.
 */
record LineRow(String file, long line, String orderId, String lineId, LocalDate orderDate, LocalDateTime orderedAt,
               String status, String orderCountry, String customerId, String customerName, String email,
               String emailRaw, String phone, String phoneRaw, String customerCountry, String productId,
               String productName, String category, long quantity, double unitPrice, double discount)
        implements SourceRow {
}
