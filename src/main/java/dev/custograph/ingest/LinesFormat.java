package dev.custograph.ingest;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The generic order-lines CSV: a header row (names case-insensitive) with the required columns
 * {@code order_id, customer_id, order_date, product_id, quantity, unit_price} and any of the optional
 * {@code product_name, category, discount, status, customer_name, email, phone, country, line_id}.
 * <ul>
 *   <li>An empty {@code customer_id} makes an anonymous order: kept for basket analysis, no customer created.
 *   <li>{@code order_date}: {@code yyyy-mm-dd}, {@code yyyy-mm-dd hh:mm[:ss]}, ISO date-time with or without offset,
 *       or {@code yyyymmdd}; impossible dates (30 February) are rejected.
 *   <li>{@code quantity} must be positive, except on a cancelled order ({@code status} = cancelled) where it is
 *       negative, and at most 1,000,000 units; {@code unit_price} is from 0 to 1,000,000,000; {@code discount} is a
 *       fraction in [0, 1), default 0; {@code order_date} lies in the import's window (1900-01-01 to tomorrow).
 *   <li>{@code status} is lower-cased; default {@code completed}. Without {@code line_id}, the line id is
 *       {@code <order_id>-<n>}, n counting the order's rows in file order.
 *   <li>Emails, phones (E.164, the row's country as region), countries (ISO 3166) and numbers are standardised as
 *       {@link Standardiser} describes.
 * </ul>
 */
final class LinesFormat implements LineFormat<LineRow> {

    static final List<String> REQUIRED = List.of("order_id", "customer_id", "order_date", "product_id", "quantity",
            "unit_price");

    private final Standardiser standardiser;
    private final OrdinalCounter lines = new OrdinalCounter();

    LinesFormat(Standardiser standardiser) {
        this.standardiser = standardiser;
    }

    @Override
    public void read(String fileName, Reader reader, Sink<LineRow> sink) {
        LineFormat.readCsv(fileName, reader, REQUIRED, sink, this::line);
    }

    private LineRow line(CsvRow row) {
        String orderId = row.required("order_id");
        int ordinal = lines.next(orderId);
        String lineId = row.optional("line_id") == null ? orderId + "-" + ordinal : row.optional("line_id");
        String status = row.optional("status") == null ? "completed" : row.optional("status").toLowerCase(Locale.ROOT);
        boolean cancelled = status.equals("cancelled");
        long quantity = standardiser.quantity("quantity", row.optional("quantity"));
        if (!cancelled && quantity <= 0 || cancelled && quantity >= 0) {
            throw new CsvRow.BadValue("quantity", String.valueOf(quantity), "invalid_quantity", "quantity "
                    + quantity + (cancelled ? " on a cancelled order must be negative" : " must be positive"));
        }
        BigDecimal price = standardiser.unitPrice("unit_price", row.optional("unit_price"));
        BigDecimal discount = row.optional("discount") == null ? BigDecimal.ZERO
                : standardiser.decimal("discount", row.optional("discount"));
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
            throw new CsvRow.BadValue("discount", discount.toPlainString(), "invalid_discount",
                    "discount " + discount.toPlainString() + " is not a fraction in [0, 1)");
        }
        LocalDateTime at = standardiser.eventDate("order_date", row.optional("order_date"));
        boolean hasTime = row.optional("order_date").length() > 10;
        String customerId = row.optional("customer_id");
        Standardiser.Country country = standardiser.country(row.optional("country"));
        String countryName = country == null ? standardiser.text(row.optional("country")) : country.name();
        boolean anonymous = customerId == null;
        Standardiser.Checked email = anonymous ? Standardiser.Checked.EMPTY
                : standardiser.email(row.optional("email"));
        Standardiser.Checked phone = anonymous ? Standardiser.Checked.EMPTY
                : standardiser.phone(row.optional("phone"), country);
        return new LineRow(row.file(), row.line(), orderId, lineId, at.toLocalDate(), hasTime ? at : null, status,
                countryName, customerId, anonymous ? null : standardiser.text(row.optional("customer_name")),
                email.value(), email.raw(), phone.value(), phone.raw(), anonymous ? null : countryName,
                row.required("product_id"), standardiser.text(row.optional("product_name")),
                standardiser.text(row.optional("category")), quantity, price.doubleValue(), discount.doubleValue());
    }
}
