package dev.custograph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.custograph.graph.Graph;
import org.junit.jupiter.api.Test;

/** The layer rules of ARCHITECTURE.md and CONTRIBUTING.md, checked on the compiled main classes. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.custograph");

    @Test
    void onlyTheGraphPackageTalksToNeo4j() {
        noClasses().that().resideOutsideOfPackage("dev.custograph.graph..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j..")
                .because("only graph/ touches the driver or the embedded database")
                .check(MAIN);
    }

    @Test
    void capabilitiesReadTypedRowsNotRawMaps() {
        noClasses().that().resideOutsideOfPackage("dev.custograph.graph..")
                .should().callMethod(Graph.class, "readRows", String.class, Map.class)
                .because("rows read from Neo4j are typed at the graph boundary (graph.Row): no casts in capabilities")
                .check(MAIN);
    }

    /**
     * Every package in one picture, top to bottom: the entry points (the command line with the Spring application,
     * the GraphQL API, the static web pages, monitoring, the event stream), background jobs, the capabilities, the services they
     * share, the graph, and plain foundations. Each layer names who may use it; a dependency the picture does not
     * allow fails here, so a new package must be placed in it.
     */
    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy("dev.custograph", "dev.custograph.cli..")
                .layer("Api").definedBy("dev.custograph.api..")
                .layer("Web").definedBy("dev.custograph.web..")
                .layer("Monitoring").definedBy("dev.custograph.monitoring..")
                .layer("Streaming").definedBy("dev.custograph.streaming..")
                .layer("Jobs").definedBy("dev.custograph.jobs..")
                .layer("Actions").definedBy("dev.custograph.actions..")
                .layer("Analytics").definedBy("dev.custograph.analytics..")
                .layer("Recommend").definedBy("dev.custograph.recommend..")
                .layer("Care").definedBy("dev.custograph.care..")
                .layer("Customers").definedBy("dev.custograph.customers..")
                .layer("Orders").definedBy("dev.custograph.orders..")
                .layer("Backup").definedBy("dev.custograph.backup..")
                .layer("Import").definedBy("dev.custograph.ingest..")
                .layer("Identity").definedBy("dev.custograph.identity..")
                .layer("Audit").definedBy("dev.custograph.audit..")
                .layer("Security").definedBy("dev.custograph.security..")
                .layer("Graph").definedBy("dev.custograph.graph..")
                .layer("Model").definedBy("dev.custograph.model..")
                .layer("Files").definedBy("dev.custograph.files..")
                .layer("Progress").definedBy("dev.custograph.progress..")

                .whereLayer("Api").mayNotBeAccessedByAnyLayer()
                .whereLayer("Web").mayNotBeAccessedByAnyLayer()
                .whereLayer("Monitoring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Streaming").mayNotBeAccessedByAnyLayer()
                .whereLayer("Jobs").mayOnlyBeAccessedByLayers("Application", "Api", "Monitoring")
                // Next best actions weigh every model's figures and the recommendations together: a layer above both.
                .whereLayer("Actions").mayOnlyBeAccessedByLayers("Application", "Api", "Jobs")
                .whereLayer("Analytics").mayOnlyBeAccessedByLayers("Application", "Api", "Monitoring", "Jobs", "Actions")
                .whereLayer("Recommend").mayOnlyBeAccessedByLayers("Application", "Api", "Jobs", "Actions")
                .whereLayer("Care").mayOnlyBeAccessedByLayers("Application", "Api", "Jobs")
                .whereLayer("Customers").mayOnlyBeAccessedByLayers("Application", "Api")
                .whereLayer("Orders").mayOnlyBeAccessedByLayers("Application", "Api", "Streaming")
                .whereLayer("Backup").mayOnlyBeAccessedByLayers("Application")
                // Import's standardising is shared with a profile change through the API (customers).
                // A stream's customer event is read as an imported profile line is.
                .whereLayer("Import").mayOnlyBeAccessedByLayers("Application", "Customers", "Streaming")
                .whereLayer("Identity").mayOnlyBeAccessedByLayers("Application", "Api", "Import", "Streaming")
                .whereLayer("Audit").mayOnlyBeAccessedByLayers("Api", "Monitoring", "Customers")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Api", "Web")
                .whereLayer("Graph").mayOnlyBeAccessedByLayers("Application", "Api", "Monitoring", "Streaming", "Jobs",
                        "Actions", "Analytics", "Recommend", "Care", "Customers", "Orders", "Backup", "Import", "Identity",
                        "Audit")

                .whereLayer("Security").mayNotAccessAnyLayer()
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Files").mayNotAccessAnyLayer()
                .whereLayer("Progress").mayNotAccessAnyLayer()
                .whereLayer("Graph").mayOnlyAccessLayers("Model", "Files")
                .check(MAIN);
    }

    @Test
    void theCapabilitiesDoNotUseEachOther() {
        // Each is a whole capability over the graph; what two share lives below them (identity, audit, import's
        // standardising) or above them (jobs run several).
        slices().matching("dev.custograph.(analytics|recommend|care|customers|orders|backup)..")
                .should().notDependOnEachOther()
                .check(MAIN);
    }

    @Test
    void theModelIsPlainRecords() {
        noClasses().that().resideInAPackage("dev.custograph.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
                .check(MAIN);
    }

    @Test
    void analyticsRunsWithoutSpring() {
        // So the same models run from the command line, the API and a Spark driver alike.
        noClasses().that().resideInAPackage("dev.custograph.analytics..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(MAIN);
    }

    @Test
    void theApiNeverWrites() {
        // A mutation asks its capability (customers, orders, identity, jobs), which writes with its audit entry.
        noClasses().that().resideInAPackage("dev.custograph.api..")
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        HasName.Predicates.name(Graph.class.getName())))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "write.*|inWriteTransaction"))))
                .because("the API reads and asks capabilities to change things; it never writes to the graph itself")
                .check(MAIN);
    }

    @Test
    void theApiNeverBuildsAModel() {
        // A field that needs a model's figure asks analytics for it (ProbabilisticValue.expectedPurchases).
        noClasses().that().resideInAPackage("dev.custograph.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.custograph.analytics.BgNbd")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.custograph.analytics.GammaGamma")
                .check(MAIN);
    }

    @Test
    void commandsPrintJsonOnlyThroughJsonOutput() {
        // One place decides what --json prints (one document, one line, on stdout), for every command alike.
        noClasses().that().resideInAPackage("dev.custograph.cli..").and().doNotHaveSimpleName("JsonOutput")
                .should().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                        "writeValueAsString|writeValueAsBytes|writeValue")))
                .check(MAIN);
    }

    @Test
    void capabilitiesSayWhatTheirWritesChange() {
        // A write that announces nothing makes every cache drop everything: fine for an import, not for a
        // capability whose writes the API's caches can follow precisely (GraphChange).
        noClasses().that().resideInAnyPackage("dev.custograph.analytics..", "dev.custograph.recommend..",
                        "dev.custograph.orders..", "dev.custograph.customers..", "dev.custograph.actions..")
                .should().callMethod(Graph.class, "write", String.class, Map.class)
                .orShould().callMethod(Graph.class, "writeReturningLong", String.class, Map.class)
                .orShould().callMethod(Graph.Tx.class, "write", String.class, Map.class)
                .orShould().callConstructor(Graph.Statement.class, String.class, Map.class)
                .check(MAIN);
    }
}
