package dev.custograph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.custograph.graph.BulkStore;
import dev.custograph.graph.Graph.WriteCounts;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import dev.custograph.model.ValueRules;

/**
 * The import into an empty embedded store: the same reading, standardisation, validation, rejects file and report as
 * {@link Importer}, but the valid rows are assembled into a {@link BulkGraph} in memory, flagged for anomalies, and
 * written by Neo4j's batch import engine in one go ({@link BulkStore}), instead of MERGE statements batch by batch.
 * The database does not start: the schema migrations build the constraints and indexes over the loaded data when it
 * first does, as every start brings the schema up to date. Only for sources whose customers come from one system
 * (every format but customers-jsonl, whose rows name their own sources and ids and may merge), and only while the
 * store holds no database: anything else goes through {@link Importer}.
 */
public final class BulkImport {

    /** The report's name for imports written by the batch import engine. */
    static final String BULK = "bulk";

    private final Path dataDir;
    private final ValueRules.DateWindow dates;

    /** A bulk import into the empty store of {@code dataDir}, accepting order dates within {@code dates}. */
    public BulkImport(Path dataDir, ValueRules.DateWindow dates) {
        this.dataDir = dataDir;
        this.dates = dates;
    }

    /** Whether {@code format} can be imported in bulk. */
    public static boolean supports(String format) {
        return Importer.FORMATS.contains(format) && !format.equals("customers-jsonl");
    }

    /** Whether the embedded store of {@code dataDir} is empty, so an import into it can be written in bulk. */
    public static boolean possible(Path dataDir) {
        return BulkStore.isEmpty(dataDir);
    }

    /** Imports {@code paths} as {@link Importer#run(String, String, List, Path)} does. */
    public ImportReport run(String format, String source, List<Path> paths, Path rejects) {
        if (!supports(format)) {
            throw new ImportFailedException("format " + format + " cannot be imported in bulk; supported: "
                    + String.join(", ", Importer.FORMATS.stream().filter(BulkImport::supports).toList()));
        }
        String from = source == null ? format : source;
        if (format.equals("northwind")) {
            long started = System.nanoTime();
            if (paths.size() != 1) {
                throw new ImportFailedException("format northwind takes one directory, got " + paths.size()
                        + " paths");
            }
            NorthwindReader.Result result = NorthwindReader.read(paths.get(0));
            Loaded loaded = write(from, result.dataset());
            return Importer.report(format, BULK, result.files(), loaded.counts(), loaded.anomalies(), started);
        }
        try (BulkStore.Writer store = BulkStore.open(dataDir); BulkGraph graph = new BulkGraph(from, store)) {
            return new LineImport<>(format, Importer.lineFormat(format), graph::addLines, Importer::sameOrder,
                    Importer.rejectsPath(format, rejects), Importer.BATCH_SIZE, dates).run(paths, BULK,
                    batches -> {
                        BulkGraph.Written written = graph.write();
                        return new LineImport.Completed(batches.plus(merged(written)), written.anomaliesFlagged());
                    });
        }
    }

    /**
     * Writes a generated data set (the demo) into the empty store, with {@code marker} (label, then properties as
     * key, value, ...) as one more node.
     */
    public ImportReport load(String source, Dataset data, Object... marker) {
        long started = System.nanoTime();
        Loaded loaded = write(source, data, marker);
        return Importer.report(source, BULK, Importer.datasetFiles(source, data), loaded.counts(), loaded.anomalies(),
                started);
    }

    private record Loaded(LoadCounts counts, long anomalies) {
    }

    /** The data set in the batches {@link GraphLoader} writes it in, so the rules apply batch for batch alike. */
    private Loaded write(String source, Dataset data, Object... marker) {
        try (BulkStore.Writer store = BulkStore.open(dataDir); BulkGraph graph = new BulkGraph(source, store)) {
            LoadCounts counts = LoadCounts.NONE;
            for (List<dev.custograph.model.Category> batch : batches(data.categories(), GraphLoader.BATCH_SIZE)) {
                counts = counts.plus(graph.addCategories(batch));
            }
            for (List<dev.custograph.model.Product> batch : batches(data.products(), GraphLoader.BATCH_SIZE)) {
                counts = counts.plus(graph.addProducts(batch));
            }
            for (List<dev.custograph.model.Customer> batch : batches(data.customers(), GraphLoader.BATCH_SIZE)) {
                counts = counts.plus(graph.addCustomers(batch.stream()
                        .map(c -> GraphLoader.customerRecord(source, c)).toList()));
            }
            Map<String, List<BulkGraph.Line>> linesByOrder = new HashMap<>();
            for (OrderLine l : data.lines()) {
                linesByOrder.computeIfAbsent(l.orderId(), id -> new ArrayList<>()).add(new BulkGraph.Line(l.lineId(),
                        l.productId(), l.quantity(), l.unitPrice(), l.discount()));
            }
            Function<Order, BulkGraph.BatchOrder> toRow = o -> new BulkGraph.BatchOrder(o.orderId(),
                    o.customerId() != null && graph.hasCustomer(o.customerId()) ? o.customerId() : null,
                    GraphLoader.orderProperties(source, o), linesByOrder.getOrDefault(o.orderId(), List.of()));
            for (List<Order> batch : batches(data.orders(), GraphLoader.ORDER_BATCH_SIZE)) {
                counts = counts.plus(graph.addOrders(batch.stream().map(toRow).toList()));
            }
            if (marker.length > 0) {
                graph.addNode((String) marker[0], java.util.Arrays.copyOfRange(marker, 1, marker.length));
            }
            BulkGraph.Written written = graph.write();
            return new Loaded(counts.plus(merged(written)), written.anomaliesFlagged());
        }
    }

    private static LoadCounts merged(BulkGraph.Written written) {
        return new LoadCounts(0, 0, 0, 0, new WriteCounts(0, 0, written.relationshipsCreated(), 0, 0));
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
