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
