package dev.custograph.ingest;

import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long import on stderr, measured in bytes of input read (known in advance from the file sizes, so
 * there is an ETA) with rows per second beside it. On a terminal it is a progress bar; in a log (CI, a pipe) a
 * line every five seconds.
 */
final class ImportProgress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);

    private final long totalBytes;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long lastLog = started;

    ImportProgress(String task, long totalBytes) {
        this.totalBytes = Math.max(1, totalBytes);
        this.bar = System.console() == null ? null : new ProgressBarBuilder()
                .setTaskName(task).setInitialMax(this.totalBytes).setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed().build();
    }

    void update(long bytesRead, long rows) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long rowsPerSecond = Math.round(rows / seconds);
        if (bar != null) {
            bar.stepTo(Math.min(bytesRead, totalBytes));
            bar.setExtraMessage(String.format(" %,d rows, %,d rows/s", rows, rowsPerSecond));
        } else if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
            lastLog = System.nanoTime();
            double done = Math.min(1.0, (double) bytesRead / totalBytes);
            long eta = done > 0 ? Math.round(seconds / done - seconds) : -1;
            log.info("{} rows ({}%), {} rows/s, about {} s left", String.format("%,d", rows),
                    Math.round(done * 100), String.format("%,d", rowsPerSecond), eta);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
