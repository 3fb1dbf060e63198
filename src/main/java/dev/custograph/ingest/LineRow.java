package dev.custograph.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One valid order line from any line-oriented format, standardised: what the batch writer needs to create the
 * customer (if known), the product, the order and the line. {@code customerId} null = an anonymous order;
 * {@code orderedAt} is set when the source has a time of day.
 */
record LineRow(String file, long line, String orderId, String lineId, LocalDate orderDate, LocalDateTime orderedAt,
               String status, String orderCountry, String customerId, String customerName, String email,
               String phone, String customerCountry, String productId, String productName, String category,
               long quantity, double unitPrice, double discount) {
}
