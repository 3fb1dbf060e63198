package dev.custograph.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.custograph.model.Customer;
import dev.custograph.model.Product;
import dev.custograph.recommend.Recommendation;
import dev.custograph.recommend.Recommender;
import dev.custograph.recommend.SimilarCustomer;
import dev.custograph.recommend.SimilarCustomers;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/**
 * Recommendations, similar customers and association rules on the API, all served from {@link RecommendationCache}.
 * {@code first} follows {@link PageSize}. An unknown customer gets an empty list and a NOT_FOUND error naming it, not
 * a failed request.
 */
@Controller
class RecommendationController {

    private static final String CURSOR_PREFIX = "rules.v1|";

    private final RecommendationCache cache;
    private final EntityCache entities;

    RecommendationController(RecommendationCache cache, EntityCache entities) {
        this.cache = cache;
        this.entities = entities;
    }

    @QueryMapping
    DataFetcherResult<List<Recommendation>> recommendations(@Argument String customerId, @Argument Integer first,
                                                            DataFetchingEnvironment env) {
        String id = Ids.require(customerId, "customerId");
        int limit = PageSize.of(first, Recommender.MAX_K);
        Recommender.Result result = cache.recommendations(id, limit);
        DataFetcherResult.Builder<List<Recommendation>> out = DataFetcherResult.newResult();
        if (!result.customerExists()) {
            return out.data(List.<Recommendation>of()).error(notFound(env, result.message())).build();
        }
        return out.data(result.recommendations()).build();
    }

    @QueryMapping
    DataFetcherResult<List<SimilarCustomer>> similarCustomers(@Argument String customerId, @Argument Integer first,
                                                              DataFetchingEnvironment env) {
        String id = Ids.require(customerId, "customerId");
        int limit = PageSize.of(first, SimilarCustomers.MAX_K);
        DataFetcherResult.Builder<List<SimilarCustomer>> out = DataFetcherResult.newResult();
        if (entities.customer(id) == null) {
            return out.data(List.<SimilarCustomer>of()).error(notFound(env, "no customer with id " + id)).build();
        }
        List<SimilarCustomer> all = cache.similar(id);
        return out.data(all.subList(0, Math.min(limit, all.size()))).build();
    }

    @SchemaMapping(typeName = "Customer", field = "recommendations")
    List<Recommendation> customerRecommendations(Customer customer, @Argument Integer first) {
        return cache.recommendations(customer.customerId(), PageSize.of(first, Recommender.MAX_K))
                .recommendations();
    }

    @SchemaMapping(typeName = "Customer", field = "similarCustomers")
    List<SimilarCustomer> customerSimilarCustomers(Customer customer, @Argument Integer first) {
        List<SimilarCustomer> all = cache.similar(customer.customerId());
        return all.subList(0, Math.min(PageSize.of(first, SimilarCustomers.MAX_K), all.size()));
    }

    /** One read for all the recommendations of a request (DataLoader), not one per recommendation. */
    @BatchMapping(typeName = "Recommendation", field = "product")
    Map<Recommendation, Product> recommendedProduct(List<Recommendation> recommendations) {
        Map<String, Product> products = entities.products(recommendations.stream().map(Recommendation::productId)
                .toList());
        return byKey(recommendations, r -> products.get(r.productId()));
    }

    @BatchMapping(typeName = "RecommendationReason", field = "customers")
    Map<Recommendation.Reason, List<Customer>> reasonCustomers(List<Recommendation.Reason> reasons) {
        Map<String, Customer> found = entities.customers(reasons.stream().filter(r -> r.customerIds() != null)
                .flatMap(r -> r.customerIds().stream()).toList());
        return byKey(reasons, r -> r.customerIds() == null ? null
                : r.customerIds().stream().map(found::get).filter(java.util.Objects::nonNull).toList());
    }

    @BatchMapping(typeName = "RecommendationReason", field = "product")
    Map<Recommendation.Reason, Product> reasonProduct(List<Recommendation.Reason> reasons) {
        Map<String, Product> products = entities.products(reasons.stream().map(Recommendation.Reason::productId)
                .filter(java.util.Objects::nonNull).toList());
        return byKey(reasons, r -> r.productId() == null ? null : products.get(r.productId()));
    }

    @BatchMapping(typeName = "SimilarCustomer", field = "customer")
    Map<SimilarCustomer, Customer> similarCustomer(List<SimilarCustomer> similar) {
        Map<String, Customer> customers = entities.customers(similar.stream().map(SimilarCustomer::customerId)
                .toList());
        return byKey(similar, s -> customers.get(s.customerId()));
    }

