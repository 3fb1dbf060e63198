package dev.custograph.ingest;

import dev.custograph.identity.CustomerRecord;

/**
 * A customer profile that arrives on its own (a stream's customer event): one JSON object read and standardised
 * exactly as a line of a {@code customers-jsonl} import (see {@link CustomersJsonlFormat} for the fields and rules),
 * so an event and an imported line about the same person become the same record.
 */
public final class CustomerProfileEvent {

    /** The record, or the field (null for the whole event) and why it was refused. */
    public record Read(CustomerRecord record, String field, String reason, String problem) {

        public boolean accepted() {
            return record != null;
        }
    }

    private CustomerProfileEvent() {
    }

    /** Reads one event; {@code defaultSource} names the source of a profile that does not say. */
    public static Read read(String json, String defaultSource) {
        try {
            return new Read(new CustomersJsonlFormat(new Standardiser(), defaultSource).profile(json), null, null,
                    null);
        } catch (CsvRow.BadValue bad) {
            return new Read(null, bad.field(), bad.reason(), bad.getMessage());
        } catch (RuntimeException unreadable) {
            return new Read(null, null, "unreadable", "cannot be read as a profile: " + unreadable.getMessage());
        }
    }
}
