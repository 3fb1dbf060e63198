package dev.custograph.recommend;

import java.util.ArrayList;
import java.util.List;

/** Runs one worker on several threads at once and waits for them all (the workers share their work themselves). */
final class Workers {

    private Workers() {
    }

    /** Starts {@code threads} (at least one) threads named {@code name-N} running {@code worker}, and joins them. */
    static void run(int threads, String name, Runnable worker) {
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            Thread thread = new Thread(worker, name + "-" + t);
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the " + name + " threads", e);
            }
        }
    }
}
