package dev.custograph.graph.guide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The analysts' start guide for Neo4j Browser: a slide on the customer graph, then one slide per saved query in
 * {@code cypher/browser/}, its comment as the text and its statement (and the {@code :param} it needs) as code to
 * run with a click. Built from the same files the docs point to, so the guide cannot drift from them. In the format
 * Browser's {@code :play} reads (an {@code article.guide} of {@code slide}s).
 */
public final class AnalystGuide {

    private static final Pattern PARAM = Pattern.compile(":param (\\w+) => ('[^']*'|[\\w.\\-]+)");

    /** One saved query: its file name, what its comment says, the parameters it needs, the statement. */
    record SavedQuery(String name, List<String> comment, List<String> params, String statement) {
    }

    private AnalystGuide() {
    }

    /** The guide as HTML. */
    public static String html() {
        StringBuilder out = new StringBuilder();
        out.append("<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n");
        slide(out, "Custograph: the customer graph", """
                <p>Customers, their orders and the products on them, as Custograph keeps them:</p>
                <pre>(:Customer)-[:PLACED]-&gt;(:Order)-[:CONTAINS {quantity, unitPrice, discount}]-&gt;(:Product)
                (:Product)-[:IN_CATEGORY]-&gt;(:Category)   (:Customer)-[:IN_SEGMENT]-&gt;(:Segment {current: true})
                (:Product)-[:BOUGHT_WITH {support, confidence, lift}]-&gt;(:Product)   (:Customer)-[:SIMILAR {score}]-&gt;(:Customer)</pre>
                <p>The runs write their figures onto the customers: <code>analyze</code> RFM, CLV and P(alive);
                <code>churn</code> churnProbability; <code>segment</code> the segments; <code>actions</code> each
                customer's nextAction with its reasons. Every run is an <code>(:AnalyticsRun)</code>.</p>
                <p>The next slides are the saved queries of <code>cypher/browser/</code>. Click a query to put it in
                the editor; a query with parameters comes with its <code>:param</code> line, to run first.</p>
                <pre class="pre-scrollable code runnable">CALL db.schema.visualization()</pre>
                """);
        for (SavedQuery q : savedQueries()) {
            StringBuilder body = new StringBuilder();
            body.append("<p>").append(escape(String.join(" ", q.comment()))).append("</p>\n");
            for (String param : q.params()) {
                body.append("<pre class=\"pre-scrollable code runnable\">").append(escape(param)).append("</pre>\n");
            }
            body.append("<pre class=\"pre-scrollable code runnable\">").append(escape(q.statement()))
                    .append("</pre>\n");
            body.append("<p><small>cypher/browser/").append(escape(q.name())).append(".cypher</small></p>\n");
            slide(out, title(q.name()), body.toString());
        }
        out.append("</carousel>\n</article>\n");
        return out.toString();
    }

    /** The saved queries, by file name. */
    static List<SavedQuery> savedQueries() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(AnalystGuide.class.getClassLoader())
                    .getResources("classpath*:cypher/browser/*.cypher");
            List<SavedQuery> queries = new ArrayList<>();
            for (Resource file : Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (InputStream in = file.getInputStream()) {
                    queries.add(parse(file.getFilename().replace(".cypher", ""),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved queries", e);
        }
    }

    static SavedQuery parse(String name, String text) {
        List<String> comment = new ArrayList<>();
        List<String> params = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("//") && statement.isEmpty()) {
                String words = stripped.substring(2).strip();
                Matcher m = PARAM.matcher(words);
                while (m.find()) {
                    params.add(":param " + m.group(1) + " => " + m.group(2));
                }
                if (!words.startsWith(":param") && !words.startsWith("Index:")) {
                    comment.add(words);
                }
            } else if (!stripped.isEmpty() || !statement.isEmpty()) {
                statement.append(line).append('\n');
            }
        }
        return new SavedQuery(name, comment, params.stream().distinct().toList(), statement.toString().strip());
    }

    private static void slide(StringBuilder out, String title, String body) {
        out.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>").append(escape(title))
                .append("</h3>\n").append(body).append("</div>\n</slide>\n");
    }

    /** "at-risk-customers" as "At risk customers". */
    static String title(String name) {
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
