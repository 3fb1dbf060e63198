package dev.custograph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.custograph.graph.CypherCatalogue;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.graph.SchemaMigrator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * What Cypher planning costs a new database: every statement of the catalogue (schema files aside) is EXPLAINed on a
 * fresh embedded store with the product's schema, once per round, each round on a new store in the same JVM. Round 1
 * is what a batch command pays (cold JVM, cold planner); later rounds what each test class or new database pays in
 * a warm JVM. Prints each round's total and its ten most expensive statements.
 * Usage: bench/planning.sh [rounds] (default 4).
 */
public final class PlanningCostBenchmark {

    private record Planned(String name, long millis) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        CypherCatalogue catalogue = CypherCatalogue.load();
        List<String> names = new ArrayList<>();
        for (String folder : List.of("analytics/", "care/", "churn/", "customers/", "identity/", "ingest/", "orders/",
                "read/", "recommend/", "rules/", "segment/", "similarity/")) {
            names.addAll(catalogue.namesUnder(folder));
        }
        for (int round = 1; round <= rounds; round++) {
            Path dir = Files.createTempDirectory("custograph-planning-bench");
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dir.resolve("data"), 0,
                    EmbeddedNeo4j.Settings.NO_HTTP));
                 Driver driver = GraphDatabase.driver(neo4j.boltUri(), neo4j.authToken())) {
                new SchemaMigrator(new Graph(driver, catalogue, new SimpleMeterRegistry())).migrate();
                List<Planned> planned = new ArrayList<>();
                try (Session session = driver.session()) {
                    for (String name : names) {
                        long started = System.nanoTime();
                        for (String statement : catalogue.statements(name)) {
                            session.run("EXPLAIN " + statement).consume();
                        }
                        planned.add(new Planned(name, (System.nanoTime() - started) / 1_000_000));
                    }
                }
                planned.sort(Comparator.comparingLong(Planned::millis).reversed());
                System.out.printf("round %d: %d statement files planned in %,d ms%n", round, planned.size(),
                        planned.stream().mapToLong(Planned::millis).sum());
                planned.stream().limit(10).forEach(p -> System.out.printf("  %6d ms  %s%n", p.millis(), p.name()));
            }
        }
    }
}
