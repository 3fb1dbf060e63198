package dev.custograph.analytics.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphInvariants;
import dev.custograph.ingest.BulkImport;
import dev.custograph.model.ValueRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn models checked against scikit-learn on the same split of CDNOW master: out-of-time validation with the
 * cutoff 1997-12-31 and a 180-day horizon (train on the features at 1997-07-04, labelled by what customers did up to
 * the cutoff; test on the features at the cutoff, labelled by the 180 days after it).
 *
 * <p>The reference figures come from {@code bench/peers/churn_sklearn.py}, which reads the raw file with pandas and
 * fits scikit-learn 1.2.1 (Debian bookworm's python3-sklearn); {@code bench/churn.sh} runs it beside the product.
 * Its forest, with the product's settings, gave a test AUC of 0.7822 (seed 42) and 0.7801-0.7874 over seeds 1-5; its
 * unpenalised logistic regression on z-scores, 0.8058.
 */
class CdnowMasterChurnIT {

    static final Path MASTER = Path.of("..", "shared", "data", "cdnow", "CDNOW_master.txt");

    /** scikit-learn's figures on this split (bench/peers/churn_sklearn.py). */
    static final double SKLEARN_FOREST_AUC = 0.7822;
    static final double SKLEARN_LOGISTIC_AUC = 0.8058;
    static final int SKLEARN_TEST_CUSTOMERS = 23_570;
    static final int SKLEARN_TEST_CHURNED = 18_207;

    @TempDir
    Path temp;

    @Test
    void theForestAndTheRegressionScoreAsScikitLearnsDoOnTheSameSplit() {
        Path dataDir = temp.resolve("data");
        new BulkImport(dataDir, ValueRules.DateWindow.DEFAULT).run("cdnow", null, List.of(MASTER),
                temp.resolve("rejects.csv"));
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            ChurnReport report = new ChurnPrediction(db.graph()).run(new ChurnPrediction.Parameters(
                    LocalDate.of(1997, 12, 31), 180, ChurnPrediction.Parameters.DEFAULT_FEATURES,
                    ChurnPrediction.Penalty.NONE, 0, ChurnPrediction.Validation.OUT_OF_TIME, 0.3, 42, false));

            // The same customers and labels as pandas counted.
            assertThat(report.validation().testCustomers()).isEqualTo(SKLEARN_TEST_CUSTOMERS);
            assertThat(report.metrics().positives()).isEqualTo(SKLEARN_TEST_CHURNED);
            // The same maximum-likelihood model: the same ranking of the test customers.
            assertThat(report.metrics().auc()).isCloseTo(SKLEARN_LOGISTIC_AUC, within(0.001));
            // A forest is random: within 0.02 of scikit-learn's (its own seeds spread over 0.007).
            assertThat(report.randomForest().auc()).isCloseTo(SKLEARN_FOREST_AUC, within(0.02));
            GraphInvariants.assertHold(db.graph());
        }
    }
}
