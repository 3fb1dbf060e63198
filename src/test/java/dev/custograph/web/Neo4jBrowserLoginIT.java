package dev.custograph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.custograph.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * An analyst logs in to Neo4j Browser on the embedded database exactly as docs/security.md says: the connect form as
 * the Browser shows it, user neo4j and the password from the data directory. A wrong password is refused there.
 */
class Neo4jBrowserLoginIT {

    @TempDir
    Path temp;

    @Test
    void neo4jBrowserConnectsWithThePasswordKeptInTheDataDirectoryAndNotWithoutIt() throws Exception {
        Path dataDir = temp.resolve("data");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, 0, 0));
             Browser browser = new Browser()) {
            browser.open(neo4j.browserUrl());
            browser.await(d -> !d.findElements(By.cssSelector("[data-testid=connect]")).isEmpty());
            assertThat(browser.find("[data-testid=boltaddress]").getAttribute("value"))
                    .as("the form offers the Bolt port as it is").isEqualTo("localhost:" + neo4j.boltPort());

            logIn(browser, "not-the-password");
            // Neo4j Browser first tries routing (neo4j://), then falls back; its first answer can take a while.
            browser.await(d -> pageText(d).contains("authentication failure"), Duration.ofSeconds(90));
            browser.screenshot("neo4j-browser-wrong-password");
            // Neo4j locks the user for 5 s after repeated failures (Browser retries a refused login itself), which
            // is what keeps a page from guessing the password; a person tries again after reading the error.
            Thread.sleep(Duration.ofSeconds(6).toMillis());

            logIn(browser, Files.readString(dataDir.resolve("neo4j-password")).strip());
            browser.await(d -> pageText(d).contains("You are connected as user neo4j"), Duration.ofSeconds(90));
            browser.screenshot("neo4j-browser-connected");

            // What Browser is told at connect time: send no telemetry, fetch remote content from this host only.
            try (org.neo4j.driver.Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(),
                    neo4j.authToken()); org.neo4j.driver.Session session = driver.session()) {
                java.util.Map<String, Object> client = new java.util.HashMap<>();
                session.run("CALL dbms.clientConfig()").forEachRemaining(r -> client.put(r.get("name").asString(),
                        r.get("value").asObject()));
                assertThat(client).containsEntry("client.allow_telemetry", "false")
                        .containsEntry("browser.remote_content_hostname_whitelist", "localhost");
            }

            // The analysts' start guide, from Browser's own origin: the graph model, then every saved query.
            var guide = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(neo4j.guideUrl())).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(guide.statusCode()).isEqualTo(200);
            assertThat(guide.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/html"));
            assertThat(guide.body()).contains("<h3>Next best actions</h3>");
            // Only the guide itself needs no login, and only to be read.
            var http = java.net.http.HttpClient.newHttpClient();
            var other = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(neo4j.guideUrl()
                    .replace("/guide", "/other"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(401);
            var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(neo4j.guideUrl()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(1 << 20))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            browser.open(neo4j.browserGuideUrl());
            browser.await(d -> pageText(d).contains("Custograph: the customer graph"), Duration.ofSeconds(60));
            assertThat(pageText(browser.driver())).contains("(:Customer)-[:PLACED]->(:Order)");
            browser.screenshot("neo4j-browser-analyst-guide");
        }
    }

    private static void logIn(Browser browser, String password) {
        // The connect frame is in the page before it can be typed into (it slides in): wait until it can.
        for (String field : new String[] {"username", "password", "connect"}) {
            browser.await(d -> d.findElements(By.cssSelector("[data-testid=" + field + "]")).stream()
                    .anyMatch(e -> e.isDisplayed() && e.isEnabled()));
        }
        browser.find("[data-testid=username]").clear();
        browser.find("[data-testid=username]").sendKeys("neo4j");
        browser.find("[data-testid=password]").clear();
        browser.find("[data-testid=password]").sendKeys(password);
        browser.find("[data-testid=connect]").click();
    }

    private static String pageText(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }
}
