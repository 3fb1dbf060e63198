package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a store holds once its schema is up to date, before anything has been imported or served. */
class SchemaMigrationIT {

    @TempDir
    Path temp;

    /**
     * The change counter that app instances share (cypher/cache/) exists from the migration on, so publishing a
     * change later only updates it: a server that has just started does not add a node a second after it starts,
     * which an operator's backup through Bolt would see as "the graph changed while it was backed up".
     */
    @Test
    void aNewStoreHoldsTheSharedChangeCounterFromItsMigration() {
        try (GraphConnection connection = GraphConnection.open(temp.resolve("data"), null, null, null)) {
            GraphCounts counts = GraphCounts.of(connection.graph());
            assertThat(counts.label("CacheEpoch")).isEqualTo(1);
            assertThat(connection.graph().readLong("cache/read-epoch", java.util.Map.of())).isZero();

            new SchemaMigrator(connection.graph()).migrate();
            assertThat(GraphCounts.of(connection.graph()).labels()).isEqualTo(counts.labels());
        }
    }
}
