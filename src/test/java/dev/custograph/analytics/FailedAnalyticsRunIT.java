package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.TestData;
import dev.custograph.graph.GraphConnection;
import dev.custograph.ingest.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value run that fails while writing never stays RUNNING: it is FAILED with its reason, "the latest run" passes it
 * by, and the next run succeeds. The failure is a real one from the database: an operator's uniqueness rule on a
 * property the run writes.
 */
class FailedAnalyticsRunIT {

    @TempDir
    Path temp;

    @Test
    void aRunThatFailsWhileWritingIsMarkedFailedWithItsReasonAndNeverLeftRunning() {
        try (GraphConnection db = GraphConnection.open(temp.resolve("data"), null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            db.graph().write("test/rfm-segment-constraint", Map.of());

            assertThatThrownBy(() -> new ValueAnalysis(db.graph()).run(ValueAnalysis.Parameters.defaults(), null))
                    .hasMessageContaining("rfmSegment");
            List<Map<String, Object>> runs = db.graph().readRows("test/analytics-runs", Map.of());
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.get("status")).isEqualTo("FAILED");
                assertThat((String) run.get("failure")).contains("rfmSegment");
            });
            assertThat(db.graph().readRows("read/latest-analytics-run", java.util.Collections.singletonMap("runId",
                    null))).as("a failed run is never the latest").isEmpty();

            db.graph().write("test/drop-rfm-segment-constraint", Map.of());
            String next = new ValueAnalysis(db.graph()).run(ValueAnalysis.Parameters.defaults(), null).runId();
            assertThat(db.graph().readRows("test/analytics-runs", Map.of())).extracting(run -> run.get("status"))
                    .containsExactly("FAILED", "SUCCEEDED");
            assertThat(db.graph().readRows("read/latest-analytics-run", java.util.Collections.singletonMap("runId",
                    null)).get(0).get("runId")).isEqualTo(next);
        }
    }
}
