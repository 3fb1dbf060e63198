package dev.custograph.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import dev.custograph.graph.ConstraintViolationException;
import dev.custograph.graph.DatabaseRefusedException;
import dev.custograph.model.ValueRules;
import dev.custograph.progress.Progress;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;


/**
 * The import pipeline for line-oriented formats: parse, standardise, validate, write in batches, report. Memory is
 * bounded by the batch size and the number of distinct orders, never by the number of rows.
 *
 * <p>Two passes over the input. The first only reads: if any file is structurally unreadable (truncated gzip,
 * broken quoting, bytes that are not UTF-8, a missing column), the import stops before writing anything. The
 * second validates each row: a valid row joins the current batch, an invalid one goes to the rejects file and is
 * counted by reason. A batch is written in one transaction and is cut only where the order id changes, so an
 * order whose rows are together in the file is written whole. Every write MERGEs on business keys (line ids
 * included), so re-running a finished or interrupted import changes nothing or completes it.
 */
final class LineImport<T extends SourceRow> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineImport.class);

    private final String format;
    private final Function<Standardiser, LineFormat<T>> formats;
    private final Function<List<T>, LoadCounts> writer;
    private final BiPredicate<T, T> together;
    private final Path rejectsPath;
    private final int batchSize;
    private final ValueRules.DateWindow dates;

    /**
     * {@code writer} writes one batch in one transaction; {@code together} says whether two consecutive rows must
     * stay in one batch (the lines of one order); {@code dates} is the window order dates must lie in.
     */
    LineImport(String format, Function<Standardiser, LineFormat<T>> formats, Function<List<T>, LoadCounts> writer,
               BiPredicate<T, T> together, Path rejectsPath, int batchSize, ValueRules.DateWindow dates) {
        this.format = format;
        this.formats = formats;
        this.writer = writer;
        this.together = together;
        this.rejectsPath = rejectsPath;
        this.batchSize = batchSize;
        this.dates = dates;
    }

    /** Rows imported and rejected in one file; rows refused at write time move from the first to the second. */
    private record FileCounts(AtomicLong imported, AtomicLong rejected) {
        FileCounts() {
            this(new AtomicLong(), new AtomicLong());
        }
    }

    /** The counts of a finished import and the anomalies flagged afterwards. */
    record Completed(LoadCounts loaded, long anomalies) {
    }

    /**
     * Imports {@code paths}; {@code complete} runs once all batches are written (given their counts) and returns
     * the final counts and the anomalies flagged; {@code path} names how batches are written, for the report.
     */
    ImportReport run(List<Path> paths, String path, Function<LoadCounts, Completed> complete) {
        long started = System.nanoTime();
        List<Path> files = expand(paths);
        // A transactional import commits batch by batch, so structural damage (bad quoting, not UTF-8, a truncated
        // file) must be found before the first commit: a whole first pass. The bulk path builds its store beside the
        // live one and moves it in only at the end, so damage found while writing leaves the graph as it was: it
        // reads once (half the reading time of a large file).
        boolean onePass = BulkImport.BULK.equals(path);
        if (!onePass) {
            checkStructure(files);
            log.info("Checked {} file(s) in {} s; importing", files.size(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        }

        Standardiser standardiser = new Standardiser(dates, java.time.LocalDate.now());
        LineFormat<T> reader = formats.apply(standardiser);
        Map<String, Long> rejectedByReason = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, FileCounts> perFile = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong bytesRead = new AtomicLong();
        long totalBytes = files.stream().mapToLong(LineImport::size).sum();
        long[] totalRows = {0};
        // Rows read, for the import rows/s a monitoring system derives (rate of custograph.import.rows).
        io.micrometer.core.instrument.Counter rowsRead = io.micrometer.core.instrument.Metrics.globalRegistry
                .counter("custograph.import.rows", "format", format);
        RejectsFile rejects = new RejectsFile(rejectsPath);
        try (rejects;
             Progress progress = Progress.ofBytes("Importing " + format, totalBytes);
             BatchPipeline<T> pipeline = new BatchPipeline<>(batch -> writeIsolating(batch, refused -> {
                 rejects.add(refused.problem());
                 rejectedByReason.merge(refused.problem().reason(), 1L, Long::sum);
                 FileCounts counts = perFile.get(refused.problem().file());
                 counts.imported().decrementAndGet();
                 counts.rejected().incrementAndGet();
             }))) {
            List<T> batch = new ArrayList<>(batchSize + 64);
            for (Path file : files) {
                String name = file.getFileName().toString();
                FileCounts counts = perFile.computeIfAbsent(name, n -> new FileCounts());
                LineFormat.Sink<T> sink = new LineFormat.Sink<T>() {
                    @Override
                    public void accept(T row) {
                        if (batch.size() >= batchSize && !together.test(batch.get(batch.size() - 1), row)) {
                            pipeline.submit(List.copyOf(batch));
                            batch.clear();
                        }
                        batch.add(row);
                        counts.imported().incrementAndGet();
                        rowsRead.increment();
                        progress.update(bytesRead.get(), ++totalRows[0]);
                    }

                    @Override
                    public void reject(RowProblem problem) {
                        rejects.add(problem);
                        rejectedByReason.merge(problem.reason(), 1L, Long::sum);
                        counts.rejected().incrementAndGet();
                        totalRows[0]++;
                    }
                };
                try {
                    reader.read(name, InputFile.open(file, bytesRead), sink);
                } catch (InputFile.NotUtf8Exception e) {
                    throw InputFile.exactly(file, e);
                }
            }
            if (!batch.isEmpty()) {
                pipeline.submit(List.copyOf(batch));
            }
            LoadCounts written = pipeline.finish();
            progress.update(totalBytes, totalRows[0]);
            log.info("Writing took {} s of the import", String.format("%.1f", pipeline.writeSeconds()));
            Completed completed = complete.apply(written);
            List<FileReport> reports = new ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                FileCounts counts = perFile.get(name);
                long imported = counts.imported().get();
                long rejected = counts.rejected().get();
                if (reports.stream().noneMatch(r -> r.file().equals(name))) {
                    reports.add(new FileReport(name, imported + rejected, imported, rejected, 0));
                }
            }
            return report(reports, path, new TreeMap<>(rejectedByReason), standardiser.counts(),
                    completed.loaded(), completed.anomalies(), rejects.writtenPath(), started);
        } catch (RuntimeException e) {
            if (onePass && rejects.writtenPath() != null) {
                // Nothing of a failed bulk import reached the graph: a list of its rejected rows would describe an
                // import that did not happen.
                try {
                    Files.deleteIfExists(rejects.writtenPath());
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** A row the database refused at write time, with the reason to report. */
    private record Refused(RowProblem problem) {
    }

    /**
     * Writes a batch; if the database refuses it (a value breaks a constraint or a rule of the database's that the
     * checks before did not foresee), writes each half of it, down to the one order whose rows are refused: they are
     * that order's rejects ({@code write_failed}, with the database's reason), and every other row is written. One
     * bad row never aborts an import, and no good row is lost with it.
     */
    private LoadCounts writeIsolating(List<T> batch, java.util.function.Consumer<Refused> onRefused) {
        try {
            return writer.apply(batch);
        } catch (DatabaseRefusedException | ConstraintViolationException refused) {
            List<List<T>> groups = groups(batch);
            if (groups.size() == 1) {
                String reason = refused.getMessage();
                log.warn("The database refused the rows of {} line {}: {}", batch.get(0).file(), batch.get(0).line(),
                        reason);
                for (T row : batch) {
                    onRefused.accept(new Refused(new RowProblem(row.file(), row.line(), null, null, "write_failed",
                            "the database refused it: " + reason)));
                }
                return LoadCounts.NONE;
            }
            int half = groups.size() / 2;
            return writeIsolating(flatten(groups.subList(0, half)), onRefused)
                    .plus(writeIsolating(flatten(groups.subList(half, groups.size())), onRefused));
        }
    }

    /** The batch cut where {@code together} allows it (between orders). */
    private List<List<T>> groups(List<T> batch) {
        List<List<T>> groups = new ArrayList<>();
        for (T row : batch) {
            if (groups.isEmpty() || !together.test(groups.get(groups.size() - 1).get(0), row)) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }

    private static <T> List<T> flatten(List<List<T>> groups) {
        List<T> rows = new ArrayList<>();
        groups.forEach(rows::addAll);
        return rows;
    }

    private ImportReport report(List<FileReport> files, String path, Map<String, Long> rejectedByReason,
                                Map<String, Long> standardised, LoadCounts loaded, long anomalies, Path rejects,
                                long started) {
        long read = files.stream().mapToLong(FileReport::rowsRead).sum();
        long imported = files.stream().mapToLong(FileReport::rowsImported).sum();
        long rejected = files.stream().mapToLong(FileReport::rowsRejected).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new ImportReport(format, path, files, read, imported, rejected, rejectedByReason, standardised,
                loaded.customersCreated(), loaded.customersMerged(), loaded.productsCreated(), loaded.ordersCreated(),
                loaded.total().nodesCreated(), loaded.total().relationshipsCreated(), anomalies,
                rejects == null ? null : rejects.toString(), seconds, Math.round(read / seconds));
    }

    /** Pass 1: reads every file through a fresh reader, writing nothing, to fail early on structural damage. */
    private void checkStructure(List<Path> files) {
        LineFormat<T> reader = formats.apply(new Standardiser(dates, java.time.LocalDate.now()));
        LineFormat.Sink<T> ignore = new LineFormat.Sink<>() {
            @Override
            public void accept(T row) {
            }

            @Override
            public void reject(RowProblem problem) {
            }
        };
        for (Path file : files) {
            Reader in = InputFile.open(file, new AtomicLong());
            try {
                reader.read(file.getFileName().toString(), in, ignore);
            } catch (InputFile.NotUtf8Exception e) {
                throw InputFile.exactly(file, e);
            }
        }
    }

    /** Directories stand for the data files in them, in name order; hidden files are skipped. */
    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !p.getFileName().toString().toLowerCase().endsWith(".md"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new ImportFailedException("input " + path + " does not exist");
            }
        }
        if (files.isEmpty()) {
            throw new ImportFailedException("no input files in " + paths);
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
