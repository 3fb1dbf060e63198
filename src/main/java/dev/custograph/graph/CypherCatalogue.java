package dev.custograph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every Cypher statement the app runs, read once from the {@code cypher/} folder (packaged on the classpath by the
 * build) and looked up by its path without extension, e.g. {@code ingest/merge-customers}.
 *
 * <p>Keeping Cypher in files rather than Java strings lets an analyst open the exact query the app runs in Neo4j
 * Browser, and keeps every statement parameterised: nothing is ever concatenated into query text.
 */
public final class CypherCatalogue {

    private static final String ROOT = "cypher/";

    private final Map<String, String> statements;

    private CypherCatalogue(Map<String, String> statements) {
        this.statements = Collections.unmodifiableMap(statements);
    }

    /** Reads every {@code cypher/**}{@code /*.cypher} resource on the class path. */
    public static CypherCatalogue load() {
        Map<String, String> statements = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(CypherCatalogue.class.getClassLoader())
                    .getResources("classpath*:" + ROOT + "**/*.cypher");
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf(ROOT) + ROOT.length(), url.length() - ".cypher".length());
                try (InputStream in = resource.getInputStream()) {
                    statements.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Cypher catalogue from the class path", e);
        }
        if (statements.isEmpty()) {
            throw new IllegalStateException("no Cypher files found under classpath:" + ROOT
                    + " (is the build copying cypher/ into the jar?)");
        }
        return new CypherCatalogue(statements);
    }

    /** One file read straight from the class path, for the few statements run before the catalogue is loaded. */
    static String readOne(String name) {
        try (InputStream in = CypherCatalogue.class.getClassLoader().getResourceAsStream(ROOT + name + ".cypher")) {
            if (in == null) {
                throw new NoSuchElementException("no Cypher file cypher/" + name + ".cypher");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full text of one file. */
    public String text(String name) {
        String text = statements.get(name);
        if (text == null) {
            throw new NoSuchElementException("no Cypher file cypher/" + name + ".cypher");
        }
        return text;
    }

    /** The names of all files under a folder, e.g. {@code schema/}, in name order. */
    public List<String> namesUnder(String folder) {
        return statements.keySet().stream().filter(name -> name.startsWith(folder)).toList();
    }

    /**
     * The statements of a file that holds several, separated by a semicolon at the end of a line; comment lines
     * ({@code //}) and blank statements are dropped.
     */
    public List<String> statements(String name) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text(name).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                addStatement(result, current);
            }
        }
        addStatement(result, current);
        return result;
    }

    private static void addStatement(List<String> result, StringBuilder current) {
        String statement = current.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).strip();
        }
        if (!statement.isEmpty()) {
            result.add(statement);
        }
        current.setLength(0);
    }
}
