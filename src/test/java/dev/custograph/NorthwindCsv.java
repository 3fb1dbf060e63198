package dev.custograph;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Northwind's CSV files read directly, row by row, to compute expected values independently of the importer.
 * orders.csv is read from its properly quoted copy orders_clean.csv.
 */
public final class NorthwindCsv {

    private NorthwindCsv() {
    }

    /** Revenue over all order lines: sum of unitPrice x quantity x (1 - discount), in exact decimals. */
    public static java.math.BigDecimal revenue() {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Map<String, String> r : rows("order-details.csv")) {
            sum = sum.add(new java.math.BigDecimal(r.get("unitPrice")).multiply(new java.math.BigDecimal(r.get("quantity")))
                    .multiply(java.math.BigDecimal.ONE.subtract(new java.math.BigDecimal(r.get("discount")))));
        }
        return sum;
    }

    /** Each order's total: the exact decimal sum of its lines' amounts, rounded half up to the cent. */
    public static Map<String, java.math.BigDecimal> orderTotals() {
        Map<String, java.math.BigDecimal> totals = new java.util.HashMap<>();
        for (Map<String, String> r : rows("order-details.csv")) {
            totals.merge(r.get("orderID"), new java.math.BigDecimal(r.get("unitPrice"))
                    .multiply(new java.math.BigDecimal(r.get("quantity")))
                    .multiply(java.math.BigDecimal.ONE.subtract(new java.math.BigDecimal(r.get("discount")))),
                    java.math.BigDecimal::add);
        }
        totals.replaceAll((order, sum) -> sum.setScale(2, java.math.RoundingMode.HALF_UP));
        return totals;
    }

    public static List<Map<String, String>> rows(String file) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(TestData.northwind().resolve(file))) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                rows.add(r.toMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
