package dev.custograph;

import dev.custograph.graph.EmbeddedNeo4j;
import dev.custograph.graph.Graph;
import dev.custograph.graph.NameOrder;
import dev.custograph.jobs.AnalyticsRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** The Spring application behind {@code serve}: the GraphQL API over the graph. */
@SpringBootApplication
public class CustographApplication {

    private static final Logger log = LoggerFactory.getLogger(CustographApplication.class);

    @Bean
    StartupTasks startupTasks(Graph graph, @Value("${custograph.demo:false}") boolean demo,
                              @Value("${custograph.demo-analytics:true}") boolean analyseDemo,
                              @Value("${spring.neo4j.uri:embedded}") String where,
                              @Value("${custograph.names.collation:}") String collation,
                              dev.custograph.actions.ActionPolicy policy,
                              dev.custograph.recommend.Recommendations recommendations) {
        NameOrder names = collation.isBlank() ? null : NameOrder.of(collation, "custograph.names.collation");
        return new StartupTasks(graph, demo, analyseDemo, where, names,
                () -> new AnalyticsRefresh(graph, policy, recommendations));
    }

    /**
     * With {@code --demo} and an embedded store that holds no database yet, the demo data set is written in bulk
     * before the database starts; {@link StartupTasks} then finishes it (anomaly flags, analytics).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "${custograph.demo:false} and '${spring.neo4j.uri:}'.isEmpty()")
    dev.custograph.graph.EmbeddedStoreSeed demoSeed() {
        return StartupTasks::seedDemo;
    }

    /** One line with every address a user may want, once everything is ready (ports may have been chosen at 0). */
    @EventListener
    void announce(ApplicationReadyEvent event) {
        long seconds = event.getTimeTaken().toMillis();
        StringBuilder line = new StringBuilder("Custograph ready in ").append(seconds / 1000.0).append(" s");
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            line.append(": dashboard http://localhost:").append(port).append("/, GraphQL http://localhost:")
                    .append(port).append("/graphql, GraphiQL http://localhost:").append(port).append("/graphiql");
        }
        ObjectProvider<EmbeddedNeo4j> embedded = event.getApplicationContext().getBeanProvider(EmbeddedNeo4j.class);
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        if (neo4j != null) {
            line.append(", Bolt ").append(neo4j.boltUri());
            if (neo4j.httpPort() > 0) {
                line.append(", Neo4j Browser ").append(neo4j.browserUrl());
            }
        }
        log.info(line.toString());
    }
}
