package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class CypherCatalogueTest {

    private final CypherCatalogue catalogue = CypherCatalogue.load();

    @Test
    void everyFileOpensWithACommentForTheAnalystWhoReadsIt() {
        assertThat(catalogue.namesUnder("")).isNotEmpty().allSatisfy(name ->
                assertThat(catalogue.text(name)).as("cypher/%s.cypher", name).startsWith("//"));
    }

    @Test
    void everyNonSchemaFileTakesItsValuesAsParameters() {
        // Statements that filter or write by value must use $parameters; a literal id in a query is a smell. A read
        // that takes nothing (the whole RFM distribution, revenue by month) says so: "Parameters: none."
        assertThat(catalogue.namesUnder("read/")).allSatisfy(name -> {
            String text = catalogue.text(name);
            if (!text.contains("// Parameters: none.")) {
                assertThat(text).as(name).contains("$");
            }
        });
        assertThat(catalogue.namesUnder("ingest/merge-")).isNotEmpty().allSatisfy(name ->
                assertThat(catalogue.text(name)).as(name).contains("UNWIND $rows"));
    }

    @Test
    void splitsAMultiStatementFileOnSemicolonsAtLineEnds() {
        assertThat(catalogue.statements("schema/V001__business_keys")).hasSize(5)
                .allSatisfy(s -> assertThat(s).startsWith("CREATE CONSTRAINT").doesNotEndWith(";"));
    }

    @Test
    void anUnknownNameIsAnErrorThatNamesTheFile() {
        assertThatThrownBy(() -> catalogue.text("read/nothing-here")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no Cypher file cypher/read/nothing-here.cypher");
    }
}
