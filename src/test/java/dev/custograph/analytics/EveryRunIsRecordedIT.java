package dev.custograph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.custograph.analytics.churn.ChurnPrediction;
import dev.custograph.analytics.churn.ChurnReport;
import dev.custograph.analytics.segment.Scaling;
import dev.custograph.analytics.segment.Segmentation;
import dev.custograph.analytics.segment.SegmentationReport;
import org.junit.jupiter.api.Test;

/**
 * Every kind of run leaves its {@code (:AnalyticsRun)} on the graph, finished and SUCCEEDED, under the id its report
 * gives: what an analyst lists in Neo4j Browser, and what the Spark job's runs are compared with.
 */
class EveryRunIsRecordedIT extends CdnowSampleStore {

    @Test
    void aSegmentationRunIsRecorded() {
        SegmentationReport report = new Segmentation(db.graph()).run(new Segmentation.Parameters(null, 3,
                List.of("recency", "frequency", "monetary"), Scaling.LOG_ZSCORE, 2, 42, true));

        assertThat(runs("segment")).contains(Map.of("runId", report.runId(), "status", "SUCCEEDED",
                "finished", true));
    }

    @Test
    void aChurnRunIsRecorded() {
        ChurnReport report = new ChurnPrediction(db.graph()).run(new ChurnPrediction.Parameters(
                LocalDate.of(1997, 12, 31), 180, List.of("recency", "frequency"), ChurnPrediction.Penalty.NONE, 0,
                ChurnPrediction.Validation.RANDOM, 0.3, 42, true));

        assertThat(runs("churn")).contains(Map.of("runId", report.runId(), "status", "SUCCEEDED", "finished", true));
    }

    private static List<Map<String, Object>> runs(String kind) {
        return db.graph().readRows("test/runs-of-kind", Map.of("kind", kind));
    }
}
