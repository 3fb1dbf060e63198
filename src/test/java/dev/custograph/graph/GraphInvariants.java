package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The rules of the graph model that every write keeps, whatever wrote (an import, the API, a merge, a restore):
 * every order's total is the sum of its lines, each order is placed by exactly one customer and has lines, every
 * customer has an identity (but an erased one, which keeps none), every identity identifies one customer, and every
 * customer's and product's name carries its sort key ({@link NameOrder}).
 * Checked after the integration tests that write (see {@link EmbeddedGraphTest}).
 */
public final class GraphInvariants {

    private GraphInvariants() {
    }

    /** The rules {@code graph} breaks, each with how many nodes break it and a few of them; empty when sound. */
    public static List<String> broken(Graph graph) {
        List<String> broken = new java.util.ArrayList<>(graph.rows("test/invariant-violations", Map.of()).stream()
                .filter(row -> row.longValue("broken") > 0)
                .map(row -> row.string("rule") + ": " + row.longValue("broken") + ", e.g. " + row.strings("examples"))
                .toList());
        // Each name carries the sort key of that very name in the database's collation, whatever wrote it.
        NameOrder names = graph.names();
        List<String> unkeyed = graph.rows("test/names-and-keys", Map.of()).stream()
                .filter(row -> !java.util.Objects.equals(row.string("nameKey"), names.key(row.string("name"))))
                .map(row -> row.string("node")).toList();
        if (!unkeyed.isEmpty()) {
            broken.add("a name without its sort key: " + unkeyed.size() + ", e.g. "
                    + unkeyed.subList(0, Math.min(5, unkeyed.size())));
        }
        return broken;
    }

    public static void assertHold(Graph graph) {
        assertThat(broken(graph)).as("graph model invariants").isEmpty();
    }
}
