package dev.custograph.api;

import java.time.Duration;

import dev.custograph.audit.AuditLog;
import dev.custograph.graph.ActionReads;
import dev.custograph.graph.AnalyticsReads;
import dev.custograph.graph.CustomerPageReads;
import dev.custograph.graph.EntityReads;
import dev.custograph.graph.Graph;
import dev.custograph.graph.SharedChangeCounter;
import dev.custograph.recommend.RecommendationWeights;
import dev.custograph.recommend.Recommendations;
import graphql.scalars.ExtendedScalars;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/** The API's own beans: the Date scalar, error classification, and the entity caches. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer dateScalar() {
        return wiring -> wiring.scalar(ExtendedScalars.Date).scalar(ExtendedScalars.Json);
    }

    @Bean
    Nodes nodes(EntityCache entities, AnalyticsCache analytics, dev.custograph.jobs.Jobs jobs) {
        return new Nodes(entities, analytics, jobs);
    }

    /** The Node interface: each object's type by its record, and every node type's nodeId field. */
    @Bean
    RuntimeWiringConfigurer nodeWiring(Nodes nodes) {
        return wiring -> {
            wiring.type("Node", type -> type.typeResolver(env -> {
                Nodes.Kind<?> kind = nodes.kindOf(env.getObject());
                return kind == null ? null : env.getSchema().getObjectType(kind.typeName());
            }));
            for (Nodes.Kind<?> kind : nodes.kinds()) {
                wiring.type(kind.typeName(), type -> type.dataFetcher("nodeId",
                        env -> kind.globalId(env.getSource())));
            }
        };
    }

    @Bean
    DataFetcherExceptionResolver apiExceptionResolver(RequestBudget budget) {
        return new ApiErrors.ExceptionResolver(budget);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedQueryCache(
            @Value("${custograph.api.parsed-query-cache-size:1000}") long size) {
        ParsedQueryCache cache = new ParsedQueryCache(size);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /** The dates orders and registrations may carry (custograph.dates.*; 1900-01-01 to tomorrow by default). */
    @Bean
    dev.custograph.model.ValueRules.DateWindow dateWindow(
            @Value("${custograph.dates.earliest:1900-01-01}") java.time.LocalDate earliest,
            @Value("${custograph.dates.days-ahead:1}") int daysAhead) {
        return new dev.custograph.model.ValueRules.DateWindow(earliest, daysAhead);
    }

    @Bean
    OperationMetrics operationMetrics(MeterRegistry meters) {
        return new OperationMetrics(meters);
    }

    @Bean
    FieldAccess fieldAccess() {
        return new FieldAccess();
    }

    @Bean(destroyMethod = "close")
    AuditLog auditLog(Graph graph) {
        return new AuditLog(graph);
    }

    @Bean
    WebGraphQlInterceptor accessInterceptor(AuditLog audit) {
        return new FieldAccess.Interceptor(audit);
    }

    @Bean
    WebGraphQlInterceptor requestErrorInterceptor() {
        return new ApiErrors.RequestErrorInterceptor();
    }

    @Bean
    EntityCache entityCache(EntityReads reads, CustomerPageReads pageReads, MeterRegistry meters,
                            @Value("${custograph.cache.maximum-size:10000}") long maximumSize,
                            @Value("${custograph.cache.expire-after-write:10m}") Duration expireAfterWrite) {
        return new EntityCache(reads, pageReads, new EntityCache.Settings(maximumSize, expireAfterWrite), meters);
    }

    @Bean
    AnalyticsCache analyticsCache(AnalyticsReads reads, ActionReads actionReads, MeterRegistry meters,
                                  @Value("${custograph.cache.maximum-size:10000}") long maximumSize,
                                  @Value("${custograph.cache.expire-after-write:10m}") Duration expireAfterWrite) {
        return new AnalyticsCache(reads, actionReads, new EntityCache.Settings(maximumSize, expireAfterWrite), meters);
    }

    @Bean
    CustomerFirstView customerFirstView(CustomerPageReads reads, EntityCache entities, AnalyticsCache analytics) {
        return new CustomerFirstView(reads, entities, analytics);
    }

    /** The recommendations the API serves; its first snapshot is read in the background from start-up. */
    @Bean(destroyMethod = "close")
    Recommendations recommendations(Graph graph,
                                    @Value("${custograph.recommend.weights.cf:0.6}") double cf,
                                    @Value("${custograph.recommend.weights.item:0.3}") double item,
                                    @Value("${custograph.recommend.weights.popularity:0.1}") double popularity,
                                    @Value("${custograph.recommend.refresh-quiet:2s}") Duration quiet,
                                    @Value("${custograph.recommend.refresh-threads:1}") int threads) {
        Recommendations recommendations = new Recommendations(graph, new RecommendationWeights(cf, item, popularity),
                quiet, threads);
        recommendations.start();
        return recommendations;
    }

    /**
     * The recommendations' cache; and each new snapshot reads the products its lists name into the entity cache, so
     * a customer's first request shows them without a read.
     */
    @Bean
    RecommendationCache recommendationCache(Graph graph, Recommendations recommendations, EntityCache entities,
                                            MeterRegistry meters,
                                            @Value("${custograph.cache.maximum-size:10000}") long maximumSize,
                                            @Value("${custograph.cache.expire-after-write:10m}")
                                            Duration expireAfterWrite) {
        RecommendationCache cache = new RecommendationCache(graph, recommendations,
                new EntityCache.Settings(maximumSize, expireAfterWrite), meters);
        recommendations.onRefreshed(() -> entities.warmProducts(recommendations.rankedProducts(), maximumSize / 2));
        return cache;
    }

    @Bean
    ResponseCache.Dependencies responseDependencies() {
        return new ResponseCache.Dependencies();
    }

    /** Registered with the graph so each write drops exactly the cached answers it made stale. */
    @Bean
    CacheInvalidation cacheInvalidation(Graph graph, EntityCache entities, AnalyticsCache analytics,
                                        RecommendationCache recommendations, ResponseCache responses) {
        CacheInvalidation invalidation = new CacheInvalidation(entities, analytics, recommendations, responses);
        graph.addWriteListener(invalidation);
        return invalidation;
    }

    /**
     * Other app instances' writes, learnt from the change counter in the graph: another instance's change empties the
     * caches. Writes from processes that are not app instances (a CLI import through Bolt) still show after
     * custograph.cache.expire-after-write.
     */
    @Bean(destroyMethod = "close")
    SharedChangeCounter sharedChangeCounter(Graph graph, CacheInvalidation invalidation,
                                            @Value("${custograph.cache.cluster-sync-interval:1s}") Duration interval) {
        SharedChangeCounter sync = new SharedChangeCounter(graph, invalidation::everything, interval);
        graph.addWriteListener(sync);
        return sync;
    }

    /** Read-your-writes across instances for clients that carry the Custograph-Bookmark header. */
    @Bean
    WebGraphQlInterceptor causalConsistency(Graph graph, SharedChangeCounter sync) {
        return new CausalConsistency(graph, sync);
    }

    /**
     * Whole answers about one customer or product (custograph.cache.response-chars of JSON in all; 0 turns it off),
     * dropped with what they show; each new recommendations snapshot drops them all. Also the last of the
     * interceptors, which run in the order they are declared here: after the caller is known (accessInterceptor) and
     * the cluster caught up (causalConsistency).
     */
    @Bean
    ResponseCache responseCache(Recommendations recommendations, JsonMapper json, MeterRegistry meters,
                                @Value("${custograph.cache.response-chars:50000000}") long maximumChars,
                                @Value("${custograph.cache.expire-after-write:10m}") Duration expireAfterWrite) {
        ResponseCache cache = new ResponseCache(maximumChars, expireAfterWrite, json, meters);
        recommendations.onRefreshed(cache::invalidateAll);
        return cache;
    }
}
