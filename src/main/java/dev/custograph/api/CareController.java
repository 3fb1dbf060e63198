package dev.custograph.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.custograph.care.CareLists;
import dev.custograph.model.Customer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** careList: the customer-care lists (birthdays, anniversaries, valuable customers at risk), read live. */
@Controller
class CareController {

    private final CareLists lists;
    private final EntityCache entities;

    CareController(dev.custograph.graph.Graph graph, EntityCache entities) {
        this.lists = new CareLists(graph);
        this.entities = entities;
    }

    @QueryMapping
    List<CareLists.Entry> careList(@Argument String kind, @Argument Integer days, @Argument Double valueQuantile,
                                   @Argument Double minRisk, @Argument Integer first) {
        int size = PageSize.of(first, PageRequest.MAX_PAGE_SIZE);
        // A refused kind or setting is an InvalidParameterException, which ApiErrors answers as BAD_REQUEST.
        return lists.list(CareLists.Kind.parse(kind), new CareLists.Settings(LocalDate.now(), days == null ? 14 : days,
                valueQuantile == null ? 0.8 : valueQuantile, minRisk == null ? 0.5 : minRisk, size));
    }

    @BatchMapping(typeName = "CareListEntry", field = "customer")
    Map<CareLists.Entry, Customer> customer(List<CareLists.Entry> entries) {
        Map<String, Customer> found = entities.customers(entries.stream().map(CareLists.Entry::customerId).toList());
        Map<CareLists.Entry, Customer> result = new java.util.HashMap<>();
        entries.forEach(e -> {
            if (found.containsKey(e.customerId())) {
                result.put(e, found.get(e.customerId()));
            }
        });
        return result;
    }
}
