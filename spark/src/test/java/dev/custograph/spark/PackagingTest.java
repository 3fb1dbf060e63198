package dev.custograph.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How the two artifacts are made: Spark stays out of the product's jar, the job's jar carries what a Spark cluster
 * lacks, and the Java 17 options Spark needs are written once (spark/java17-options), used by the tests (the pom's
 * argLine) and by the README's spark-submit command.
 */
class PackagingTest {

    static final Path OPTIONS = Path.of("spark", "java17-options");

    @Test
    void theTestsRunWithTheDocumentedJavaOptions() throws IOException {
        List<String> documented = Arrays.asList(Files.readString(OPTIONS).strip().split("\\s+"));
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("--add-opens")).toList();

        assertThat(documented).isNotEmpty().allSatisfy(option -> assertThat(option).startsWith("--add-opens="));
        assertThat(running).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void theReadmesSparkSubmitCommandReadsThem() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains("spark-submit").contains("$(cat spark/java17-options)")
                .contains("target/custograph-spark.jar");
    }

    @Test
    void sparkStaysOutOfTheProductsJar() throws IOException {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile("target/custograph.jar")) {
            List<String> entries = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            // (Neo4j's own Cypher runtime brings the Scala library: that one belongs to the product.)
            assertThat(entries).anyMatch(name -> name.startsWith("BOOT-INF/lib/neo4j-5.26"))
                    .noneMatch(name -> name.startsWith("BOOT-INF/lib/spark-")
                            || name.startsWith("BOOT-INF/lib/neo4j-connector-apache-spark")
                            || name.startsWith("BOOT-INF/classes/dev/custograph/spark/"));
        }
    }

    @Test
    void theJobsJarCarriesTheConnectorAndTheModelsButNotSpark() throws IOException {
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile("target/custograph-spark.jar")) {
            List<String> entries = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(entries).contains("dev/custograph/spark/SparkAnalytics.class",
                    "dev/custograph/analytics/BgNbd.class", "org/neo4j/spark/DataSource.class",
                    "cypher/spark/write-customer-values.cypher", "cypher/analytics/record-run.cypher");
            assertThat(entries).noneMatch(name -> name.startsWith("org/apache/spark/") || name.startsWith("scala/")
                    || name.startsWith("dev/custograph/graph/") || name.startsWith("org/springframework/"));
        }
    }
}
