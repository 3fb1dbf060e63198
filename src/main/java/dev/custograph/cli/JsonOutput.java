package dev.custograph.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the result as exactly one JSON document on stdout; shared by the commands that only report. */
public final class JsonOutput {

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    /** Prints the result as one JSON line when --json was given; returns whether it did. */
    boolean printed(Object result) {
        if (json) {
            print(result);
        }
        return json;
    }

    static void print(Object result) {
        System.out.println(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(result));
    }
}
