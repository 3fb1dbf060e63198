package dev.custograph.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How an analytics command reports and whether it writes: shared by analyze, segment and churn. */
public final class RunOutputOptions {

    @Option(names = "--no-write", description = "Compute and report only; write nothing to the graph.")
    boolean noWrite;

    @Mixin
    JsonOutput json;

    /** Prints the report as one JSON line when --json was given; returns whether it did. */
    boolean printedAsJson(Object report) {
        return json.printed(report);
    }
}
