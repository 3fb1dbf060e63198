package dev.custograph.analytics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;

/**
 * The CDNOW 1/10th sample (2,357 customers, 6,919 purchases, 1997-01-01..1998-06-30) as raw rows for tests to
 * compute expectations from, and imported into a store as a lines file, one order per row (one unit at the row's
 * dollar value, so each order's total is exactly the row's dollars).
 */
public final class CdnowSample {

    public static final Path FILE = Path.of("..", "shared", "data", "cdnow", "CDNOW_sample.txt");
    public static final LocalDate LAST_DAY = LocalDate.of(1998, 6, 30);

    /** One raw row: customer (the sample id), day, dollars. */
    public record Purchase(String customer, LocalDate day, BigDecimal dollars) {
    }

    private CdnowSample() {
    }

    public static List<Purchase> purchases() throws IOException {
        List<Purchase> purchases = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            if (line.isBlank()) {
                continue;
            }
            // master_id sample_id date number_of_cds dollar_value
            String[] f = line.trim().split("\\s+");
            purchases.add(new Purchase(String.valueOf(Integer.parseInt(f[1])),
                    LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), new BigDecimal(f[4])));
        }
        return purchases;
    }

    /** Imports the sample into the store; returns its rows. */
    public static List<Purchase> importInto(GraphConnection db, Path temp) throws IOException {
        List<Purchase> purchases = purchases();
        StringBuilder csv = new StringBuilder("order_id,customer_id,order_date,product_id,quantity,unit_price\n");
        int row = 0;
        for (Purchase p : purchases) {
            csv.append("S").append(++row).append(',').append(p.customer()).append(',').append(p.day())
                    .append(",CD,1,").append(p.dollars().toPlainString()).append('\n');
        }
        Path file = Files.writeString(temp.resolve("cdnow-sample.csv"), csv);
        new Importer(db.graph()).run("lines", "cdnow-sample", List.of(file), temp.resolve("rejects.csv"));
        return purchases;
    }
}
