package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.EntityReads;
import dev.custograph.model.Category;
import dev.custograph.model.Product;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps products and categories. */
@Controller
class ProductController {

    /** The {@code ProductFilter} input. */
    record ProductFilter(String category, String namePrefix) {
    }

    private final EntityReads reads;
    private final EntityCache cache;

    ProductController(EntityReads reads, EntityCache cache) {
        this.reads = reads;
        this.cache = cache;
    }

    @QueryMapping
    Product product(@Argument String id) {
        return cache.product(Ids.require(id, "id"));
    }

    @QueryMapping
    Connection<Product> products(@Argument Integer first, @Argument String after, @Argument Integer last,
                                 @Argument String before, @Argument ProductFilter filter,
                                 @Argument String orderBy, DataFetchingFieldSelectionSet selection) {
        PageRequest request = PageRequest.of(first, after, last, before, orderBy);
        String category = filter == null ? null : filter.category();
        String namePrefix = filter == null ? null : filter.namePrefix();
        EntityReads.Page<Product> page = reads.productPage(category, namePrefix, orderBy, request.start(),
                request.size());
        Long total = selection.contains("totalCount") ? reads.productCount(category, namePrefix) : null;
        return request.connection(page, total);
    }

    @SchemaMapping(typeName = "Product", field = "id")
    String id(Product product) {
        return product.productId();
    }

    @BatchMapping(typeName = "Product", field = "category")
    Map<Product, Category> category(List<Product> products) {
        Map<String, Category> byName = cache.categories(products.stream().map(Product::category)
                .filter(Objects::nonNull).toList());
        return products.stream().distinct().filter(p -> byName.containsKey(p.category()))
                .collect(Collectors.toMap(Function.identity(), p -> byName.get(p.category())));
    }
}
