package dev.custograph.model;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter that cannot be used as given, said in the domain's words: which parameter ({@code minSupport},
 * {@code asOf}) and why. Each entry point words the parameter its own way: the command line as its option
 * ({@code --min-support}), GraphQL as its argument ({@code input.minSupport}), configuration as its property. A reason
 * that names another parameter writes it in braces ({@code "{horizonDays} 180 runs past the last order"}), so that
 * one is worded the same way.
 *
 * <p>Thrown before anything is written.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private static final Pattern NAMED = Pattern.compile("\\{(\\w+)}");

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The parameter, by its name in the domain's records. */
    public String parameter() {
        return parameter;
    }

    /** Why, with other parameters named in braces. */
    public String reason() {
        return reason;
    }

    /** "parameter: reason", every parameter named by {@code name} (the identity gives the domain's names). */
    public String worded(UnaryOperator<String> name) {
        Matcher m = NAMED.matcher(reason);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(name.apply(m.group(1))));
        }
        m.appendTail(filled);
        return name.apply(parameter) + ": " + filled;
    }

    /** {@code minSupport} as {@code min-support}: how options and properties spell a field. */
    public static String kebabCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String getMessage() {
        return worded(UnaryOperator.identity());
    }
}
