package dev.custograph.cli;

import dev.custograph.model.InvalidParameterException;

/**
 * How the command line words a parameter the domain names: as its option, the name in kebab case
 * ({@code minSupport} is {@code --min-support}). Every command's options are named so.
 */
final class OptionNames {

    private OptionNames() {
    }

    static String option(String parameter) {
        return "--" + InvalidParameterException.kebabCase(parameter);
    }

    /** The failure as a command-line user reads it. */
    static String message(InvalidParameterException e) {
        return e.worded(OptionNames::option);
    }
}
