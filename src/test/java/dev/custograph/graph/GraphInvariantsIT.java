package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The invariant check finds each broken rule, names what breaks it, and passes nothing sound. */
@EmbeddedGraphTest(checkInvariants = false)
class GraphInvariantsIT {

    @Test
    void eachBrokenRuleIsNamedWithTheNodesThatBreakIt(Graph graph) {
        assertThat(GraphInvariants.broken(graph)).isEmpty();
        graph.write("test/broken-model", Map.of());

        assertThat(GraphInvariants.broken(graph)).containsExactly(
                "an order whose total is not the sum of its lines: 1, e.g. [WRONG-TOTAL: 12.0 vs 10.0]",
                "an order not placed by exactly one customer: 1, e.g. [NOBODYS]",
                "an order without lines: 1, e.g. [EMPTY]",
                "a customer without an identity (and not erased): 1, e.g. [ANONYMOUS]",
                "an identity that does not identify exactly one customer: 1, e.g. [test/STRAY]");
    }
}
