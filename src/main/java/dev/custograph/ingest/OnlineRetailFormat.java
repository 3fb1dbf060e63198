package dev.custograph.ingest;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The UCI Online Retail layout: {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
 * Country}, one row per invoice line. Rules:
 * <ul>
 *   <li>An invoice number starting with {@code C} is a cancellation: imported with status {@code cancelled}, placed
 *       by the same customer, quantities as written (negative). Revenue figures leave cancellations out by default.
 *   <li>An empty CustomerID makes an anonymous order (kept for basket analysis; no customer is created).
 *   <li>CustomerIDs written as floats ({@code 17850.0}) become {@code 17850}; a fractional id is rejected.
 *   <li>A price of zero or less is rejected ({@code non_positive_price}); so is a quantity of zero or less on an
 *       invoice that is not a cancellation ({@code non_positive_quantity}), and a positive quantity on a
 *       cancellation ({@code positive_quantity_on_cancellation}).
 *   <li>A row that breaks several of these rules is recorded under the first in this list (price before
 *       quantity).
 *   <li>The line id is {@code <invoice>-<n>}, n counting the invoice's rows in file order; the product is the
 *       StockCode, named by the first non-empty Description seen; the country goes on the order and the customer.
 * </ul>
 */
final class OnlineRetailFormat implements LineFormat<LineRow> {

    static final List<String> COLUMNS = List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
            "UnitPrice", "CustomerID", "Country");

    private final Standardiser standardiser;
    private final OrdinalCounter lines = new OrdinalCounter();

    OnlineRetailFormat(Standardiser standardiser) {
        this.standardiser = standardiser;
    }

    @Override
    public void read(String fileName, Reader reader, Sink<LineRow> sink) {
        LineFormat.readCsv(fileName, reader, COLUMNS, sink, this::line);
    }

    private LineRow line(CsvRow row) {
        String invoice = row.required("InvoiceNo");
        String lineId = invoice + "-" + lines.next(invoice);
        boolean cancelled = invoice.startsWith("C");
        String productId = row.required("StockCode");
        BigDecimal price = standardiser.decimal("UnitPrice", row.optional("UnitPrice"));
        if (price.signum() <= 0) {
            throw new CsvRow.BadValue("UnitPrice", price.toPlainString(), "non_positive_price",
                    "price " + price.toPlainString() + " is not positive");
        }
        standardiser.unitPrice("UnitPrice", row.optional("UnitPrice")); // and not over the bound every format holds
        long quantity = standardiser.quantity("Quantity", row.optional("Quantity"));
        if (!cancelled && quantity <= 0) {
            throw new CsvRow.BadValue("Quantity", String.valueOf(quantity), "non_positive_quantity",
                    "quantity " + quantity + " on invoice " + invoice + ", which is not a cancellation");
        }
        if (cancelled && quantity > 0) {
            throw new CsvRow.BadValue("Quantity", String.valueOf(quantity), "positive_quantity_on_cancellation",
                    "quantity " + quantity + " on cancellation " + invoice + " (expected a negative quantity)");
        }
        LocalDateTime at = standardiser.eventDate("InvoiceDate", row.optional("InvoiceDate"));
        String rawCustomer = row.optional("CustomerID");
        String customerId = rawCustomer == null ? null
                : String.valueOf(standardiser.whole("CustomerID", rawCustomer));
        Standardiser.Country country = standardiser.country(row.optional("Country"));
        String countryName = country == null ? standardiser.text(row.optional("Country")) : country.name();
        return new LineRow(row.file(), row.line(), invoice, lineId, at.toLocalDate(), at,
                cancelled ? "cancelled" : "completed", countryName, customerId, null, null, null, null, null,
                customerId == null ? null : countryName, productId, standardiser.text(row.optional("Description")),
                null, quantity, price.doubleValue(), 0);
    }
}
