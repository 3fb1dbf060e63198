package dev.custograph.model;

import java.time.LocalDate;

/** A customer's lifetime totals over its orders that were not cancelled; dates are null without orders. */
public record CustomerTotals(String customerId, long orders, double revenue, LocalDate firstOrderDate,
                             LocalDate lastOrderDate) {

    /** Revenue per order; null without orders. */
    public Double averageOrderValue() {
        return orders == 0 ? null : revenue / orders;
    }
}