    /** Each distinct key with its value, leaving out keys without one (a batch mapping's result). */
    private static <K, V> Map<K, V> byKey(List<K> keys, java.util.function.Function<K, V> value) {
        Map<K, V> result = new java.util.HashMap<>();
        for (K key : keys) {
            V v = value.apply(key);
            if (v != null) {
                result.put(key, v);
            }
        }
        return result;
    }

    /** The latest rules run's rules, filtered, best lift first, a page at a time. */
    @QueryMapping
    Connection<RecommendationCache.AssociationRuleView> associationRules(@Argument Double minSupport,
                                                                        @Argument Double minConfidence,
                                                                        @Argument String productId,
                                                                        @Argument Integer first,
                                                                        @Argument String after,
                                                                        @Argument Integer last,
                                                                        @Argument String before) {
        checkShare(minSupport, "minSupport");
        checkShare(minConfidence, "minConfidence");
        Paging paging = Paging.of(first, after, last, before, PageRequest.MAX_PAGE_SIZE);
        RecommendationCache.Rules rules = cache.rules();
        List<RecommendationCache.AssociationRuleView> matching = rules.rules().stream()
                .filter(r -> minSupport == null || r.support() >= minSupport)
                .filter(r -> minConfidence == null || r.confidence() >= minConfidence)
                .filter(r -> productId == null || r.antecedentIds().contains(productId)
                        || r.consequentIds().contains(productId)).toList();
        // The cursor's position in the list; without one, just before the start or, backward, just past the end.
        int at = paging.backward() ? matching.size() : -1;
        if (paging.cursor() != null) {
            String key = decode(paging.cursorArgument(), paging.cursor(), rules.runId());
            at = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).key().equals(key)) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                throw new BadRequestException(paging.cursorArgument() + ": the cursor's rule does not match these "
                        + "filters");
            }
        }
        // Rows in reading order, nearest the cursor first.
        int step = paging.backward() ? -1 : 1;
        List<RecommendationCache.AssociationRuleView> read = new ArrayList<>();
        for (int i = at + step; i >= 0 && i < matching.size() && read.size() < paging.size(); i += step) {
            read.add(matching.get(i));
        }
        int beyond = at + step * (read.size() + 1);
        boolean more = beyond >= 0 && beyond < matching.size();
        return paging.connection(read, more, rule -> encode(rules.runId(), rule.key()), rule -> rule,
                (long) matching.size());
    }

    @BatchMapping(typeName = "AssociationRule", field = "antecedent")
    Map<RecommendationCache.AssociationRuleView, List<Product>> antecedent(
            List<RecommendationCache.AssociationRuleView> rules) {
        return products(rules, RecommendationCache.AssociationRuleView::antecedentIds);
    }

    @BatchMapping(typeName = "AssociationRule", field = "consequent")
    Map<RecommendationCache.AssociationRuleView, List<Product>> consequent(
            List<RecommendationCache.AssociationRuleView> rules) {
        return products(rules, RecommendationCache.AssociationRuleView::consequentIds);
    }

    /** The products each rule names, read for the whole page of rules at once. */
    private Map<RecommendationCache.AssociationRuleView, List<Product>> products(
            List<RecommendationCache.AssociationRuleView> rules,
            java.util.function.Function<RecommendationCache.AssociationRuleView, List<String>> ids) {
        Map<String, Product> found = entities.products(rules.stream().flatMap(r -> ids.apply(r).stream()).toList());
        return byKey(rules, r -> ids.apply(r).stream().map(found::get).filter(java.util.Objects::nonNull).toList());
    }

    private static void checkShare(Double value, String name) {
        if (value != null && !(value > 0 && value <= 1)) {
            throw new BadRequestException(name + " must be in (0, 1], got " + value);
        }
    }

    private static graphql.GraphQLError notFound(DataFetchingEnvironment env, String message) {
        return GraphqlErrorBuilder.newError(env).message(message).errorType(ErrorType.NOT_FOUND).build();
    }

    private static String encode(String runId, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + runId + "|" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String argument, String cursor, String runId) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(argument + ": '" + cursor + "' is not a cursor from this API");
        }
        if (!text.startsWith(CURSOR_PREFIX)) {
            throw new BadRequestException(argument + ": '" + cursor + "' is not a cursor from this API");
        }
        String[] parts = text.substring(CURSOR_PREFIX.length()).split("\\|", 2);
        if (parts.length != 2) {
            throw new BadRequestException(argument + ": '" + cursor + "' is not a cursor from this API");
        }
        if (!parts[0].equals(String.valueOf(runId))) {
            throw new BadRequestException(argument + ": the cursor belongs to an earlier rules run; start again from "
                    + "the first page");
        }
        return parts[1];
    }
}
