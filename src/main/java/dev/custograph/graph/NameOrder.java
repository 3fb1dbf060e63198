package dev.custograph.graph;

import java.text.Collator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order customer and product names sort in: a language's collation, not code points, so "Bólido" sorts beside
 * "Bottom-Dollar" and "ernst" beside "Ernst". Cypher has no collation, so every write that sets a name also sets
 * {@code nameKey}: the name's primary collation key (letters only; accents and case do not count) in hexadecimal, which
 * compares as text the way the collator compares names. The lists sort by that key, then the name itself, then the id.
 *
 * <p>A database has one collation, stored in it ({@code meta/name-collation}) so that every process writing to it
 * keys names alike. {@code serve} sets it from {@code custograph.names.collation}; a change re-keys every name at
 * start. Other commands use the stored one.
 */
public final class NameOrder {

    public static final String DEFAULT_COLLATION = "en";
    private static final Logger LOG = LoggerFactory.getLogger(NameOrder.class);
    private static final int PAGE = 10_000;

    private final String collation;
    // A Collator is not safe to share between threads; each thread keeps its own copy.
    private final ThreadLocal<Collator> collator;

    private NameOrder(String collation) {
        this.collation = collation;
        Locale locale = Locale.forLanguageTag(collation);
        this.collator = ThreadLocal.withInitial(() -> {
            Collator c = Collator.getInstance(locale);
            c.setStrength(Collator.PRIMARY);
            c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return c;
        });
    }

    /** The order of a BCP 47 language tag ("en", "de", "sv"), or an error naming {@code setting}. */
    public static NameOrder of(String collation, String setting) {
        String tag = collation == null ? "" : collation.strip();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return new NameOrder(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(setting + ": '" + collation + "' is not a language tag (e.g. en, de, sv)");
        }
    }

    public String collation() {
        return collation;
    }

    /** The sort key of a name; null for no name. */
    public String key(String name) {
        if (name == null) {
            return null;
        }
        return HexFormat.of().formatHex(collator.get().getCollationKey(name).toByteArray());
    }

    /**
     * Adds {@code nameKey} to the properties of a customer or product being written, when they set {@code name}
     * (to null as well: a name removed takes its key with it).
     */
    public Map<String, Object> withKey(Map<String, Object> properties) {
        if (properties.containsKey("name")) {
            Object name = properties.get("name");
            properties.put("nameKey", name instanceof String text ? key(text) : null);
        }
        return properties;
    }

    /**
     * Sets {@code nameKey} on the complete properties of a customer about to replace the stored ones (a merge and its
     * undo), from the name they hold: a snapshot taken before name keys existed gets its key too.
     */
    public Map<String, Object> keyed(Map<String, Object> properties) {
        Object name = properties.get("name");
        if (name instanceof String text) {
            properties.put("nameKey", key(text));
        } else {
            properties.remove("nameKey");
        }
        return properties;
    }

    /** Field names as people read them: without {@code nameKey}, which goes with {@code name} wherever it goes. */
    public static List<String> fields(java.util.Collection<String> names) {
        return names.stream().filter(name -> !name.equals("nameKey")).toList();
    }

    /**
     * The database's order, made current: with {@code wanted} null, the stored collation (or the default for a new
     * database); otherwise {@code wanted}, re-keying every name if the database was keyed with another. Names
     * written before name keys existed are keyed here too.
     */
    static NameOrder bringUpToDate(Graph graph, NameOrder wanted) {
        String stored = graph.readRows("meta/name-collation", Map.of()).stream().findFirst()
                .map(row -> (String) row.get("collation")).orElse(null);
        NameOrder order = wanted != null ? wanted : stored != null ? new NameOrder(stored)
                : new NameOrder(DEFAULT_COLLATION);
        if (stored == null || !stored.equals(order.collation())) {
            boolean all = stored != null;
            long keyed = order.keyNames(graph, all);
            graph.write("meta/set-name-collation", Map.of("collation", order.collation()));
            if (keyed > 0) {
                LOG.info("Keyed {} customer and product names for sorting by the '{}' collation{}", keyed,
                        order.collation(), all ? " (was '" + stored + "')" : "");
            }
        }
        return order;
    }

    private long keyNames(Graph graph, boolean all) {
        long keyed = 0;
        String after = "";
        while (true) {
            List<Map<String, Object>> page = graph.readRows("meta/names-to-key",
                    Map.of("all", all, "afterId", after, "limit", PAGE));
            if (page.isEmpty()) {
                return keyed;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : page) {
                rows.add(Map.of("nodeId", row.get("nodeId"), "nameKey", key((String) row.get("name"))));
            }
            graph.write("meta/write-name-keys", Map.of("rows", rows));
            keyed += rows.size();
            after = (String) page.get(page.size() - 1).get("nodeId");
        }
    }
}
