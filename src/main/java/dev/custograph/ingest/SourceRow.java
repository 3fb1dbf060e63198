package dev.custograph.ingest;

/** A row that knows where it came from, so that anything refusing it later can name the file and line. */
interface SourceRow {
    String file();

    long line();
}
