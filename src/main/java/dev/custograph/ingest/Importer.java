package dev.custograph.ingest;

import java.nio.file.Path;
import java.util.List;

import dev.custograph.graph.Graph;
import dev.custograph.graph.Graph.WriteCounts;
import dev.custograph.model.Dataset;

/**
 * Runs an import end to end: read and validate the whole input, and only if every row is valid, write it. A refused
 * import therefore leaves the graph exactly as it was.
 */
public final class Importer {

    /** The input formats {@code import --format} accepts. */
    public static final List<String> FORMATS = List.of("northwind");

    private final Graph graph;

    public Importer(Graph graph) {
        this.graph = graph;
    }

    public ImportReport run(String format, List<Path> paths) {
        long started = System.nanoTime();
        if (!FORMATS.contains(format)) {
            throw new ImportFailedException("unknown format '" + format + "'; supported: " + String.join(", ", FORMATS));
        }
        if (paths.size() != 1) {
            throw new ImportFailedException("format northwind takes one directory, got " + paths.size() + " paths");
        }
        NorthwindReader.Result result = NorthwindReader.read(paths.get(0));
        WriteCounts counts = new GraphLoader(graph).load(result.dataset());
        return new ImportReport(format, result.files(), counts.nodesCreated(), counts.relationshipsCreated(),
                counts.propertiesSet(), (System.nanoTime() - started) / 1e9);
    }

    /** Writes generated data (the demo set) through the same loader as an import. */
    public ImportReport load(String source, Dataset data) {
        long started = System.nanoTime();
        WriteCounts counts = new GraphLoader(graph).load(data);
        List<FileReport> files = List.of(new FileReport(source, data.orders().size(), data.orders().size(), 0, 0));
        return new ImportReport(source, files, counts.nodesCreated(), counts.relationshipsCreated(),
                counts.propertiesSet(), (System.nanoTime() - started) / 1e9);
    }
}
