package dev.custograph.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files {@code cypher/schema/V<number>__<description>.cypher} in version order, each
 * once, and records each as a {@code (:CustographMigration {version, description, checksum, appliedAt})} node.
 *
 * <p>Every statement in those files is itself idempotent ({@code IF NOT EXISTS}), so two instances starting at once
 * against one cluster do no harm. A file changed after it was applied is refused: the database would otherwise
 * silently differ from what the repository says it is.
 */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern FILE_NAME = Pattern.compile("schema/V(\\d+)__([\\w-]+)");

    private final Graph graph;

    public SchemaMigrator(Graph graph) {
        this.graph = graph;
    }

    /** A schema file, parsed from its name. */
    record Migration(int version, String description, String name, String checksum) {
    }

    /** Brings the schema up to date and returns how many migrations were applied now. */
    public int migrate() {
        Map<Long, String> applied = graph.readRows("meta/applied-migrations", Map.of()).stream()
                .collect(Collectors.toMap(row -> (Long) row.get("version"), row -> (String) row.get("checksum")));
        int count = 0;
        for (Migration migration : migrations()) {
            String checksum = applied.get((long) migration.version());
            if (checksum != null) {
                if (!checksum.equals(migration.checksum())) {
                    throw new IllegalStateException("schema migration cypher/" + migration.name()
                            + ".cypher was changed after it was applied to this database; add a new migration instead");
                }
                continue;
            }
            GraphChange bookkeeping = new GraphChange.Bookkeeping("schema migration");
            graph.writeEach(migration.name(), graph.catalogue().statements(migration.name()), bookkeeping);
            graph.write("meta/record-migration", Map.of("version", migration.version(),
                    "description", migration.description(), "checksum", migration.checksum()), bookkeeping);
            log.info("Applied schema migration V{} {}", migration.version(), migration.description());
            count++;
        }
        return count;
    }

    List<Migration> migrations() {
        return graph.catalogue().namesUnder("schema/").stream().map(this::parse)
                .sorted((a, b) -> Integer.compare(a.version(), b.version())).toList();
    }

    private Migration parse(String name) {
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalStateException("schema file cypher/" + name
                    + ".cypher is not named V<number>__<description>.cypher");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), name,
                sha256(graph.catalogue().text(name)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
