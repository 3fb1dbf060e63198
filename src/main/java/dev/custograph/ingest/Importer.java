package dev.custograph.ingest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.custograph.graph.Graph;
import dev.custograph.model.Dataset;
import dev.custograph.model.ValueRules;

/**
 * Runs an import end to end for a named format. Northwind (a handful of related files) is validated whole and
 * written only if every row is valid; the line formats (order lines, customer profiles) stream through
 * {@link LineImport}, writing valid rows and sending invalid ones to a rejects file. Every customer goes through
 * identity resolution, keyed by the source it came from.
 */
public final class Importer {

    /** The input formats {@code import --format} accepts. */
    public static final List<String> FORMATS = List.of("northwind", "lines", "online-retail", "cdnow",
            "customers-jsonl");

    /** Customer profiles are small: a batch of this many is one transaction. */
    static final int PROFILE_BATCH_SIZE = 1000;

    static final int BATCH_SIZE = 5000;

    private final Graph graph;
    private final ValueRules.DateWindow dates;

    public Importer(Graph graph) {
        this(graph, ValueRules.DateWindow.DEFAULT);
    }

    /** An importer that accepts order dates within {@code dates} (by default 1900-01-01 to tomorrow). */
    public Importer(Graph graph, ValueRules.DateWindow dates) {
        this.graph = graph;
        this.dates = dates;
    }

    /** Imports with rejects written to a timestamped file in the working directory (if there are any). */
    public ImportReport run(String format, List<Path> paths) {
        return run(format, paths, null);
    }

    /** Imports; {@code rejects} is where rejected rows go (null: {@code rejects-<format>-<time>.csv} here). */
    public ImportReport run(String format, List<Path> paths, Path rejects) {
        return run(format, null, paths, rejects);
    }

    /**
     * Imports with customer ids taken as ids in {@code source} (null: the format's name, or {@code crm} for
     * customers-jsonl rows that name no source). Identity resolution keys every customer by (source, id).
     */
    public ImportReport run(String format, String source, List<Path> paths, Path rejects) {
        if (!FORMATS.contains(format)) {
            throw new ImportFailedException("unknown format '" + format + "'; supported: " + String.join(", ", FORMATS));
        }
        if (format.equals("northwind")) {
            return northwind(source == null ? format : source, paths);
        }
        Path rejectsPath = rejectsPath(format, rejects);
        if (format.equals("customers-jsonl")) {
            return new LineImport<ProfileRow>(format, standardiser -> new CustomersJsonlFormat(standardiser,
                    source), profiles -> CustomersJsonlFormat.write(graph, profiles), (a, b) -> false, rejectsPath,
                    PROFILE_BATCH_SIZE, dates).run(paths, TRANSACTIONAL, written -> new LineImport.Completed(written, 0));
        }
        LineBatchWriter writer = new LineBatchWriter(graph, source == null ? format : source);
        return new LineImport<>(format, lineFormat(format), writer::write, Importer::sameOrder, rejectsPath,
                BATCH_SIZE, dates).run(paths, TRANSACTIONAL,
                written -> new LineImport.Completed(written, AnomalyFlags.refresh(graph)));
    }

    /** The report's name for imports written by Cypher statements in transactions. */
    static final String TRANSACTIONAL = "transactional";

    /** The reader of a line-oriented format. */
    static Function<Standardiser, LineFormat<LineRow>> lineFormat(String format) {
        return switch (format) {
            case "lines" -> LinesFormat::new;
            case "online-retail" -> OnlineRetailFormat::new;
            case "cdnow" -> CdnowFormat::new;
            default -> throw new IllegalStateException(format);
        };
    }

    /** Lines of one order stay in one batch. */
    static boolean sameOrder(LineRow a, LineRow b) {
        return a.orderId().equals(b.orderId());
    }

    /** {@code rejects}, or {@code rejects-<format>-<time>.csv} in the working directory when none is given. */
    static Path rejectsPath(String format, Path rejects) {
        return rejects != null ? rejects : Path.of("rejects-" + format + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
    }

    private ImportReport northwind(String source, List<Path> paths) {
        long started = System.nanoTime();
        if (paths.size() != 1) {
            throw new ImportFailedException("format northwind takes one directory, got " + paths.size() + " paths");
        }
        NorthwindReader.Result result = NorthwindReader.read(paths.get(0));
        LoadCounts counts = new GraphLoader(graph).load(source, result.dataset());
        return report("northwind", TRANSACTIONAL, result.files(), counts, AnomalyFlags.refresh(graph), started);
    }

    /** Writes generated data (the demo set) through the same loader as an import. */
    public ImportReport load(String source, Dataset data) {
        long started = System.nanoTime();
        LoadCounts counts = new GraphLoader(graph).load(source, data);
        return report(source, TRANSACTIONAL, datasetFiles(source, data), counts, AnomalyFlags.refresh(graph), started);
    }

    /** A generated data set reports as one file of its lines, all imported. */
    static List<FileReport> datasetFiles(String source, Dataset data) {
        int rows = data.lines().size();
        return List.of(new FileReport(source, rows, rows, 0, 0));
    }

    static ImportReport report(String format, String path, List<FileReport> files, LoadCounts counts, long anomalies,
                               long started) {
        long read = files.stream().mapToLong(FileReport::rowsRead).sum();
        long imported = files.stream().mapToLong(FileReport::rowsImported).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> repaired = new TreeMap<>();
        long repairedRows = files.stream().mapToLong(FileReport::rowsRepaired).sum();
        if (repairedRows > 0) {
            repaired.put("rowsWithSplitColumnRejoined", repairedRows);
        }
        return new ImportReport(format, path, files, read, imported, read - imported, Map.of(), repaired,
                counts.customersCreated(), counts.customersMerged(), counts.productsCreated(), counts.ordersCreated(),
                counts.total().nodesCreated(), counts.total().relationshipsCreated(), anomalies, null, seconds,
                Math.round(read / seconds));
    }
}
