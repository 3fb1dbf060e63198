package dev.custograph.cli;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stop request (SIGTERM, Ctrl-C) ends the server within a bounded time, whatever it is doing. Spring stops
 * gracefully first (requests in flight may finish, the database is shut down cleanly); if that has not ended the
 * process after {@code limit}, it is halted: Neo4j recovers from its transaction log at the next start, exactly as
 * after a crash, and an orchestrator that waits 30 s before SIGKILL never has to use it.
 */
final class ShutdownDeadline {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDeadline.class);

    private ShutdownDeadline() {
    }

    static void install(Duration limit) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A daemon thread: it never holds the exit up, and halts only if the graceful stop overruns.
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(limit.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                log.error("The server did not stop within {} s of the stop request; halting it now",
                        limit.toSeconds());
                Runtime.getRuntime().halt(1);
            }, "custograph-shutdown-deadline");
            watchdog.setDaemon(true);
            watchdog.start();
        }, "custograph-shutdown-hook"));
    }
}
