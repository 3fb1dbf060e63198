package dev.custograph.graph;

import java.nio.file.Path;

/**
 * Something to write into the embedded store before the database starts, while nothing else can be writing it (the
 * demo data set of {@code serve --demo}, written in bulk into an empty store). {@link GraphConfiguration} calls it
 * once, just before starting the embedded database.
 */
@FunctionalInterface
public interface EmbeddedStoreSeed {

    void seed(Path dataDir);
}
