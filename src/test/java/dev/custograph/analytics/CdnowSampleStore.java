package dev.custograph.analytics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.custograph.graph.EmbeddedGraphTest;
import dev.custograph.graph.GraphConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For test classes that run on the CDNOW sample through the graph: an embedded store of their own, opened and
 * loaded with the sample once before the class ({@link CdnowSample#importInto}), closed after it. The raw rows are in
 * {@link #purchases}, for the expectations the tests compute themselves.
 */
@EmbeddedGraphTest
public abstract class CdnowSampleStore {

    @TempDir
    protected static Path temp;
    protected static GraphConnection db;
    protected static List<CdnowSample.Purchase> purchases;

    @BeforeAll
    static void openAndImportTheSample(GraphConnection store) throws IOException {
        db = store;
        purchases = CdnowSample.importInto(db, temp);
    }
}
