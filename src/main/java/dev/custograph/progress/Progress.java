package dev.custograph.progress;

import java.time.Duration;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long task on stderr, measured in units whose total is known in advance (bytes of input for an
 * import, nodes and relationships for a backup), so there is an ETA, with items per second beside it. On a terminal
 * it is a progress bar; in a log (CI, a pipe) a line every five seconds.
 */
public final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final long totalBytes;
    private final String items;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long lastLog = started;

    /** Progress in bytes (shown in MiB), with rows per second. */
    public static Progress ofBytes(String task, long totalBytes) {
        return new Progress(task, totalBytes, " MiB", 1 << 20, "rows");
    }

    /** Progress in items, counted by their own total. */
    public static Progress ofItems(String task, long total, String items) {
        return new Progress(task, total, "", 1, items);
    }

    private Progress(String task, long totalBytes, String unit, long unitSize, String items) {
        this.totalBytes = Math.max(1, totalBytes);
        this.items = items;
        this.bar = System.console() == null ? null : new ProgressBarBuilder()
                .setTaskName(task).setInitialMax(this.totalBytes).setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed().build();
    }

    /** {@code bytesRead} of the total done, and {@code rows} items handled so far. */
    public void update(long bytesRead, long rows) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        long rowsPerSecond = Math.round(rows / seconds);
        if (bar != null) {
            bar.stepTo(Math.min(bytesRead, totalBytes));
            bar.setExtraMessage(String.format(" %,d %s, %,d %s/s", rows, items, rowsPerSecond, items));
        } else if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
            lastLog = System.nanoTime();
            double done = Math.min(1.0, (double) bytesRead / totalBytes);
            long eta = done > 0 ? Math.round(seconds / done - seconds) : -1;
            log.info("{} {} ({}%), {} {}/s, about {} s left", String.format("%,d", rows), items,
                    Math.round(done * 100), String.format("%,d", rowsPerSecond), items, eta);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
