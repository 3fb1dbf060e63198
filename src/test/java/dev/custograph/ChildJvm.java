package dev.custograph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custograph <arguments>} in a JVM of its own, on the test class path: for what only a real process shows (a
 * kill, a stop signal, a full disk).
 *
 * <p>The child runs with the client compiler only. These processes live for seconds to a minute, in which the
 * optimising compiler costs a two-core machine more CPU than it wins back: a Northwind import in a child took 47 CPU
 * seconds with it and 27 without, on a test run that is short of CPU, not of wall time. What the child does is the
 * same; only how its code is compiled differs.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Custograph.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }
}
