package dev.custograph.backup;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.custograph.graph.Graph;

/**
 * A hash of the whole graph's content, independent of internal ids and of order, so two databases with the same
 * nodes, relationships, labels, types and property values (of the same types) hash alike: each node hashes its sorted
 * labels and properties; each relationship its type, properties and its end nodes' hashes; the graph is the sum of
 * all those (a multiset hash). Node hashes are held in memory while relationships are read (about 100 bytes a node).
 */
public final class ContentHash {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private ContentHash() {
    }

    /** The graph's content hash, as hex, with the counts it covers: {@code nodes:relationships:hash}. */
    public static String of(Graph graph) {
        return graph.inReadTransaction(tx -> {
            Map<String, byte[]> nodes = new HashMap<>();
            BigInteger[] sum = {BigInteger.ZERO};
            long[] counts = {0, 0};
            tx.readEach("backup/nodes", Map.of(), row -> {
                List<String> labels = new ArrayList<>(row.strings("labels"));
                labels.sort(null);
                byte[] hash = digest(canonical(Map.of("l", labels, "p", Backup.portable(row))));
                nodes.put(row.string("id"), hash);
                sum[0] = sum[0].add(new BigInteger(1, hash));
                counts[0]++;
            });
            tx.readEach("backup/relationships", Map.of(), row -> {
                String start = java.util.HexFormat.of().formatHex(nodes.get(row.string("start")));
                String end = java.util.HexFormat.of().formatHex(nodes.get(row.string("end")));
                byte[] hash = digest(canonical(Map.of("t", row.string("type"), "s", start, "e", end, "p", Backup.portable(row))));
                sum[0] = sum[0].add(new BigInteger(1, hash));
                counts[1]++;
            });
            return counts[0] + ":" + counts[1] + ":" + sum[0].mod(MODULUS).toString(16);
        });
    }

    private static String canonical(Map<String, Object> value) {
        return BackupArchive.JSON.writeValueAsString(new TreeMap<>(value));
    }

    private static byte[] digest(String text) {
        return BackupArchive.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
