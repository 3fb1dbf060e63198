package dev.custograph.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.summary.SummaryCounters;

/**
 * The one door to Neo4j: runs statements from the {@link CypherCatalogue} by name through the driver.
 *
 * <p>Reads run as read transactions (a cluster routes them to secondaries) and writes as managed write transactions,
 * which the driver retries on transient errors; so every write statement must be idempotent (MERGE on business
 * keys). All sessions share the driver's bookmark manager, so a read issued after a write by this process sees that
 * write even on a cluster. Every execution is timed per Cypher file ({@code custograph.cypher} with tag
 * {@code file}), which is also how tests count the queries a request makes.
 *
 * <p>Listeners hear about every committed write, so caches can drop what a write may have changed.
 */
public final class Graph {

    /**
     * Told after each committed write what it changed, as its writer announced it, so a cache can drop exactly
     * that.
     */
    public interface WriteListener {
        void afterWrite(GraphChange change);
    }

    private final Driver driver;
    private final CypherCatalogue catalogue;
    private final MeterRegistry meters;
    private final List<WriteListener> writeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> writeGuards = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private volatile NameOrder names;

    public Graph(Driver driver, CypherCatalogue catalogue, MeterRegistry meters) {
        this.driver = driver;
        this.catalogue = catalogue;
        this.meters = meters;
        io.micrometer.core.instrument.Gauge.builder("custograph.neo4j.statements.active", active,
                        java.util.concurrent.atomic.AtomicInteger::get)
                .description("Statements running now, each on one pooled driver connection").register(meters);
    }

    public CypherCatalogue catalogue() {
        return catalogue;
    }

