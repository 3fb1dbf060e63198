package dev.custograph.actions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.model.InvalidParameterException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rules that choose each customer's next best action, read from a YAML file an operator can change (the default
 * is {@code src/main/resources/policy/next-best-action.yaml}, which documents the format). Every mistake in a file is
 * refused when it is read, naming the action and field, so a run never starts on a policy it would misread.
 */
public record ActionPolicy(String source, String text, List<Rule> rules, Rule fallback) {

    /** The policy shipped with the product. */
    public static final String DEFAULT_RESOURCE = "/policy/next-best-action.yaml";

    /** What one customer who responds to an action is worth; see the policy file. */
    public enum Gain {
        VALUE_AT_RISK("valueAtRisk"), RETAINED_VALUE("retainedValue"), RECOMMENDED_PRODUCT("recommendedProduct"),
        ORDER_VALUE("orderValue");

        final String key;

        Gain(String key) {
            this.key = key;
        }

        static Gain of(String key, String where) {
            for (Gain g : values()) {
                if (g.key.equals(key)) {
                    return g;
                }
            }
            throw invalid(where + ".gain", "'" + key + "' is not a gain; use one of valueAtRisk, retainedValue, "
                    + "recommendedProduct, orderValue");
        }
    }

    /**
     * One condition on a customer figure: {@code min}/{@code max} for numbers (inclusive), {@code in} for text,
     * {@code is} for yes/no. A customer without the figure does not meet it.
     */
    public record Condition(String fact, Double min, Double max, List<String> in, Boolean is) {

        boolean holds(CustomerFacts facts) {
            Object value = facts.fact(fact);
            if (value == null) {
                return false;
            }
            if (is != null) {
                return is.equals(value);
            }
            if (in != null) {
                return in.contains(value.toString());
            }
            double v = ((Number) value).doubleValue();
            return (min == null || v >= min) && (max == null || v <= max);
        }

        /** The condition as the policy file says it, for a reason: "risk >= 0.5". */
        String describe() {
            if (is != null) {
                return fact + " is " + is;
            }
            if (in != null) {
                return fact + " in " + in;
            }
            if (min != null && max != null) {
                return fact + " " + number(min) + " to " + number(max);
            }
            return fact + (min != null ? " >= " + number(min) : " <= " + number(max));
        }

