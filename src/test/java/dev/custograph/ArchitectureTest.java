package dev.custograph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.custograph.graph.Graph;
import org.junit.jupiter.api.Test;

/** The layer rules of ARCHITECTURE.md, checked on the compiled main classes. */
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

    @Test
    void theGraphPackageKnowsNothingOfTheLayersAboveIt() {
        noClasses().that().resideInAPackage("dev.custograph.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custograph.api..", "dev.custograph.ingest..",
                        "dev.custograph.cli..", "dev.custograph.identity..", "dev.custograph.analytics..")
                .check(MAIN);
    }

    @Test
    void analyticsKnowsNothingOfTheApiImportOrCommands() {
        noClasses().that().resideInAPackage("dev.custograph.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custograph.api..", "dev.custograph.ingest..",
                        "dev.custograph.cli..", "org.springframework..")
                .check(MAIN);
    }

    @Test
    void identityResolutionIsAServiceBelowImportAndApi() {
        noClasses().that().resideInAPackage("dev.custograph.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custograph.api..", "dev.custograph.ingest..",
                        "dev.custograph.cli..")
                .check(MAIN);
    }

    @Test
    void theModelIsPlainRecords() {
        noClasses().that().resideInAPackage("dev.custograph.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custograph.graph..", "dev.custograph.api..",
                        "dev.custograph.ingest..", "org.springframework..")
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
    void theApiDoesNotImportOrRunCommands() {
        noClasses().that().resideInAPackage("dev.custograph.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.custograph.ingest..", "dev.custograph.cli..")
                .check(MAIN);
    }
}
