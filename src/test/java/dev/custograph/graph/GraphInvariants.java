package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The rules of the graph model that every write keeps, whatever wrote (an import, the API, a merge, a restore):
 * every order's total is the sum of its lines, each order is placed by exactly one customer and has lines, every
 * customer has an identity (but an erased one, which keeps none) and every identity identifies one customer.
 * Checked after the integration tests that write (see {@link EmbeddedGraphTest}).
 */
public final class GraphInvariants {

    private GraphInvariants() {
    }

    /** The rules {@code graph} breaks, each with how many nodes break it and a few of them; empty when sound. */
    public static List<String> broken(Graph graph) {
        return graph.rows("test/invariant-violations", Map.of()).stream()
                .filter(row -> row.longValue("broken") > 0)
                .map(row -> row.string("rule") + ": " + row.longValue("broken") + ", e.g. " + row.strings("examples"))
                .toList();
    }

    public static void assertHold(Graph graph) {
        assertThat(broken(graph)).as("graph model invariants").isEmpty();
    }
}
