package dev.custograph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.neo4j.batchimport.api.BatchImporter;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.BatchImporterFactory;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.staging.ExecutionMonitor;
import org.neo4j.internal.batchimport.staging.StageExecution;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.StoreFileChannel;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.transaction.log.EmptyLogTailMetadata;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.neo4j.kernel.impl.scheduler.JobSchedulerFactory.createInitialisedScheduler;

/**
 * Writes a whole graph into an embedded store that has no database yet, through Neo4j's own batch import engine
 * (the one behind {@code neo4j-admin database import}): records are written straight into the store files, with no
 * transactions, no locks and no query planning, which is what makes a first load an order of magnitude faster
 * than Cypher. The caller has already decided every node, relationship and property; no constraint or index
 * exists yet (the schema migrations create them when the database first starts, over the loaded data).
 *
 * <p>The store is built in a directory of its own inside the data directory and moved into place only when it is
 * complete, so an import killed half way leaves the data directory as it was (an empty store), never a partial one.
 */
public final class BulkStore {

    private static final Logger log = LoggerFactory.getLogger(BulkStore.class);
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    private static final String BUILDING = "bulk-import.partial";
    private static final String LOCK = "bulk-import.lock";

    /** A node: an id unique in the graph (0, 1, 2, ...), its one label, and properties as key, value, key, ... */
    public record Node(long id, String label, Object... properties) {
    }

    /** A relationship between two node ids, with properties as key, value, key, ... */
    public record Relationship(long startId, long endId, String type, Object... properties) {
    }

    /** The sizes of what is about to be written, so the engine can size its caches. */
    public record Estimates(long nodes, long relationships, long nodeProperties, long relationshipProperties) {
    }

    private BulkStore() {
    }

    /**
     * True when the embedded store of {@code dataDir} has no database yet: the data directory is new, or the
     * database was never started there. Only then can the batch import engine write it.
     */
    public static boolean isEmpty(Path dataDir) {
        return !Files.exists(layout(home(dataDir)).databaseDirectory());
    }

    /**
     * Prepares to write the empty store of {@code dataDir}: takes the data directory's bulk-import lock (one writer at
     * a time) and clears what a killed import left behind. Fails if the store already holds a database or another
     * import is writing it.
     */
    public static Writer open(Path dataDir) {
        // The same checks and private directories as a database start, with the same errors.
        Path home = EmbeddedNeo4j.prepareHome(dataDir);
        FileChannel lockFile = null;
        try {
            lockFile = FileChannel.open(home.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                throw new IllegalStateException("another import is writing the store in " + home
                        + "; wait for it to finish");
            }
            if (!isEmpty(dataDir)) {
                throw new IllegalStateException("the store in " + home + " already holds a database");
            }
            Writer writer = new Writer(home, lockFile);
            writer.clear();
            Files.createDirectories(writer.building);
            return writer;
        } catch (IOException e) {
            closeQuietly(lockFile);
            throw new UncheckedIOException("cannot prepare the store in " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockFile);
            throw e;
        }
    }

    /** Writes one empty store, holding its lock until closed; its work directory disappears on close. */
    public static final class Writer implements AutoCloseable {
        private final Path home;
        private final Path building;
        private final FileChannel lockFile;

        private Writer(Path home, FileChannel lockFile) {
            this.home = home;
            this.building = home.resolve(BUILDING);
            this.lockFile = lockFile;
        }

        /** A private directory for the import's own work files, removed when the writer closes. */
        public Path workDir() {
            return building;
        }

