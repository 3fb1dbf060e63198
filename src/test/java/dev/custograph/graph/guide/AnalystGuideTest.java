package dev.custograph.graph.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The analysts' guide shows every saved query of cypher/browser, with the parameters it needs. */
class AnalystGuideTest {

    @Test
    void everySavedQueryIsASlideWithItsStatementAndParameters() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("cypher", "browser"))) {
            files = list.map(p -> p.getFileName().toString().replace(".cypher", "")).sorted().toList();
        }
        List<AnalystGuide.SavedQuery> queries = AnalystGuide.savedQueries();
        assertThat(queries).extracting(AnalystGuide.SavedQuery::name).containsExactlyElementsOf(files);

        AnalystGuide.SavedQuery atRisk = queries.stream().filter(q -> q.name().equals("at-risk-customers"))
                .findFirst().orElseThrow();
        assertThat(atRisk.params()).containsExactly(":param minProbability => 0.3");
        assertThat(atRisk.statement()).startsWith("MATCH (c:Customer)").contains("$minProbability")
                .doesNotContain("//");
        AnalystGuide.SavedQuery actions = queries.stream().filter(q -> q.name().equals("next-best-actions"))
                .findFirst().orElseThrow();
        assertThat(actions.params()).containsExactly(":param action => 'WIN_BACK'");

        String html = AnalystGuide.html();
        assertThat(html).startsWith("<article class=\"guide\">").contains("<h3>At risk customers</h3>")
                .contains("<pre class=\"pre-scrollable code runnable\">:param minProbability =&gt; 0.3</pre>");
        assertThat(html.split("<slide ", -1)).hasSize(files.size() + 2);
    }
}
