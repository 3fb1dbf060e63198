package dev.custograph.ingest;

/**
 * What became of one input file: rows read, imported and rejected, and rows whose split free-text column was
 * joined back together ({@code rowsRepaired}, counted among the imported).
 */
public record FileReport(String file, long rowsRead, long rowsImported, long rowsRejected, long rowsRepaired) {
}
