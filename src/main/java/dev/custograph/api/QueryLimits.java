package dev.custograph.api;

import java.time.Duration;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds on what one request may cost, so that no request, however shaped, can occupy the server: the size of its
 * body ({@link RequestBodyLimit}), the nesting depth, the cost and the number of fields of its query
 * ({@link QueryCost}), and its time ({@link RequestBudget}). A query over a limit is refused as BAD_REQUEST before
 * anything runs; one past its time is stopped as TIMEOUT. Page sizes are bounded where each list is served.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** Deep enough for Customer 360 (customer, orders, lines, product, category and a connection's edges). */
    @Bean
    Instrumentation maxQueryDepth(@Value("${custograph.api.max-query-depth:15}") int depth) {
        return new MaxQueryDepthInstrumentation(depth);
    }

    /** Lists multiply what they select by their size (QueryCost). */
    @Bean
    Instrumentation maxQueryCost(@Value("${custograph.api.max-query-cost:10000}") int cost) {
        return QueryCost.costLimit(cost);
    }

    /** Every field selected counts one, aliases and __typename included. */
    @Bean
    Instrumentation maxQueryFields(@Value("${custograph.api.max-query-fields:1000}") int fields) {
        return QueryCost.fieldLimit(fields);
    }

    @Bean(destroyMethod = "close")
    RequestBudget requestBudget(@Value("${custograph.api.request-timeout:30s}") Duration budget) {
        return new RequestBudget(budget);
    }

    @Bean
    Instrumentation requestBudgetCancelling(RequestBudget budget) {
        return budget.instrumentation();
    }

    /** First of all filters: a body over the limit is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${custograph.api.max-request-bytes:1000000}") long maxBytes) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After the body limit: GET, persisted queries and batches become the single POSTs Spring for GraphQL serves. */
    @Bean
    FilterRegistrationBean<GraphQlOverHttp> graphQlOverHttp() {
        FilterRegistrationBean<GraphQlOverHttp> registration = new FilterRegistrationBean<>(new GraphQlOverHttp());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    /** After authentication (Spring Security's filters run at -100): batches, answered request by request. */
    @Bean
    FilterRegistrationBean<GraphQlBatches> graphQlBatches(
            org.springframework.beans.factory.ObjectProvider<org.springframework.graphql.server.WebGraphQlHandler>
                    handler) {
        FilterRegistrationBean<GraphQlBatches> registration = new FilterRegistrationBean<>(new GraphQlBatches(handler));
        registration.setOrder(0);
        return registration;
    }

    /** Then: a request that is not a GraphQL request gets a GraphQL-shaped refusal. */
    @Bean
    FilterRegistrationBean<GraphQlRequestShape> graphQlRequestShape() {
        FilterRegistrationBean<GraphQlRequestShape> registration = new FilterRegistrationBean<>(
                new GraphQlRequestShape());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBudgetFilter(RequestBudget budget) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(budget.filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
