package dev.custograph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;

/**
 * The CDNOW purchase log of Fader &amp; Hardie: whitespace-separated {@code customer_id date number_of_cds
 * dollar_value}, date as {@code yyyymmdd}, an optional header line. CDNOW records no order ids or products, so:
 * each row is one order {@code CDNOW-<customer>-<yyyymmdd>-<n>} (n counting that customer's rows on that day) with
 * one line of {@code number_of_cds} units of the product {@code CDNOW-CD} ("CD", category Music) at
 * {@code dollar_value / number_of_cds} each. Customer ids keep their leading zeros. A dollar value of 0 is kept (the
 * paper's data has 80 such rows); a negative one, or a CD count below 1, is rejected.
 */
final class CdnowFormat implements LineFormat<LineRow> {

    static final String PRODUCT_ID = "CDNOW-CD";

    private final Standardiser standardiser;
    private final OrdinalCounter orders = new OrdinalCounter();

    CdnowFormat(Standardiser standardiser) {
        this.standardiser = standardiser;
    }

    @Override
    public void read(String fileName, Reader reader, Sink<LineRow> sink) {
        long lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(reader)) {
            String text;
            while ((text = lines.readLine()) != null) {
                lineNumber++;
                String[] fields = text.strip().split("\\s+");
                if (text.isBlank() || lineNumber == 1 && fields[0].equalsIgnoreCase("customer_id")) {
                    continue;
                }
                if (fields.length != 4) {
                    sink.reject(new RowProblem(fileName, lineNumber, null, text, "wrong_field_count",
                            "has " + fields.length + " fields, expected 4 (customer_id date number_of_cds dollar_value)"));
                    continue;
                }
                try {
                    sink.accept(line(fileName, lineNumber, fields));
                } catch (CsvRow.BadValue bad) {
                    sink.reject(new RowProblem(fileName, lineNumber, bad.field(), bad.value(), bad.reason(),
                            bad.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw InputFile.failure(fileName, lineNumber + 1, e);
        }
    }

    private LineRow line(String file, long lineNumber, String[] fields) {
        String customerId = fields[0];
        LocalDateTime day = standardiser.eventDate("date", fields[1]);
        long cds = standardiser.quantity("number_of_cds", fields[2]);
        if (cds < 1) {
            throw new CsvRow.BadValue("number_of_cds", fields[2], "invalid_quantity", "number_of_cds " + cds
                    + " must be at least 1");
        }
        BigDecimal dollars = standardiser.unitPrice("dollar_value", fields[3]);
        String key = customerId + "-" + fields[1];
        String orderId = "CDNOW-" + key + "-" + orders.next(key);
        double unitPrice = dollars.divide(BigDecimal.valueOf(cds), MathContext.DECIMAL64).doubleValue();
        return new LineRow(file, lineNumber, orderId, orderId + "-1", day.toLocalDate(), null, "completed", null,
                customerId, null, null, null, null, null, null, PRODUCT_ID, "CD", "Music", cds, unitPrice, 0);
    }
}
