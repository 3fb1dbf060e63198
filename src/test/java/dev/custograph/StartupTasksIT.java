package dev.custograph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import dev.custograph.ingest.DemoDataGenerator;
import dev.custograph.ingest.Importer;
import dev.custograph.model.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo} loads the demo data set once, resumes an interrupted load, and leaves other data alone. */
class StartupTasksIT {

    @TempDir
    Path temp;

    static Dataset demo;

    @BeforeAll
    static void generate() {
        // Batch commands time their Cypher in the global registry; give it a real one so the counts are kept.
        io.micrometer.core.instrument.Metrics.addRegistry(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        demo = new DemoDataGenerator(DemoDataGenerator.Spec.demo()).generate();
    }

    @Test
    void theDemoIsLoadedAndAnalysedOnFirstStartAndNotAgainOnTheSecond() {
        Path dataDir = temp.resolve("data");
        GraphCounts afterFirst;
        // As serve does on a new store: the demo is written in bulk before the database starts, then finished.
        StartupTasks.seedDemo(dataDir);
        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            new StartupTasks(db.graph(), true, true, "embedded", null, () -> new dev.custograph.jobs.AnalyticsRefresh(db.graph())).afterSingletonsInstantiated();
            afterFirst = GraphCounts.of(db.graph());
        }
        assertThat(afterFirst.label("Customer")).isEqualTo(demo.customers().size());
        assertThat(afterFirst.label("Order")).isEqualTo(demo.orders().size());
        assertThat(afterFirst.label("Product")).isEqualTo(demo.products().size());
        assertThat(afterFirst.type("CONTAINS")).isEqualTo(demo.lines().size());
        assertThat(afterFirst.revenue()).isCloseTo(demo.lines().stream().mapToDouble(l -> l.amount()).sum(),
                org.assertj.core.data.Offset.offset(0.01));
        // Analysed once, so the dashboard has data: one run each of value, segments, churn, rules, similarity and
        // next best actions.
        assertThat(afterFirst.label("AnalyticsRun")).as("analysed once, so the dashboard has data").isEqualTo(6);
        assertThat(afterFirst.label("Segment")).isPositive();
        assertThat(afterFirst.type("BOUGHT_WITH")).isPositive();
        assertThat(afterFirst.type("SIMILAR")).isPositive();

        try (GraphConnection db = GraphConnection.open(dataDir, null, null, null)) {
            long writesBefore = writes();
            assertThat(writesBefore).as("the first start's writes were counted").isPositive();
            new StartupTasks(db.graph(), true, true, "embedded", null, () -> new dev.custograph.jobs.AnalyticsRefresh(db.graph())).afterSingletonsInstantiated();
            assertThat(writes()).as("no write on the second start").isEqualTo(writesBefore);
            assertThat(GraphCounts.of(db.graph())).isEqualTo(afterFirst);
        }
    }

    @Test
    void anInterruptedDemoLoadIsCompletedOnTheNextStart() {
        try (GraphConnection db = GraphConnection.open(temp.resolve("data"), null, null, null)) {
            // As if the process died after the first thousand orders.
            db.graph().write("meta/demo-mark", Map.of("status", "loading", "seed", 1L));
            new Importer(db.graph()).load("demo", new Dataset(demo.categories(), demo.products(), demo.customers(),
                    demo.orders().subList(0, 1000), demo.lines()));

            new StartupTasks(db.graph(), true, false, "embedded", null, () -> new dev.custograph.jobs.AnalyticsRefresh(db.graph())).afterSingletonsInstantiated();

            assertThat(GraphCounts.of(db.graph()).label("Order")).isEqualTo(demo.orders().size());
            assertThat(db.graph().readRows("meta/demo-status", Map.of()))
                    .extracting(row -> row.get("status")).containsExactly("complete");
        }
    }

    @Test
    void aDatabaseThatAlreadyHoldsOtherDataIsLeftAlone() {
        try (GraphConnection db = GraphConnection.open(temp.resolve("data"), null, null, null)) {
            new Importer(db.graph()).run("northwind", List.of(TestData.northwind()));
            new StartupTasks(db.graph(), true, false, "embedded", null, () -> new dev.custograph.jobs.AnalyticsRefresh(db.graph())).afterSingletonsInstantiated();
            assertThat(GraphCounts.of(db.graph()).label("Customer")).isEqualTo(91);
        }
    }

    private static long writes() {
        return io.micrometer.core.instrument.Metrics.globalRegistry.find("custograph.cypher").timers().stream()
                .filter(t -> t.getId().getTag("file").startsWith("ingest/")
                        || t.getId().getTag("file").startsWith("meta/demo-mark")
                        || t.getId().getTag("file").equals("analytics/start-run")
                        || t.getId().getTag("file").startsWith("segment/"))
                .mapToLong(t -> t.count()).sum();
    }
}
