package dev.custograph.actions;

import java.time.LocalDate;
import java.util.List;

/**
 * What an actions run decided: how many customers got each action and what they are expected to bring, the policy
 * applied, the value run it read, and (when asked) the offline check of its ranking.
 */
public record ActionsReport(String runId, LocalDate today, String valueRunId, LocalDate valueAsOf,
                            double horizonDays, long customers, List<ActionCount> byAction, String policy,
                            boolean recommendations, ActionEvaluation.Result evaluation, long written,
                            double seconds) {

    /** One action's customers, their summed expected value and uplift. */
    public record ActionCount(String action, String label, long customers, double expectedValue, double uplift) {
    }

    public ActionsReport withEvaluation(ActionEvaluation.Result e) {
        return new ActionsReport(runId, today, valueRunId, valueAsOf, horizonDays, customers, byAction, policy,
                recommendations, e, written, seconds);
    }
}
