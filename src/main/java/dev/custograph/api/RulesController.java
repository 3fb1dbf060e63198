package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.model.BoughtTogether;
import dev.custograph.model.Product;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

/** Co-purchase rules on the API: what is bought together with a product. Cached; emptied by the next rules run. */
@Controller
class RulesController {

    private final AnalyticsCache analytics;
    private final EntityCache entities;

    RulesController(AnalyticsCache analytics, EntityCache entities) {
        this.analytics = analytics;
        this.entities = entities;
    }

    /** An unknown product gets an empty list and a NOT_FOUND error that names it, not a failure of the request. */
    @QueryMapping
    DataFetcherResult<List<BoughtTogether>> frequentlyBoughtTogether(@Argument String productId,
                                                                      @Argument Integer first,
                                                                      DataFetchingEnvironment env) {
        String id = Ids.require(productId, "productId");
        int limit = PageSize.of(first, AnalyticsCache.MAX_BOUGHT_TOGETHER);
        DataFetcherResult.Builder<List<BoughtTogether>> result = DataFetcherResult.newResult();
        if (entities.product(id) == null) {
            return result.data(List.of()).error(GraphqlErrorBuilder.newError(env)
                    .message("unknown product '" + id + "'").errorType(ErrorType.NOT_FOUND).build()).build();
        }
        List<BoughtTogether> together = analytics.boughtTogether(id);
        return result.data(together.subList(0, Math.min(limit, together.size()))).build();
    }

    @BatchMapping(typeName = "BoughtTogether", field = "product")
    Map<BoughtTogether, Product> product(List<BoughtTogether> rows) {
        Map<String, Product> products = entities.products(rows.stream().map(BoughtTogether::productId).toList());
        return rows.stream().distinct().filter(r -> products.get(r.productId()) != null)
                .collect(Collectors.toMap(Function.identity(), r -> products.get(r.productId())));
    }
}