        private static String number(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    /** One action and when it applies. The fallback has no conditions, gain, rate or cost. */
    public record Rule(String id, String label, String description, List<Condition> when, Gain gain,
                       double responseRate, double cost, boolean withProduct) {

        boolean applies(CustomerFacts facts) {
            for (Condition c : when) {
                if (!c.holds(facts)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The policy shipped with the product. */
    public static ActionPolicy defaults() {
        try (InputStream in = ActionPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default policy " + DEFAULT_RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default policy");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default policy", e);
        }
    }

    /** The policy in {@code file}; a file that cannot be read or used is refused naming it. */
    public static ActionPolicy read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidParameterException("policy", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a policy from YAML text; {@code source} names it in errors. */
    public static ActionPolicy parse(String text, String source) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            throw invalid(source, "not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw invalid(source, "must be a map with 'actions' and 'fallback'");
        }
        knownKeys(top, Set.of("actions", "fallback"), source);
        if (!(top.get("actions") instanceof List<?> list) || list.isEmpty()) {
            throw invalid(source + ": actions", "must be a non-empty list of actions");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Rule rule = rule(list.get(i), source + ": actions[" + i + "]", false);
            if (!ids.add(rule.id())) {
                throw invalid(source + ": actions[" + i + "].id", "'" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        Rule fallback = rule(top.get("fallback"), source + ": fallback", true);
        if (ids.contains(fallback.id())) {
            throw invalid(source + ": fallback.id", "'" + fallback.id() + "' is also an action's id");
        }
        return new ActionPolicy(source, text, List.copyOf(rules), fallback);
    }

    /** Every action id the policy can give, the fallback last. */
    public List<String> actionIds() {
        List<String> all = new ArrayList<>(rules.stream().map(Rule::id).toList());
        all.add(fallback.id());
        return all;
    }

    /** The rule with this id (an action or the fallback), or null. */
    public Rule rule(String id) {
        if (fallback.id().equals(id)) {
            return fallback;
        }
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static Rule rule(Object node, String where, boolean isFallback) {
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(where, "must be a map with id, label" + (isFallback ? "" : ", when, gain, responseRate, cost"));
        }
        knownKeys(map, isFallback ? Set.of("id", "label", "description")
                : Set.of("id", "label", "description", "when", "gain", "responseRate", "cost", "withProduct"), where);
        String id = text(map, "id", where, true);
        if (!id.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw invalid(where + ".id", "'" + id + "' must be 1-40 capital letters, digits or _, starting with a "
                    + "letter");
        }
        String label = text(map, "label", where, true);
        String description = text(map, "description", where, false);
        if (isFallback) {
            return new Rule(id, label, description, List.of(), null, 0, 0, false);
        }
        Gain gain = Gain.of(text(map, "gain", where, true), where);
        double rate = number(map, "responseRate", where);
        if (!(rate >= 0 && rate <= 1)) {
            throw invalid(where + ".responseRate", "must be between 0 and 1, got " + rate);
        }
        double cost = number(map, "cost", where);
        if (!(cost >= 0)) {
            throw invalid(where + ".cost", "must be 0 or more, got " + cost);
        }
        Object withProduct = map.get("withProduct");
        if (withProduct != null && !(withProduct instanceof Boolean)) {
            throw invalid(where + ".withProduct", "must be true or false, got '" + withProduct + "'");
        }
        return new Rule(id, label, description, conditions(map.get("when"), where + ".when"), gain, rate, cost,
                Boolean.TRUE.equals(withProduct));
    }

    private static List<Condition> conditions(Object node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(where, "must map figures to conditions, e.g. risk: {min: 0.5}");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String fact = String.valueOf(e.getKey());
            String at = where + "." + fact;
            CustomerFacts.Kind kind = CustomerFacts.kindOf(fact);
            if (kind == null) {
                throw invalid(at, "'" + fact + "' is not a customer figure; use one of "
                        + String.join(", ", CustomerFacts.FACTS.keySet()));
            }
            if (!(e.getValue() instanceof Map<?, ?> test)) {
                throw invalid(at, "must be a map such as {min: 0.5}, {max: 90}, {in: [Lost]} or {is: true}");
            }
            switch (kind) {
                case NUMBER -> {
                    knownKeys(test, Set.of("min", "max"), at);
                    Double min = test.containsKey("min") ? number(test, "min", at) : null;
                    Double max = test.containsKey("max") ? number(test, "max", at) : null;
                    if (min == null && max == null) {
                        throw invalid(at, "needs min, max or both");
                    }
                    if (min != null && max != null && min > max) {
                        throw invalid(at, "min " + min + " is above max " + max);
                    }
                    conditions.add(new Condition(fact, min, max, null, null));
                }
                case TEXT -> {
                    knownKeys(test, Set.of("in"), at);
                    if (!(test.get("in") instanceof List<?> values) || values.isEmpty()) {
                        throw invalid(at + ".in", "must be a non-empty list of values");
                    }
                    conditions.add(new Condition(fact, null, null, values.stream().map(String::valueOf).toList(),
                            null));
                }
                case YES_NO -> {
                    knownKeys(test, Set.of("is"), at);
                    if (!(test.get("is") instanceof Boolean is)) {
                        throw invalid(at + ".is", "must be true or false");
                    }
                    conditions.add(new Condition(fact, null, null, null, is));
                }
            }
        }
        return List.copyOf(conditions);
    }

    private static void knownKeys(Map<?, ?> map, Set<String> known, String where) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw invalid(where, "unknown field '" + key + "'; expected " + String.join(", ",
                        known.stream().sorted().toList()));
            }
        }
    }

    private static String text(Map<?, ?> map, String key, String where, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw invalid(where + "." + key, "is missing");
            }
            return null;
        }
        String s = String.valueOf(value).strip();
        if (required && s.isEmpty()) {
            throw invalid(where + "." + key, "is empty");
        }
        return s;
    }

    private static double number(Map<?, ?> map, String key, String where) {
        Object value = map.get(key);
        if (!(value instanceof Number n)) {
            throw invalid(where + "." + key, value == null ? "is missing" : "must be a number, got '" + value + "'");
        }
        return n.doubleValue();
    }

    private static InvalidParameterException invalid(String where, String reason) {
        return new InvalidParameterException("policy", where + ": " + reason);
    }

    /** The policy as a plain map, for a run's report: which rules it applied. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("actions", actionIds());
        return out;
    }
}