        /**
         * Writes the graph. {@code nodes} and {@code relationships} each give a fresh iterator every time they are
         * called (the engine may read its input more than once).
         */
        public void write(Supplier<Iterator<Node>> nodes, Supplier<Iterator<Relationship>> relationships,
                          Estimates estimates) {
            DatabaseLayout target = layout(home);
            DatabaseLayout partial = layout(building);
            try {
                long started = System.nanoTime();
                requireFreeSpace(null);
                try {
                    importInto(partial, nodes, relationships, estimates);
                    syncTree(partial.databaseDirectory());
                    syncTree(partial.getTransactionLogsDirectory());
                } catch (IOException | RuntimeException e) {
                    requireFreeSpace(e);
                    throw e;
                }
                Files.createDirectories(target.getTransactionLogsDirectory().getParent());
                Files.createDirectories(target.databaseDirectory().getParent());
                // The database directory moves last: until it is in place, the store counts as empty (isEmpty).
                Files.move(partial.getTransactionLogsDirectory(), target.getTransactionLogsDirectory(),
                        StandardCopyOption.ATOMIC_MOVE);
                Files.move(partial.databaseDirectory(), target.databaseDirectory(), StandardCopyOption.ATOMIC_MOVE);
                syncTree(target.getTransactionLogsDirectory().getParent(), 0);
                syncTree(target.databaseDirectory().getParent(), 0);
                log.info("Wrote {} nodes and {} relationships into the store in {} s (bulk)", estimates.nodes(),
                        estimates.relationships(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
            } catch (FileAlreadyExistsException e) {
                throw new IllegalStateException("a database was created in " + home
                        + " by another process while this import ran; nothing was imported", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the store in " + home + ": " + e.getMessage(), e);
            }
        }

        /**
         * Fails with a message naming the disk when it has less room than the database needs to run (or when
         * {@code failure}, the engine's, says it ran out): the store stays empty, as before the import.
         */
        private void requireFreeSpace(Exception failure) {
            long free = home.toFile().getUsableSpace();
            boolean full = free < EmbeddedNeo4j.minFreeBytes();
            for (Throwable t = failure; t != null && !full; t = t.getCause()) {
                full = t.getMessage() != null && t.getMessage().contains("No space left on device");
            }
            if (full) {
                throw new GraphUnavailableException("the disk holding " + home + " is full: " + (free >> 20)
                        + " MB free, and at least " + (EmbeddedNeo4j.minFreeBytes() >> 20) + " MB must stay free; "
                        + "nothing was written, the store is as it was (free some space and run it again)", failure);
            }
        }

        /** Removes a killed import's leftovers: its work directory, and transaction logs that no database owns. */
        private void clear() throws IOException {
            deleteTree(building);
            if (isEmpty(home.getParent())) {
                deleteTree(layout(home).getTransactionLogsDirectory());
            }
        }

        @Override
        public void close() {
            try {
                deleteTree(building);
            } catch (IOException e) {
                log.warn("Could not remove the import's work directory {}: {}", building, e.getMessage());
            } finally {
                closeQuietly(lockFile);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // releasing the lock; the channel is gone either way
            }
        }
    }

    private static void importInto(DatabaseLayout layout, Supplier<Iterator<Node>> nodes,
                                   Supplier<Iterator<Relationship>> relationships, Estimates estimates)
            throws IOException {
        Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, layout.getNeo4jLayout().homeDirectory());
        try (JobScheduler scheduler = createInitialisedScheduler();
             DefaultFileSystemAbstraction fs = new UnforcedFileSystem()) {
            BatchImporter importer = BatchImporterFactory.withHighestPriority().instantiate(layout, fs,
                    PageCacheTracer.NULL, new ImportConfiguration(), NullLogService.getInstance(),
                    new StageLog(), DefaultAdditionalIds.EMPTY, new EmptyLogTailMetadata(config), config,
                    Monitor.NO_MONITOR, scheduler, Collector.STRICT, TransactionLogInitializer.getLogFilesInitializer(),
                    new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE,
                    CursorContextFactory.NULL_CONTEXT_FACTORY);
            Input input = Input.input(chunks(nodes, BulkStore::visitNode), chunks(relationships,
                            BulkStore::visitRelationship), IdType.ACTUAL,
                    Input.knownEstimates(estimates.nodes(), estimates.relationships(), estimates.nodeProperties(),
                            estimates.relationshipProperties(), estimates.nodeProperties() * 24,
                            estimates.relationshipProperties() * 16, estimates.nodes()),
                    ReadableGroups.EMPTY);
            importer.doImport(input);
        }
    }

    /**
     * The engine forces its files to disk after every stage (about 1,300 fsyncs for 1M order lines, a third of the
     * write's time on this machine's disk). A store being built is thrown away if anything goes wrong, so those
     * forces buy nothing: this file system skips them, and {@link #syncTree} forces every file once before the store
     * is moved into place, which keeps the finished store as durable as the engine's own forces would.
     */
    private static final class UnforcedFileSystem extends DefaultFileSystemAbstraction {
        @Override
        protected StoreFileChannel getStoreFileChannel(FileChannel channel) {
            return new StoreFileChannel(channel) {
                @Override
                public void force(boolean metaData) {
                    // deferred to syncTree
                }
            };
        }
    }

    /** Forces every file under {@code root}, then the directories, so a rename cannot outlive their contents. */
    private static void syncTree(Path root) throws IOException {
        syncTree(root, Integer.MAX_VALUE);
    }

    /** {@link #syncTree(Path)} down to {@code depth} levels (0: the directory itself, after a rename into it). */
    private static void syncTree(Path root, int depth) throws IOException {
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root, depth)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path)) {
                    directories.add(path);
                } else if (Files.isRegularFile(path)) {
                    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
        }
        for (Path directory : directories) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /**
     * The engine's defaults, with the label and relationship-type indexes a database normally starts with, and
     * without its background flusher: that thread calls flushAndForce in a loop for as long as a stage runs, which on
     * two cores takes a core from the stage itself (profiled: the largest cost of writing the nodes). The page cache
     * still writes pages out as it needs room, and every file is forced once at the end ({@link #syncTree}).
     */
    private static final class ImportConfiguration implements Configuration {
        @Override
        public IndexConfig indexConfig() {
            return IndexConfig.create().withLabelIndex().withRelationshipTypeIndex();
        }

