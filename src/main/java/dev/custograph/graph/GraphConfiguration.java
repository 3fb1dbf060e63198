package dev.custograph.graph;

import java.net.URI;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the database for {@code serve}. With no {@code spring.neo4j.uri}, Neo4j runs embedded and Boot's driver is
 * pointed at its Bolt port through a {@link Neo4jConnectionDetails} bean, which also makes the driver start after
 * the database (and lets tests use port 0). With a URI, nothing embedded starts and Boot configures the driver from
 * the usual {@code spring.neo4j.*} properties.
 */
@Configuration(proxyBeanMethods = false)
public class GraphConfiguration {

    static final String EMBEDDED = "'${spring.neo4j.uri:}'.isEmpty()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedNeo4j embeddedNeo4j(@Value("${custograph.data-dir:./data}") Path dataDir,
                                @Value("${custograph.bolt-port:7687}") int boltPort,
                                @Value("${custograph.http-port:7474}") int httpPort,
                                @Value("${custograph.neo4j-password:}") String password,
                                org.springframework.beans.factory.ObjectProvider<EmbeddedStoreSeed> seeds) {
        seeds.orderedStream().forEach(seed -> seed.seed(dataDir));
        return EmbeddedNeo4j.start(new EmbeddedNeo4j.Settings(dataDir, boltPort, httpPort,
                password.isEmpty() ? null : password));
    }

    @Bean
    @ConditionalOnExpression(EMBEDDED)
    Neo4jConnectionDetails embeddedNeo4jConnection(EmbeddedNeo4j neo4j) {
        URI uri = URI.create(neo4j.boltUri());
        AuthToken login = neo4j.authToken();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return login;
            }
        };
    }

    @Bean
    CypherCatalogue cypherCatalogue() {
        return CypherCatalogue.load();
    }

    @Bean
    Graph graph(Driver driver, CypherCatalogue catalogue, MeterRegistry meters,
                org.springframework.beans.factory.ObjectProvider<EmbeddedNeo4j> embedded) {
        Graph graph = new Graph(driver, catalogue, meters);
        embedded.ifAvailable(neo4j -> graph.addWriteGuard(neo4j::checkDiskSpace));
        return graph;
    }

    @Bean
    EntityReads entityReads(Graph graph) {
        return new EntityReads(graph);
    }

    @Bean
    AnalyticsReads analyticsReads(Graph graph) {
        return new AnalyticsReads(graph);
    }

    @Bean
    ActionReads actionReads(Graph graph) {
        return new ActionReads(graph);
    }

    @Bean
    CustomerPageReads customerPageReads(Graph graph) {
        return new CustomerPageReads(graph);
    }
}
