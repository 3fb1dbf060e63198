package dev.custograph.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custograph.model.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** A policy file is read whole or refused with the action and field that is wrong. */
class ActionPolicyTest {

    private static final String ONE_ACTION = """
            actions:
              - id: WIN_BACK
                label: Win back
                when:
                  risk: {min: 0.5}
                  rfmSegment: {in: [At Risk, "Can't Lose"]}
                gain: valueAtRisk
                responseRate: 0.1
                cost: 2
            fallback:
              id: NO_ACTION
              label: Nothing
            """;

    @Test
    void theDefaultPolicyHasItsSixActionsAndAFallback() {
        ActionPolicy policy = ActionPolicy.defaults();
        assertThat(policy.actionIds()).containsExactly("WIN_BACK", "RETAIN", "CROSS_SELL", "SECOND_PURCHASE",
                "BIRTHDAY", "REACTIVATE", "NO_ACTION");
        ActionPolicy.Rule winBack = policy.rule("WIN_BACK");
        assertThat(winBack.responseRate()).isEqualTo(0.10);
        assertThat(winBack.cost()).isEqualTo(2.00);
        assertThat(winBack.gain()).isEqualTo(ActionPolicy.Gain.VALUE_AT_RISK);
        assertThat(winBack.withProduct()).isTrue();
        assertThat(winBack.when()).extracting(ActionPolicy.Condition::describe)
                .containsExactly("risk >= 0.5", "valuePercentile >= 0.5");
        assertThat(policy.text()).startsWith("# Custograph's next-best-action policy");
    }

    @Test
    void conditionsAreReadAsWritten() {
        ActionPolicy policy = ActionPolicy.parse(ONE_ACTION, "test.yaml");
        assertThat(policy.rules()).hasSize(1);
        assertThat(policy.rules().get(0).when()).extracting(ActionPolicy.Condition::describe)
                .containsExactly("risk >= 0.5", "rfmSegment in [At Risk, Can't Lose]");
        assertThat(policy.fallback().id()).isEqualTo("NO_ACTION");
    }

    @Test
    void aMistakeNamesTheActionAndTheField() {
        assertRefused(ONE_ACTION.replace("risk: {min: 0.5}", "riks: {min: 0.5}"),
                "policy: test.yaml: actions[0].when.riks: 'riks' is not a customer figure; use one of risk, ");
        assertRefused(ONE_ACTION.replace("responseRate: 0.1", "responseRate: 10"),
                "policy: test.yaml: actions[0].responseRate: must be between 0 and 1, got 10.0");
        assertRefused(ONE_ACTION.replace("cost: 2", "cost: cheap"),
                "policy: test.yaml: actions[0].cost: must be a number, got 'cheap'");
        assertRefused(ONE_ACTION.replace("gain: valueAtRisk", "gain: lots"),
                "policy: test.yaml: actions[0].gain: 'lots' is not a gain");
        assertRefused(ONE_ACTION.replace("risk: {min: 0.5}", "risk: {min: 0.5, max: 0.2}"),
                "policy: test.yaml: actions[0].when.risk: min 0.5 is above max 0.2");
        assertRefused(ONE_ACTION.replace("risk: {min: 0.5}", "risk: {in: [high]}"),
                "policy: test.yaml: actions[0].when.risk: unknown field 'in'; expected max, min");
        assertRefused(ONE_ACTION.replace("    cost: 2", "    cost: 2\n    colour: red"),
                "policy: test.yaml: actions[0]: unknown field 'colour'");
        assertRefused(ONE_ACTION.replace("id: NO_ACTION", "id: WIN_BACK"),
                "policy: test.yaml: fallback.id: 'WIN_BACK' is also an action's id");
        assertRefused(ONE_ACTION.replace("id: WIN_BACK", "id: win back"),
                "policy: test.yaml: actions[0].id: 'win back' must be 1-40 capital letters");
        assertRefused("actions: [", "policy: test.yaml: not YAML");
        assertRefused("- just a list", "policy: test.yaml: must be a map with 'actions' and 'fallback'");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> ActionPolicy.parse(yaml, "test.yaml"))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(message);
    }
}
