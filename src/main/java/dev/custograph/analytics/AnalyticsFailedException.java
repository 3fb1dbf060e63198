package dev.custograph.analytics;

/** An analysis that cannot run as asked (dates, an empty graph); the message says why. Nothing was written. */
public final class AnalyticsFailedException extends IllegalArgumentException {

    public AnalyticsFailedException(String message) {
        super(message);
    }
}