        @Override
        public boolean sequentialBackgroundFlushing() {
            return false;
        }
    }

    private static void visitNode(Node node, InputEntityVisitor visitor) {
        visitor.id(node.id());
        visitor.labels(new String[] {node.label()});
        properties(node.properties(), visitor);
    }

    private static void visitRelationship(Relationship relationship, InputEntityVisitor visitor) {
        visitor.startId(relationship.startId());
        visitor.endId(relationship.endId());
        visitor.type(relationship.type());
        properties(relationship.properties(), visitor);
    }

    private static void properties(Object[] keysAndValues, InputEntityVisitor visitor) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                visitor.property((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
    }

    private interface Visit<T> {
        void accept(T entity, InputEntityVisitor visitor);
    }

    /** Hands the entities to the engine's worker threads in chunks; each chunk is read by one thread. */
    private static <T> InputIterable chunks(Supplier<Iterator<T>> source, Visit<T> visit) {
        int chunkSize = 10_000;
        return () -> new InputIterator() {
            private final Iterator<T> entities = source.get();

            @Override
            public InputChunk newChunk() {
                return new Chunk<>(visit, chunkSize);
            }

            @Override
            public synchronized boolean next(InputChunk chunk) {
                @SuppressWarnings("unchecked")
                Chunk<T> filling = (Chunk<T>) chunk;
                filling.clear();
                while (filling.size() < chunkSize && entities.hasNext()) {
                    filling.add(entities.next());
                }
                return filling.size() > 0;
            }

            @Override
            public void close() {
            }
        };
    }

    private static final class Chunk<T> implements InputChunk {
        private final Visit<T> visit;
        private final java.util.ArrayList<T> entities;
        private int next;

        Chunk(Visit<T> visit, int capacity) {
            this.visit = visit;
            this.entities = new java.util.ArrayList<>(capacity);
        }

        void clear() {
            entities.clear();
            next = 0;
        }

        void add(T entity) {
            entities.add(entity);
        }

        int size() {
            return entities.size();
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (next >= entities.size()) {
                return false;
            }
            visit.accept(entities.get(next++), visitor);
            visitor.endOfEntity();
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Logs each stage of the engine as it ends (nodes, relationships, linking, counts), so a long write shows life. */
    private static final class StageLog implements ExecutionMonitor {
        private long stageStarted;

        @Override
        public void start(StageExecution execution) {
            stageStarted = System.nanoTime();
        }

        @Override
        public void end(StageExecution execution, long totalTimeMillis) {
            log.info("Bulk write: stage {} done in {} s", execution.getStageName(),
                    String.format("%.1f", (System.nanoTime() - stageStarted) / 1e9));
        }

        @Override
        public void done(boolean successful, long totalTimeMillis, String additionalInformation) {
        }

        @Override
        public long checkIntervalMillis() {
            return Long.MAX_VALUE;
        }

        @Override
        public void check(StageExecution execution) {
        }
    }

    private static Path home(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("neo4j");
    }

    private static DatabaseLayout layout(Path home) {
        return Neo4jLayout.of(Config.defaults(GraphDatabaseSettings.neo4j_home, home)).databaseLayout(DATABASE);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