    /** The order names sort in, which every write of a customer's or product's name keys them by. */
    public NameOrder names() {
        NameOrder current = names;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (names == null) {
                names = NameOrder.bringUpToDate(this, null);
            }
            return names;
        }
    }

    /** Sorts names by {@code wanted} from now on (serve's custograph.names.collation), re-keying them if it changed. */
    public synchronized void useNames(NameOrder wanted) {
        names = NameOrder.bringUpToDate(this, wanted);
    }

    public void addWriteListener(WriteListener listener) {
        writeListeners.add(listener);
    }

    /** Runs {@code guard} before every write transaction; it refuses the write by throwing (a disk nearly full). */
    public void addWriteGuard(Runnable guard) {
        writeGuards.add(guard);
    }

    private void guardWrite() {
        writeGuards.forEach(Runnable::run);
    }

    /** Runs a write statement that announces nothing ({@link GraphChange.Unannounced}). */
    public WriteCounts write(String name, Map<String, Object> parameters) {
        return write(name, parameters, new GraphChange.Unannounced(name));
    }

    /** Runs a write statement in one retried transaction and returns what it changed; {@code change} says what. */
    public WriteCounts write(String name, Map<String, Object> parameters, GraphChange change) {
        guardWrite();
        String text = catalogue.text(name);
        WriteCounts counts = timed(name, () -> driverCall(() -> {
            try (Session session = session()) {
                return session.executeWrite(tx -> WriteCounts.of(tx.run(text, parameters).consume().counters()),
                        Deadline.transactionConfig());
            }
        }));
        tellListeners(change);
        return counts;
    }

    /** A catalogue statement with its parameters and what it changes, for {@link #writeTogether}. */
    public record Statement(String name, Map<String, Object> parameters, GraphChange change) {

        /** A statement that announces nothing ({@link GraphChange.Unannounced}). */
        public Statement(String name, Map<String, Object> parameters) {
            this(name, parameters, new GraphChange.Unannounced(name));
        }
    }

    /**
     * Runs several statements in one retried transaction: all of them take effect, or none. Returns each
     * statement's counts, in order.
     */
    public List<WriteCounts> writeTogether(List<Statement> statements) {
        return inWriteTransaction(tx -> statements.stream().map(s -> tx.write(s.name(), s.parameters(), s.change()))
                .toList());
    }

    /**
     * The statements one {@link #inWriteTransaction} unit of work may run: reads see the transaction's own
     * earlier writes, and nothing is visible to others until the unit returns.
     */
    public interface Tx {
        List<Row> readRows(String name, Map<String, Object> parameters);

        /** A write; {@code change} is announced once the unit of work commits. */
        WriteCounts write(String name, Map<String, Object> parameters, GraphChange change);

        /** A write that announces nothing ({@link GraphChange.Unannounced}): an import's batch, say. */
        default WriteCounts write(String name, Map<String, Object> parameters) {
            return write(name, parameters, new GraphChange.Unannounced(name));
        }

        /** A write statement that returns rows (e.g. what it moved). */
        List<Row> writeRows(String name, Map<String, Object> parameters, GraphChange change);

        /** The order names sort in: a write that sets a name sets its key ({@link NameOrder#withKey}). */
        NameOrder names();
    }

    /**
     * Runs {@code work} in one write transaction that the driver retries on transient errors, so {@code work} may
     * run more than once and must keep its state inside the call. Used where a write depends on what a read found
     * (identity resolution, merges) and no other writer may slip in between.
     */
    public <T> T inWriteTransaction(Function<Tx, T> work) {
        guardWrite();
        List<GraphChange> written = new java.util.ArrayList<>();
        T result = driverCall(() -> {
            try (Session session = session()) {
                return session.executeWrite(tx -> {
                    written.clear();
                    return work.apply(new WriteTx(tx, written));
                }, Deadline.transactionConfig());
            }
        });
        written.forEach(this::tellListeners);
        return result;
    }

    /** One attempt of an {@link #inWriteTransaction} unit of work, noting what it wrote for the listeners. */
    private final class WriteTx implements Tx {
        private final org.neo4j.driver.TransactionContext tx;
        private final List<GraphChange> written;

        WriteTx(org.neo4j.driver.TransactionContext tx, List<GraphChange> written) {
            this.tx = tx;
            this.written = written;
        }

        @Override
        public List<Row> readRows(String name, Map<String, Object> parameters) {
            String text = catalogue.text(name);
            return timed(name, () -> tx.run(text, parameters).list(record -> row(name, record)));
        }

        @Override
        public WriteCounts write(String name, Map<String, Object> parameters, GraphChange change) {
            String text = catalogue.text(name);
            written.add(change);
            return timed(name, () -> WriteCounts.of(tx.run(text, parameters).consume().counters()));
        }

        @Override
        public List<Row> writeRows(String name, Map<String, Object> parameters, GraphChange change) {
            written.add(change);
            return readRows(name, parameters);
        }

        @Override
        public NameOrder names() {
            return Graph.this.names();
        }
    }

    /** The statements one {@link #inReadTransaction} unit of work may run, all seeing the same transaction. */
    public interface ReadTx {
        /**
         * Runs a read statement and hands each row to {@code each} as it streams in, so results larger than memory
         * can be written out; returns the number of rows.
         */
        long readEach(String name, Map<String, Object> parameters, java.util.function.Consumer<Row> each);

        List<Row> readRows(String name, Map<String, Object> parameters);
    }

    /**
     * Runs {@code work} in one read transaction (not retried: a long export must not silently run twice). Neo4j
     * reads are read-committed: a write committed by someone else while {@code work} runs may be seen in part.
     */
    public <T> T inReadTransaction(Function<ReadTx, T> work) {
        return driverCall(() -> readTransaction(work));
    }

    private <T> T readTransaction(Function<ReadTx, T> work) {
        try (Session session = driver.session(SessionConfig.builder()
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build());
             org.neo4j.driver.Transaction tx = session.beginTransaction(Deadline.transactionConfig())) {
            T result = work.apply(new ReadTx() {
                @Override
                public long readEach(String name, Map<String, Object> parameters,
                                     java.util.function.Consumer<Row> each) {
                    String text = catalogue.text(name);
                    return timed(name, () -> {
                        org.neo4j.driver.Result rows = tx.run(text, parameters);
                        long count = 0;
                        while (rows.hasNext()) {
                            each.accept(row(name, rows.next()));
                            count++;
                        }
                        return count;
                    });
                }

                @Override
                public List<Row> readRows(String name, Map<String, Object> parameters) {
                    String text = catalogue.text(name);
                    return timed(name, () -> tx.run(text, parameters).list(record -> row(name, record)));
                }
            });
            tx.rollback();
            return result;
        }
    }

    /** {@link #writeReturningLong(String, Map, GraphChange)} announcing nothing. */
    public long writeReturningLong(String name, Map<String, Object> parameters) {
        return writeReturningLong(name, parameters, new GraphChange.Unannounced(name));
    }

    /** Runs a write statement that returns one number (e.g. how many things it changed) and returns it. */
    public long writeReturningLong(String name, Map<String, Object> parameters, GraphChange change) {
        guardWrite();
        String text = catalogue.text(name);
        long value = timed(name, () -> driverCall(() -> {
            try (Session session = session()) {
                return session.executeWrite(tx -> tx.run(text, parameters).single().get(0).asLong(0),
                        Deadline.transactionConfig());
            }
        }));
        tellListeners(change);
        return value;
    }

    /** Runs each statement of a multi-statement file (e.g. a schema migration) in its own transaction. */
    public WriteCounts writeEach(String name, List<String> statements, GraphChange change) {
        guardWrite();
        WriteCounts total = WriteCounts.NONE;
        for (String statement : statements) {
            total = total.plus(timed(name, () -> driverCall(() -> {
                try (Session session = session()) {
                    return session.executeWrite(tx -> WriteCounts.of(tx.run(statement).consume().counters()),
                            Deadline.transactionConfig());
                }
            })));
        }
        tellListeners(change);
        return total;
    }

    private void tellListeners(GraphChange change) {
        writeListeners.forEach(listener -> listener.afterWrite(change));
    }

    /** Runs a read statement and maps each record; used by the read classes of this package. */
    <T> List<T> read(String name, Map<String, Object> parameters, Function<Record, T> mapper) {
        String text = catalogue.text(name);
        return timed(name, () -> driverCall(() -> {
            try (Session session = session()) {
                return session.executeRead(tx -> tx.run(text, parameters).list(mapper::apply),
                        Deadline.transactionConfig());
            }
        }));
    }

    /** Runs a read statement that returns one row with one number (a count, a sum). */
    public long readLong(String name, Map<String, Object> parameters) {
        List<Long> values = read(name, parameters, record -> record.get(0).asLong(0));
        return values.isEmpty() ? 0 : values.get(0);
    }

    /** Runs a read statement and returns its rows, each read by column with the type the statement promises. */
    public List<Row> rows(String name, Map<String, Object> parameters) {
        return read(name, parameters, record -> row(name, record));
    }

    /**
     * Runs a read statement and returns its rows as plain maps, for tests that compare whole rows. The product's
     * own code reads {@link #rows}: typed columns, no casts (ArchitectureTest keeps it so).
     */
    public List<Map<String, Object>> readRows(String name, Map<String, Object> parameters) {
        return read(name, parameters, Record::asMap);
    }

    private static Row row(String name, Record record) {
        return new Row(name, record.asMap());
    }

    /**
     * Runs a read statement once, without the driver's retries: for checks that must answer at once whatever the
     * configured retry time ({@code spring.neo4j.max-transaction-retry-time}), such as the health check that tells
     * an orchestrator to route elsewhere. A database that does not answer fails it straight away.
     */
    public List<Row> rowsOnce(String name, Map<String, Object> parameters) {
        String text = catalogue.text(name);
        return timed(name, () -> driverCall(() -> {
            try (Session session = driver.session(SessionConfig.builder()
                    .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
                return session.run(text, parameters, Deadline.transactionConfig()).list(record -> row(name, record));
            }
        }));
    }

    /**
     * The database state this process has seen, as opaque bookmarks: a client that hands them to another instance
     * (see {@link #readLongAfter}) reads there at least what this instance had written.
     */
    public Set<String> bookmarks() {
        Set<String> values = new TreeSet<>();
        for (Bookmark bookmark : driver.executableQueryBookmarkManager().getBookmarks()) {
            values.add(bookmark.value());
        }
        return values;
    }

    /**
     * Runs the read {@code name} only once the database holds every transaction {@code bookmarks} name (a cluster
     * member that lags behind waits until it has caught up), and from then on starts every session of this process
     * at least there. The statement must return one number.
     *
     * @throws IllegalArgumentException when a bookmark is not one this database issued (nothing else is changed)
     */
    public long readLongAfter(Collection<String> bookmarks, String name, Map<String, Object> parameters) {
        Set<Bookmark> given = new HashSet<>();
        for (String value : bookmarks) {
            given.add(Bookmark.from(value));
        }
        String text = catalogue.text(name);
        // Its own session, not the shared manager's: a bookmark the database refuses must not reach the sessions
        // of every other request.
        return driverCall(() -> {
            try (Session session = driver.session(SessionConfig.builder().withBookmarks(given)
                    .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
                long value;
                try (org.neo4j.driver.Transaction tx = session.beginTransaction(Deadline.transactionConfig())) {
                    value = timed(name, () -> tx.run(text, parameters).single().get(0).asLong(0));
                    tx.commit();
                }
                driver.executableQueryBookmarkManager().updateBookmarks(Set.of(), session.lastBookmarks());
                return value;
            } catch (org.neo4j.driver.exceptions.ClientException e) {
                if (timedOut(e)) {
                    throw timeout(e);
                }
                throw new IllegalArgumentException("not a bookmark of this database (" + e.getMessage() + ")", e);
            }
        });
    }

    /** Checks that the database answers; throws {@link GraphUnavailableException} with the reason if not. */
    public void verifyConnectivity(String where) {
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            throw new GraphUnavailableException("cannot reach Neo4j at " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a call to the driver and turns its failures into this package's: an outage (the driver already retried
     * for its configured time) into {@link GraphUnavailableException}, a broken uniqueness constraint into
     * {@link ConstraintViolationException}, a transaction stopped at its {@link Deadline} into
     * {@link RequestTimedOutException}.
     */
    private static <T> T driverCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        } catch (org.neo4j.driver.exceptions.Neo4jException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                throw new ConstraintViolationException(e.getMessage(), e);
            }
            if (timedOut(e)) {
                throw timeout(e);
            }
            if (refusedForItsValues(String.valueOf(e.code()))) {
                throw new DatabaseRefusedException(e.code() + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** Codes that blame the values a statement was given, not the statement (a syntax error stays a bug). */
    private static boolean refusedForItsValues(String code) {
        return code.startsWith("Neo.ClientError.Schema.") || code.equals("Neo.ClientError.Statement.ArgumentError")
                || code.equals("Neo.ClientError.Statement.TypeError")
                || code.equals("Neo.ClientError.Statement.ArithmeticError");
    }

    private static boolean timedOut(org.neo4j.driver.exceptions.Neo4jException e) {
        String code = String.valueOf(e.code());
        return Deadline.THREAD_LOCAL.get() != null && (code.contains("TransactionTimedOut")
                || code.equals("Neo.ClientError.Transaction.Terminated")
                || code.equals("Neo.TransientError.Transaction.Terminated")
                || code.endsWith(".Transaction.LockClientStopped"));
    }

    private static RequestTimedOutException timeout(RuntimeException e) {
        return new RequestTimedOutException("the database work ran past the request's time budget", e);
    }

    /** The driver already retried for its configured time; what is left is an outage, not a bug. */
    private static GraphUnavailableException unavailable(RuntimeException e) {
        return new GraphUnavailableException("Neo4j is unavailable: " + e.getMessage(), e);
    }

    private Session session() {
        return driver.session(SessionConfig.builder()
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build());
    }

    /**
     * Runs one statement, timed per Cypher file and counted while it runs. Driver 6 publishes no connection-pool
     * figures; every running statement holds one pooled connection, so {@code custograph.neo4j.statements.active}
     * is how much of the pool ({@code spring.neo4j.pool.max-connection-pool-size}, 100 by default) is in use.
     */
    private <T> T timed(String name, java.util.function.Supplier<T> work) {
        active.incrementAndGet();
        try {
            return timer(name).record(work);
        } finally {
            active.decrementAndGet();
        }
    }

    private Timer timer(String name) {
        return Timer.builder("custograph.cypher").tag("file", name)
                .description("Time spent running one Cypher file of the catalogue").register(meters);
    }

    /** What a write changed, from the server's own counters. */
    public record WriteCounts(long nodesCreated, long nodesDeleted, long relationshipsCreated,
                              long relationshipsDeleted, long propertiesSet) {

        public static final WriteCounts NONE = new WriteCounts(0, 0, 0, 0, 0);

        static WriteCounts of(SummaryCounters c) {
            return new WriteCounts(c.nodesCreated(), c.nodesDeleted(), c.relationshipsCreated(),
                    c.relationshipsDeleted(), c.propertiesSet());
        }

        public WriteCounts plus(WriteCounts o) {
            return new WriteCounts(nodesCreated + o.nodesCreated, nodesDeleted + o.nodesDeleted,
                    relationshipsCreated + o.relationshipsCreated, relationshipsDeleted + o.relationshipsDeleted,
                    propertiesSet + o.propertiesSet);
        }
    }
}
