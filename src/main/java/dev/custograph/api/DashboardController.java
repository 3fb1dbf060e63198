package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.graph.EntityReads;
import dev.custograph.model.Customer;
import dev.custograph.model.CustomerTotals;
import dev.custograph.model.DashboardMetrics;
import dev.custograph.model.SegmentSnapshot;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Dashboard metrics, a customer's lifetime totals and a segment's members on the API. */
@Controller
class DashboardController {

    /** The {@code Dashboard} type: the cached metrics plus the current segments. */
    record Dashboard(DashboardMetrics metrics, List<SegmentSnapshot> segments) {
    }

    private final AnalyticsCache analytics;
    private final EntityReads reads;

    DashboardController(AnalyticsCache analytics, EntityReads reads) {
        this.analytics = analytics;
        this.reads = reads;
    }

    @QueryMapping
    Dashboard dashboard() {
        return new Dashboard(analytics.dashboard(), analytics.segments());
    }

    @SchemaMapping(typeName = "Dashboard", field = "revenueByMonth")
    List<DashboardMetrics.MonthRevenue> revenueByMonth(Dashboard dashboard) {
        return dashboard.metrics().revenueByMonth();
    }

    @SchemaMapping(typeName = "Dashboard", field = "churn")
    DashboardMetrics.ChurnSummary churn(Dashboard dashboard) {
        return dashboard.metrics().churn();
    }

    @SchemaMapping(typeName = "ChurnSummary", field = "rate")
    double churnRate(DashboardMetrics.ChurnSummary churn) {
        return churn.meanProbability();
    }

    @BatchMapping(typeName = "Customer", field = "totals")
    Map<Customer, CustomerTotals> totals(List<Customer> customers) {
        Map<String, CustomerTotals> byId = analytics.totals(customers.stream().map(Customer::customerId).toList());
        return customers.stream().distinct().filter(c -> byId.get(c.customerId()) != null)
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }

    /** A segment's members by customer id, a page at a time (keyset cursors, as the customers connection). */
    @SchemaMapping(typeName = "Segment", field = "members")
    Connection<Customer> members(SegmentSnapshot segment, @Argument Integer first, @Argument String after,
                                 @Argument Integer last, @Argument String before) {
        PageRequest request = PageRequest.of(first, after, last, before, "ID");
        EntityReads.Page<Customer> page = reads.customerPage(null, null, segment.segmentId(), null, "ID",
                request.start(), request.size());
        return request.connection(page, (long) segment.size());
    }
}
