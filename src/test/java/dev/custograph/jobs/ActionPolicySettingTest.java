package dev.custograph.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** custograph.actions.policy: the default when unset; a file that cannot be used stops serve, naming the setting. */
class ActionPolicySettingTest {

    @TempDir
    Path temp;

    @Test
    void theSettingNamesTheFileAndWhatIsWrongWithIt() throws Exception {
        ScheduleConfiguration configuration = new ScheduleConfiguration();
        assertThat(configuration.actionPolicy("").source()).isEqualTo("the default policy");

        Path missing = temp.resolve("missing.yaml");
        assertThatThrownBy(() -> configuration.actionPolicy(missing.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("custograph.actions.policy: cannot read " + missing);

        Path broken = Files.writeString(temp.resolve("broken.yaml"), "actions: []\nfallback: {id: NONE, label: None}\n");
        assertThatThrownBy(() -> configuration.actionPolicy(broken.toString()))
                .hasMessage("custograph.actions.policy: " + broken + ": actions: must be a non-empty list of actions");

        Path mine = Files.writeString(temp.resolve("mine.yaml"), """
                actions:
                  - {id: CALL, label: Call them, gain: valueAtRisk, responseRate: 0.2, cost: 10}
                fallback: {id: NONE, label: Nothing}
                """);
        assertThat(configuration.actionPolicy(mine.toString()).actionIds()).containsExactly("CALL", "NONE");
    }
}
