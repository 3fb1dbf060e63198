package dev.custograph.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.AnalyticsReads;
import dev.custograph.model.ChurnRiskSnapshot;
import dev.custograph.model.Customer;
import dev.custograph.model.SegmentSnapshot;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Segments and churn risk on the API: a customer's segment and churn risk, the segments, at-risk customers. */
@Controller
class SegmentController {

    /** The {@code FeatureValue} type: one feature of a segment's centroid. */
    record FeatureValue(String feature, Double value) {
    }

    static final int MAX_AT_RISK = 100;

    private final AnalyticsCache analytics;
    private final EntityCache entities;
    private final AnalyticsReads reads;

    SegmentController(AnalyticsCache analytics, EntityCache entities, AnalyticsReads reads) {
        this.analytics = analytics;
        this.entities = entities;
        this.reads = reads;
    }

    @BatchMapping(typeName = "Customer", field = "churnRisk")
    Map<Customer, ChurnRiskSnapshot> churnRisk(List<Customer> customers) {
        Map<String, ChurnRiskSnapshot> byId = analytics.churnRisks(customers.stream().map(Customer::customerId)
                .toList());
        return customers.stream().distinct().filter(c -> byId.get(c.customerId()) != null)
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }

    @BatchMapping(typeName = "Customer", field = "segment")
    Map<Customer, SegmentSnapshot> segment(List<Customer> customers) {
        Map<String, String> segmentIds = analytics.segmentIds(customers.stream().map(Customer::customerId).toList());
        Map<String, SegmentSnapshot> segments = analytics.segments().stream()
                .collect(Collectors.toMap(SegmentSnapshot::segmentId, Function.identity()));
        return customers.stream().distinct()
                .filter(c -> segmentIds.get(c.customerId()) != null && segments.get(segmentIds.get(c.customerId())) != null)
                .collect(Collectors.toMap(Function.identity(), c -> segments.get(segmentIds.get(c.customerId()))));
    }

    @QueryMapping
    List<SegmentSnapshot> segments() {
        return analytics.segments();
    }

    @QueryMapping
    List<Customer> atRiskCustomers(@Argument Integer first, @Argument Double minProbability) {
        int limit = PageSize.of(first, MAX_AT_RISK);
        double min = minProbability == null ? 0.5 : minProbability;
        if (!(min >= 0 && min <= 1)) {
            throw new BadRequestException("minProbability must be between 0 and 1, got " + min);
        }
        List<String> ids = reads.atRiskCustomerIds(min, limit);
        Map<String, Customer> customers = entities.customers(ids);
        List<Customer> ordered = new ArrayList<>();
        ids.forEach(id -> {
            if (customers.get(id) != null) {
                ordered.add(customers.get(id));
            }
        });
        return ordered;
    }

    @SchemaMapping(typeName = "Segment", field = "id")
    String id(SegmentSnapshot segment) {
        return segment.segmentId();
    }

    @SchemaMapping(typeName = "Segment", field = "centroid")
    List<FeatureValue> centroid(SegmentSnapshot segment) {
        List<FeatureValue> values = new ArrayList<>();
        for (int j = 0; j < segment.features().size(); j++) {
            values.add(new FeatureValue(segment.features().get(j),
                    j < segment.centroid().size() ? segment.centroid().get(j) : null));
        }
        return values;
    }
}
