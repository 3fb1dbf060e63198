package dev.custograph.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refused parameter is said once, in the domain's words, and each entry point names the parameters its own way. */
class InvalidParameterExceptionTest {

    private final InvalidParameterException refused = new InvalidParameterException("cutoff",
            "1998-03-01 + {horizonDays} 180 = 1998-08-28 runs past the last order (1998-06-30)");

    @Test
    void itsMessageUsesTheDomainsNames() {
        assertThat(refused.parameter()).isEqualTo("cutoff");
        assertThat(refused.getMessage())
                .isEqualTo("cutoff: 1998-03-01 + horizonDays 180 = 1998-08-28 runs past the last order (1998-06-30)");
    }

    @Test
    void anEntryPointNamesTheParameterAndTheOnesItsReasonMentionsAlike() {
        assertThat(refused.worded(name -> "input." + name)).isEqualTo(
                "input.cutoff: 1998-03-01 + input.horizonDays 180 = 1998-08-28 runs past the last order (1998-06-30)");
        assertThat(refused.worded(name -> "--" + InvalidParameterException.kebabCase(name))).isEqualTo(
                "--cutoff: 1998-03-01 + --horizon-days 180 = 1998-08-28 runs past the last order (1998-06-30)");
    }

    @Test
    void propertiesAndOptionsSpellAFieldInKebabCase() {
        assertThat(InvalidParameterException.kebabCase("rulesMinSupport")).isEqualTo("rules-min-support");
        assertThat(InvalidParameterException.kebabCase("k")).isEqualTo("k");
        assertThat(InvalidParameterException.kebabCase("similarK")).isEqualTo("similar-k");
    }
}
