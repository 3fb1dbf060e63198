package dev.custograph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.custograph.Custograph;
import dev.custograph.TestData;
import dev.custograph.api.GraphQlHttp;
import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.GraphConnection;
import dev.custograph.graph.GraphCounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The command line as a user meets it: results on stdout, one JSON document with --json, and every failure as one
 * line on stderr with a non-zero exit status.
 */
class CommandLineIT {

    @TempDir
    Path temp;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
        List<String> failureLines() {
            return Arrays.stream(err.split("\n")).filter(l -> l.startsWith("custograph")).toList();
        }
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            int status = Custograph.run(args);
            return new Run(status, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void importWithJsonPrintsExactlyOneReportOnStdoutAndASecondImportCreatesNothing() {
        String dataDir = temp.resolve("data").toString();
        Run first = run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir,
                "--json");
        assertThat(first.status()).as(first.err()).isZero();
        JsonNode report = GraphQlHttp.json(first.out());
        assertThat(report.at("/format").asString()).isEqualTo("northwind");
        // 91 customers + 91 identities + 830 orders + 77 products + 8 categories; PLACED, CONTAINS, IN_CATEGORY and
        // one IDENTIFIES per customer.
        assertThat(report.at("/nodesCreated").asLong()).isEqualTo(1097);
        assertThat(report.at("/relationshipsCreated").asLong()).isEqualTo(3153);
        assertThat(report.at("/customersMerged").asLong()).isZero();
        assertThat(report.at("/files/3/file").asString()).isEqualTo("orders.csv");
        assertThat(report.at("/files/3/rowsRepaired").asLong()).isEqualTo(176);
        assertThat(first.out().strip().split("\n")).hasSize(1);

        Run second = run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir,
                "--json");
        assertThat(GraphQlHttp.json(second.out()).at("/nodesCreated").asLong()).isZero();
        assertThat(GraphQlHttp.json(second.out()).at("/relationshipsCreated").asLong()).isZero();
    }

    @Test
    void aMalformedCsvFailsWithFileAndLineAndWritesNothing() throws IOException {
        Path dir = TestData.northwindCopy(temp.resolve("nw"));
        TestData.replaceLine(dir.resolve("orders.csv"), 12, "10258,ERNSH,1,not-a-date,x,x,1,140.51,E,K,G,NULL,8010,Austria");
        String dataDir = temp.resolve("data").toString();

        Run run = run("import", "--format", "northwind", dir.toString(), "--data-dir", dataDir, "--json");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.failureLines()).containsExactly("custograph import: orders.csv line 12, field orderDate:"
                + " 'not-a-date' is not a date (expected yyyy-mm-dd) (and 3 more problems; nothing was imported)");
        assertNoStackTrace(run);
        try (GraphConnection db = GraphConnection.open(Path.of(dataDir), null, null, null)) {
            GraphCounts counts = GraphCounts.of(db.graph());
            assertThat(counts.label("Customer") + counts.label("Order") + counts.label("Product")).isZero();
        }
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        Run unknownCommand = run("frobnicate");
        assertThat(unknownCommand.status()).isEqualTo(2);
        assertThat(unknownCommand.failureLines()).singleElement().asString().contains("'frobnicate'");

        Run unknownOption = run("import", "--format", "northwind", "x", "--colour");
        assertThat(unknownOption.status()).isEqualTo(2);
        assertThat(unknownOption.failureLines()).singleElement().asString().contains("--colour");

        Run missingFormat = run("import", "somewhere");
        assertThat(missingFormat.status()).isEqualTo(2);
        assertThat(missingFormat.failureLines()).singleElement().asString().contains("--format");
    }

    @Test
    void anUnknownFormatOrAMissingInputDirectoryIsNamed() {
        Run format = run("import", "--format", "excel", "x", "--data-dir", temp.resolve("d").toString());
        assertThat(format.status()).isEqualTo(1);
        assertThat(format.failureLines()).containsExactly(
                "custograph import: unknown --format 'excel'; supported: northwind, lines, online-retail, cdnow, "
                        + "customers-jsonl");

        Path missing = temp.resolve("no-such-dir");
        Run dir = run("import", "--format", "northwind", missing.toString(), "--data-dir", temp.resolve("d").toString());
        assertThat(dir.status()).isEqualTo(1);
        assertThat(dir.failureLines()).containsExactly("custograph import: Northwind directory " + missing
                + " does not exist or is not a directory");
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed() {
        Path impossible = temp.resolve("missing-parent").resolve("data");
        Run run = run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir",
                impossible.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.failureLines()).singleElement().asString()
                .contains("cannot create data directory").contains("does not exist");
    }

    @Test
    void anUnreachableOrInvalidExternalNeo4jIsNamed() {
        Run unreachable = run("import", "--format", "northwind", TestData.northwind().toString(),
                "--neo4j-uri", "bolt://localhost:1");
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.failureLines()).singleElement().asString()
                .startsWith("custograph import: cannot reach Neo4j at bolt://localhost:1");
        assertNoStackTrace(unreachable);

        Run invalid = run("import", "--format", "northwind", TestData.northwind().toString(),
                "--neo4j-uri", "http://localhost:7474");
        assertThat(invalid.status()).isEqualTo(1);
        assertThat(invalid.failureLines()).singleElement().asString()
                .startsWith("custograph import: invalid --neo4j-uri 'http://localhost:7474'");
    }

    @Test
    void aStoreInUseByAnotherProcessIsNamedWithWhatToDo() {
        Path dataDir = temp.resolve("data");
        try (GraphConnection holder = GraphConnection.open(dataDir, null, null, null)) {
            Run run = run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir",
                    dataDir.toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.failureLines()).singleElement().asString().contains("is in use by another process")
                    .contains("--neo4j-uri");
        }
    }

    @Test
    void servingOnAPortInUseFailsWithThePortAndTheOption() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            Run api = run("serve", "--port", String.valueOf(port), "--data-dir", temp.resolve("d").toString());
            assertThat(api.status()).isEqualTo(1);
            assertThat(api.failureLines()).containsExactly(
                    "custograph serve: port " + port + " (--port) is already in use on localhost");

            Run bolt = run("serve", "--port", "0", "--bolt-port", String.valueOf(port), "--http-port", "0",
                    "--data-dir", temp.resolve("d").toString());
            assertThat(bolt.status()).isEqualTo(1);
            assertThat(bolt.failureLines()).containsExactly(
                    "custograph serve: Bolt port (--bolt-port) " + port + " is already in use on localhost");
            assertNoStackTrace(bolt);
        }
    }

    @Test
    void secretsComeFromFilesTheDatabaseLoginGuardsBoltAndAnArgumentWarns() throws IOException {
        Path keyFile = temp.resolve("admin.key");
        Files.writeString(keyFile, "file-admin-key-0123456789\n");
        Path dataDir = temp.resolve("served");
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0", "--bolt-port", "0", "--http-port", "0", "--data-dir",
                dataDir.toString(), "--admin-key-file", keyFile.toString());
        try (ConfigurableApplicationContext app = ServeCommand.start(serve.springArguments())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JsonNode answer = GraphQlHttp.withKey(port, "file-admin-key-0123456789")
                    .post("{ products(first: 1) { totalCount } }");
            assertThat(answer.has("errors")).as(answer.toString()).isFalse();

            // A backup through the running server's Bolt port needs the database login, read from its file.
            String bolt = "bolt://localhost:" + app.getBean(EmbeddedNeo4j.class).boltPort();
            Path archive = temp.resolve("served.zip");
            Run refused = run("backup", "--neo4j-uri", bolt, "--out", archive.toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.failureLines()).singleElement().asString().contains("cannot reach Neo4j at " + bolt)
                    .containsIgnoringCase("authentication");
            Run backup = run("backup", "--neo4j-uri", bolt, "--neo4j-user", "neo4j", "--neo4j-password-file",
                    dataDir.resolve("neo4j-password").toString(), "--out", archive.toString(), "--json");
            assertThat(backup.status()).as(backup.err()).isZero();
            assertThat(GraphQlHttp.json(backup.out()).at("/nodes").asLong()).isPositive();
        }

        Run missingFile = run("serve", "--admin-key-file", temp.resolve("no-such.key").toString(), "--port", "0",
                "--data-dir", dataDir.toString());
        assertThat(missingFile.failureLines()).containsExactly("custograph serve: --admin-key-file: "
                + temp.resolve("no-such.key") + " does not exist");

        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            ServeCommand withArgument = new ServeCommand();
            new CommandLine(withArgument).parseArgs("--port", "0", "--admin-key", "argument-admin-key-0123",
                    "--neo4j-password", "argument-password");
            assertThat(withArgument.springArguments()).contains("--custograph.security.admin-key=argument-admin-key-0123");
        } finally {
            System.setErr(err);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8))
                .contains("--admin-key was given on the command line, where every local user can read it")
                .contains("--neo4j-password was given on the command line");
    }

    @Test
    void generateWritesTheSameLinesFileForTheSameSeedAndItImportsWithoutRejects() throws IOException {
        Path first = temp.resolve("a.csv.gz");
        Path second = temp.resolve("b.csv.gz");
        Run run = run("generate", "--customers", "150", "--seed", "7", "--out", first.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode written = GraphQlHttp.json(run.out());
        assertThat(written.at("/customers").asLong()).isEqualTo(150);
        assertThat(run("generate", "--customers", "150", "--seed", "7", "--out", second.toString()).status()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(run("generate", "--customers", "150", "--seed", "8", "--out", second.toString()).status()).isZero();
        assertThat(Files.readAllBytes(second)).isNotEqualTo(Files.readAllBytes(first));

        Run imported = run("import", "--format", "lines", first.toString(), "--data-dir",
                temp.resolve("data").toString(), "--rejects", temp.resolve("r.csv").toString(), "--json");
        JsonNode report = GraphQlHttp.json(imported.out());
        assertThat(report.at("/rowsRead").asLong()).isEqualTo(written.at("/lines").asLong());
        assertThat(report.at("/rowsRejected").asLong()).isZero();
        assertThat(report.at("/customersCreated").asLong()).isEqualTo(150);
        assertThat(report.at("/ordersCreated").asLong()).isEqualTo(written.at("/orders").asLong());
    }

    @Test
    void mergeAndUndoReportWhatMovedAndAMergeThatCannotBeDoneIsOneLine() {
        String dataDir = temp.resolve("merge-data").toString();
        assertThat(run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir)
                .status()).isZero();

        // Northwind (orders.csv): ALFKI placed 6 orders, ANATR 4.
        Run merge = run("merge", "--survivor", "ALFKI", "--merged", "ANATR", "--reason", "test", "--data-dir",
                dataDir, "--json");
        assertThat(merge.status()).as(merge.err()).isZero();
        JsonNode merged = GraphQlHttp.json(merge.out());
        assertThat(merged.at("/ordersMoved").asLong()).isEqualTo(4);
        assertThat(merged.at("/identitiesMoved").asLong()).isEqualTo(1);

        Run undo = run("merge", "--survivor", "ALFKI", "--merged", "ANATR", "--undo", "--data-dir", dataDir, "--json");
        assertThat(undo.status()).as(undo.err()).isZero();
        assertThat(GraphQlHttp.json(undo.out()).at("/ordersMoved").asLong()).isEqualTo(4);

        Run again = run("merge", "--survivor", "ALFKI", "--merged", "ANATR", "--undo", "--data-dir", dataDir);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.failureLines()).containsExactly(
                "custograph merge: there is no merge of 'ANATR' into 'ALFKI' to undo");
    }

    @Test
    void analyzePrintsOneJsonReportAndRefusesBadInputInOneLine() throws IOException {
        String dataDir = temp.resolve("analyze-data").toString();
        Run empty = run("analyze", "--data-dir", dataDir);
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.failureLines()).containsExactly("custograph analyze: the graph holds no orders: import data "
                + "first");

        assertThat(run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir)
                .status()).isZero();
        Path export = temp.resolve("values.csv");
        Run analyze = run("analyze", "--data-dir", dataDir, "--json", "--export", export.toString());
        assertThat(analyze.status()).as(analyze.err()).isZero();
        assertThat(analyze.out().strip().split("\n")).hasSize(1);
        JsonNode report = GraphQlHttp.json(analyze.out());
        // Northwind: 91 customers, 89 of them with orders; the last order is dated 1998-05-06 (orders.csv).
        assertThat(report.at("/asOf").asString()).isEqualTo("1998-05-06");
        assertThat(report.at("/customers").asLong()).isEqualTo(89);
        assertThat(report.at("/descriptive/customers").asLong()).isEqualTo(91);
        assertThat(report.at("/descriptive/orders").asLong()).isEqualTo(830);
        assertThat(report.at("/bgnbd/timeUnit").asString()).isEqualTo("week");
        assertThat(report.at("/bgnbd/converged").asBoolean()).isTrue();
        assertTopListsMatchTheCsvFiles(report);
        assertThat(Files.readAllLines(export)).hasSize(90).first().asString()
                .isEqualTo(String.join(",", dev.custograph.analytics.CustomerValue.CSV_COLUMNS));

        Run early = run("analyze", "--data-dir", dataDir, "--as-of", "1990-01-01");
        assertThat(early.status()).isEqualTo(1);
        assertThat(early.failureLines()).containsExactly("custograph analyze: --as-of: 1990-01-01 is before the first "
                + "order (1996-07-04): there is nothing to analyse");
        Run unit = run("analyze", "--data-dir", dataDir, "--time-unit", "month");
        assertThat(unit.status()).isEqualTo(2);
        assertThat(unit.err()).contains("--time-unit").contains("month");
    }

    /**
     * Top countries and products recomputed from Northwind's CSV files, not by the product's code: revenue is the
     * goods value unitPrice x quantity x (1 - discount) of order-details.csv (freight excluded), a country is the
     * ordering customer's in customers.csv, and there are no cancellations.
     */
    private static void assertTopListsMatchTheCsvFiles(JsonNode report) throws IOException {
        java.util.Map<String, String> countryOfCustomer = new java.util.HashMap<>();
        try (var customers = csv(TestData.northwind().resolve("customers.csv"))) {
            customers.forEach(r -> countryOfCustomer.put(r.get("customerID"), r.get("country")));
        }
        java.util.Map<String, String> customerOfOrder = new java.util.HashMap<>();
        try (var orders = csv(TestData.northwind().resolve("orders.csv"))) {
            orders.forEach(r -> customerOfOrder.put(r.get("orderID"), r.get("customerID")));
        }
        java.util.Map<String, Double> orderTotal = new java.util.HashMap<>();
        java.util.Map<String, Double> countryRevenue = new java.util.HashMap<>();
        java.util.Map<String, java.util.Set<String>> countryCustomers = new java.util.HashMap<>();
        java.util.Map<String, Double> productRevenue = new java.util.HashMap<>();
        java.util.Map<String, Long> productUnits = new java.util.HashMap<>();
        try (var lines = csv(TestData.northwind().resolve("order-details.csv"))) {
            lines.forEach(r -> {
                double value = Double.parseDouble(r.get("unitPrice")) * Integer.parseInt(r.get("quantity"))
                        * (1 - Double.parseDouble(r.get("discount")));
                orderTotal.merge(r.get("orderID"), value, Double::sum);
                productRevenue.merge(r.get("productID"), value, Double::sum);
                productUnits.merge(r.get("productID"), Long.parseLong(r.get("quantity")), Long::sum);
            });
        }
        // A customer's spend is the sum of their orders' totals, each rounded to the cent as an order is stored.
        orderTotal.forEach((order, total) -> {
            String customer = customerOfOrder.get(order);
            String country = countryOfCustomer.get(customer);
            countryRevenue.merge(country, java.math.BigDecimal.valueOf(total)
                    .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue(), Double::sum);
            countryCustomers.computeIfAbsent(country, c -> new java.util.HashSet<>()).add(customer);
        });
        List<String> expectedCountries = countryRevenue.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .map(java.util.Map.Entry::getKey).toList();
        JsonNode countries = report.at("/descriptive/topCountries");
        assertThat(countries.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            String country = expectedCountries.get(i);
            assertThat(countries.get(i).at("/country").asString()).isEqualTo(country);
            // Within 2 cents: a few order totals land on half a cent, where two roundings of a double may differ.
            assertThat(countries.get(i).at("/revenue").asDouble()).isCloseTo(countryRevenue.get(country),
                    org.assertj.core.data.Offset.offset(0.02));
            assertThat(countries.get(i).at("/customers").asLong()).isEqualTo(countryCustomers.get(country).size());
        }
        List<String> expectedProducts = productRevenue.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .map(java.util.Map.Entry::getKey).toList();
        JsonNode products = report.at("/descriptive/topProducts");
        assertThat(products.size()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            String product = expectedProducts.get(i);
            assertThat(products.get(i).at("/productId").asString()).isEqualTo(product);
            assertThat(products.get(i).at("/revenue").asDouble()).isCloseTo(productRevenue.get(product),
                    org.assertj.core.data.Offset.offset(0.01));
            assertThat(products.get(i).at("/units").asLong()).isEqualTo(productUnits.get(product));
        }
    }

    private static org.apache.commons.csv.CSVParser csv(Path file) throws IOException {
        return org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file));
    }

    @Test
    void segmentAndChurnPrintOneJsonReportAndRefuseBadInputInOneLine() {
        String dataDir = temp.resolve("segment-data").toString();
        assertThat(run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir)
                .status()).isZero();

        Run segment = run("segment", "--data-dir", dataDir, "--k", "3", "--features", "recency,frequency,monetary",
                "--scale", "zscore", "--restarts", "4", "--seed", "7", "--json");
        assertThat(segment.status()).as(segment.err()).isZero();
        assertThat(segment.out().strip().split("\n")).hasSize(1);
        JsonNode s = GraphQlHttp.json(segment.out());
        assertThat(s.at("/k").asInt()).isEqualTo(3);
        assertThat(s.at("/customers").asInt()).isEqualTo(89);
        assertThat(s.at("/inertia").asDouble()).isPositive();
        assertThat(s.at("/iterations").asInt()).isPositive();
        assertThat(s.at("/sizes").size()).isEqualTo(3);
        assertThat(s.at("/segments/0/name").asString()).isNotBlank();
        assertThat(s.at("/segments/0/centroid/monetary").isNumber()).isTrue();
        assertThat(s.at("/segments/0/revenueShare").isNumber()).isTrue();

        Run churn = run("churn", "--data-dir", dataDir, "--cutoff", "1997-12-31", "--horizon-days", "120",
                "--features", "recency,frequency,monetary", "--penalty", "l2", "--lambda", "0.5", "--json");
        assertThat(churn.status()).as(churn.err()).isZero();
        assertThat(churn.out().strip().split("\n")).hasSize(1);
        JsonNode c = GraphQlHttp.json(churn.out());
        assertThat(c.at("/n").asLong()).isPositive();
        assertThat(c.at("/positives").asLong()).isPositive();
        assertThat(c.at("/coefficients/intercept").isNumber()).isTrue();
        assertThat(c.at("/coefficients/recency").isNumber()).isTrue();
        assertThat(c.at("/rawCoefficients/monetary").isNumber()).isTrue();
        for (String metric : List.of("auc", "accuracy", "logLoss")) {
            assertThat(c.at("/metrics/" + metric).isNumber()).as(metric).isTrue();
        }
        // Precision, recall and F1 are null when nobody is predicted to churn (or nobody churned): undefined, not 0.
        for (String metric : List.of("precision", "recall", "f1")) {
            assertThat(c.at("/metrics").has(metric)).as(metric).isTrue();
        }

        Run unknown = run("segment", "--data-dir", dataDir, "--features", "recency,colour");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.failureLines()).hasSize(1).first().asString()
                .startsWith("custograph segment: --features: unknown feature 'colour'");
        Run badK = run("segment", "--data-dir", dataDir, "--k", "many");
        assertThat(badK.status()).isEqualTo(2);
        assertThat(badK.err()).contains("--k").contains("many");
        Run tooMany = run("segment", "--data-dir", dataDir, "--k", "500");
        assertThat(tooMany.failureLines()).containsExactly("custograph segment: --k: 500 is more than the 89 "
                + "customers with purchases up to 1998-05-06");
        Run pastTheEnd = run("churn", "--data-dir", dataDir, "--cutoff", "1998-04-01", "--horizon-days", "90");
        assertThat(pastTheEnd.status()).isEqualTo(1);
        assertThat(pastTheEnd.failureLines()).hasSize(1).first().asString()
                .contains("runs past the last order (1998-05-06)");
        Run noCutoff = run("churn", "--data-dir", dataDir, "--horizon-days", "90");
        assertThat(noCutoff.status()).isEqualTo(2);
        assertThat(noCutoff.err()).contains("--cutoff");
        assertNoStackTrace(unknown);
        assertNoStackTrace(pastTheEnd);
    }

    @Test
    void rulesSimilarRecommendAndEvaluateRecsPrintOneJsonDocumentAndRefuseBadInputInOneLine() {
        String dataDir = temp.resolve("rules-data").toString();
        assertThat(run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir)
                .status()).isZero();
        Run rules = run("rules", "--data-dir", dataDir, "--min-support", "0.005", "--min-confidence", "0.1",
                "--limit", "3", "--json");
        assertThat(rules.status()).as(rules.err()).isZero();
        assertThat(rules.out().strip().split("\n")).hasSize(1);
        JsonNode r = GraphQlHttp.json(rules.out());
        assertThat(r.at("/transactions").asLong()).isEqualTo(830);
        assertThat(r.at("/rules").size()).isEqualTo(3);
        JsonNode rule = r.at("/rules/0");
        assertThat(rule.at("/antecedent").isArray()).isTrue();
        assertThat(rule.at("/consequent/0").asString()).isNotBlank();
        for (String field : List.of("support", "confidence", "lift", "count")) {
            assertThat(rule.at("/" + field).isNumber()).as(field).isTrue();
        }
        Run bad = run("rules", "--data-dir", dataDir, "--min-support", "1.5", "--min-confidence", "0.1");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.failureLines()).containsExactly("custograph rules: --min-support: must be in (0, 1], got 1.5");
        assertNoStackTrace(bad);
        Run cypherTriples = run("rules", "--data-dir", dataDir, "--min-support", "0.005", "--min-confidence", "0.1",
                "--engine", "cypher", "--max-length", "3");
        assertThat(cypherTriples.failureLines()).singleElement().asString()
                .startsWith("custograph rules: --engine: cypher mines pairs only; use --max-length 2");

        Run similarAll = run("similar", "--data-dir", dataDir, "--all", "--k", "5", "--json");
        assertThat(similarAll.status()).as(similarAll.err()).isZero();
        JsonNode materialised = GraphQlHttp.json(similarAll.out());
        assertThat(materialised.at("/customers").asInt()).isEqualTo(89);
        assertThat(materialised.at("/relationships").asInt()).isEqualTo(89 * 5);
        Run similar = run("similar", "--data-dir", dataDir, "--customer", "ALFKI", "--k", "3", "--measure",
                "jaccard", "--json");
        assertThat(similar.status()).as(similar.err()).isZero();
        JsonNode neighbours = GraphQlHttp.json(similar.out());
        assertThat(neighbours.at("/similar").size()).isEqualTo(3);
        assertThat(neighbours.at("/similar/0/score").asDouble()).isBetween(0.0, 1.0);
        assertThat(neighbours.at("/message").isNull()).isTrue();

        Run recommend = run("recommend", "--data-dir", dataDir, "--customer", "ALFKI", "--k", "4", "--json");
        assertThat(recommend.status()).as(recommend.err()).isZero();
        assertThat(recommend.out().strip().split("\n")).hasSize(1);
        JsonNode recs = GraphQlHttp.json(recommend.out());
        assertThat(recs.at("/recommendations").size()).isEqualTo(4);
        assertThat(recs.at("/recommendations/0/productId").asString()).isNotBlank();
        assertThat(recs.at("/recommendations/0/reasons/0/text").asString()).isNotBlank();
        Run nobody = run("recommend", "--data-dir", dataDir, "--customer", "NOBODY", "--json");
        assertThat(nobody.status()).isZero();
        assertThat(GraphQlHttp.json(nobody.out()).at("/recommendations").size()).isZero();
        assertThat(GraphQlHttp.json(nobody.out()).at("/message").asString()).isEqualTo("no customer with id NOBODY");
        Run badK = run("recommend", "--data-dir", dataDir, "--customer", "ALFKI", "--k", "0");
        assertThat(badK.failureLines()).containsExactly("custograph recommend: --k: must be at least 1, got 0");
        Run badWeights = run("recommend", "--data-dir", dataDir, "--customer", "ALFKI", "--weights", "cf=x");
        assertThat(badWeights.failureLines()).containsExactly(
                "custograph recommend: --weights: cf must be a number, got \"x\"");
        assertNoStackTrace(badWeights);

        Run evaluate = run("evaluate-recs", "--data-dir", dataDir, "--json");
        assertThat(evaluate.status()).as(evaluate.err()).isZero();
        JsonNode evaluation = GraphQlHttp.json(evaluate.out());
        assertThat(evaluation.at("/customersEvaluated").asInt()).isPositive();
        for (String strategy : List.of("blend", "similar-customers", "bought-with", "popularity-baseline")) {
            assertThat(evaluation.at("/strategies/" + strategy + "/hitRate").isNumber()).as(strategy).isTrue();
        }
    }

    @Test
    void actionsExportOneRowPerCustomerAndRefuseABadPolicyInOneLine() throws IOException {
        String dataDir = temp.resolve("actions-data").toString();
        assertThat(run("import", "--format", "northwind", TestData.northwind().toString(), "--data-dir", dataDir)
                .status()).isZero();
        Run before = run("actions", "--data-dir", dataDir);
        assertThat(before.failureLines()).containsExactly("custograph actions: no analytics run yet: run "
                + "`custograph analyze` first (and `churn`, `segment` for their figures)");
        assertThat(run("analyze", "--data-dir", dataDir).status()).isZero();
        assertThat(run("churn", "--data-dir", dataDir, "--cutoff", "1997-12-31", "--horizon-days", "120",
                "--penalty", "l2").status()).isZero();

        Path export = temp.resolve("actions.csv");
        Run actions = run("actions", "--data-dir", dataDir, "--today", "2026-12-01", "--export", export.toString(),
                "--json");
        assertThat(actions.status()).as(actions.err()).isZero();
        assertThat(actions.out().strip().split("\n")).hasSize(1);
        JsonNode report = GraphQlHttp.json(actions.out());
        assertThat(report.at("/customers").asLong()).isEqualTo(89);
        assertThat(report.at("/written").asLong()).isEqualTo(89);
        long counted = 0;
        for (JsonNode a : report.at("/byAction")) {
            counted += a.at("/customers").asLong();
        }
        assertThat(counted).isEqualTo(89);
        List<String> lines = Files.readAllLines(export);
        assertThat(lines.get(0)).isEqualTo("customer_id,action,label,expected_value,uplift,baseline,product_id,"
                + "product_name,reasons");
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(Files.newBufferedReader(export))) {
            var records = parser.getRecords();
            assertThat(records).hasSize(89);
            assertThat(records.stream().map(r -> r.get("customer_id")).distinct()).hasSize(89);
            for (var r : records) {
                assertThat(Double.parseDouble(r.get("expected_value"))).as(r.get("customer_id")).isCloseTo(
                        Double.parseDouble(r.get("baseline")) + Double.parseDouble(r.get("uplift")), within(0.011));
                assertThat(r.get("reasons")).contains("churn risk");
            }
        }
        assertThat(dev.custograph.files.PrivateFiles.isOwnerOnly(export)).as("the export holds personal data")
                .isTrue();

        Run shown = run("actions", "--show-policy");
        assertThat(shown.status()).isZero();
        assertThat(shown.out()).startsWith("# Custograph's next-best-action policy").contains("id: WIN_BACK");

        Path badPolicy = temp.resolve("policy.yaml");
        Files.writeString(badPolicy, shown.out().replace("responseRate: 0.10", "responseRate: 2"));
        Run bad = run("actions", "--data-dir", dataDir, "--policy", badPolicy.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.failureLines()).containsExactly("custograph actions: --policy: " + badPolicy
                + ": actions[0].responseRate: must be between 0 and 1, got 2.0");
        Run noCutoff = run("actions", "--data-dir", dataDir, "--evaluate");
        assertThat(noCutoff.failureLines()).containsExactly("custograph actions: --evaluate needs --cutoff DATE");
        Run pastTheEnd = run("actions", "--data-dir", dataDir, "--no-write", "--evaluate", "--cutoff", "1998-03-01");
        assertThat(pastTheEnd.failureLines()).hasSize(1).first().asString().startsWith("custograph actions: "
                + "--cutoff: 1998-03-01 + --horizon-days 180 runs past the last order (1998-05-06)");
        assertNoStackTrace(bad);
        assertNoStackTrace(pastTheEnd);
    }

    @Test
    void helpListsTheCommands() {
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("serve").contains("import").contains("generate").contains("merge")
                .contains("analyze").contains("segment").contains("churn").contains("rules").contains("similar")
                .contains("recommend").contains("evaluate-recs").contains("actions");
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Caused by");
    }
}
