package dev.custograph.ingest;

import dev.custograph.identity.CustomerRecord;

/** A customer profile read from one line of a customers-jsonl file. */
record ProfileRow(String file, long line, CustomerRecord record) implements SourceRow {
}
