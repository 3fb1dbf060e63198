package dev.custograph.api;

import java.util.List;
import java.util.Map;

import dev.custograph.analytics.Rfm;
import dev.custograph.graph.AnalyticsReads;
import dev.custograph.model.Customer;
import dev.custograph.model.ValueCharts;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** What the dashboard's charts plot beyond the headline metrics: the RFM grid, the CLV histogram, a value sample. */
@Controller
class ChartController {

    static final int MAX_BINS = 100;
    static final int MAX_SAMPLE = 5_000;

    private final AnalyticsCache cache;
    private final EntityCache customers;

    ChartController(AnalyticsCache cache, EntityCache customers) {
        this.cache = cache;
        this.customers = customers;
    }

    @QueryMapping
    List<Customer> topCustomers(@Argument Integer first) {
        int size = PageSize.of(first, PageRequest.MAX_PAGE_SIZE);
        List<String> ids = cache.topClvCustomerIds(size);
        Map<String, Customer> found = customers.customers(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @QueryMapping
    List<ValueCharts.RfmCell> rfmGrid() {
        return cache.rfmGrid();
    }

    @QueryMapping
    ValueCharts.Histogram clvHistogram(@Argument Integer bins) {
        int count = bins == null ? 20 : bins;
        if (count < 1 || count > MAX_BINS) {
            throw new BadRequestException("bins must be between 1 and " + MAX_BINS + ", was " + count);
        }
        return cache.clvHistogram(count);
    }

    @QueryMapping
    List<ValueCharts.CustomerPoint> valueSample(@Argument Integer first) {
        int size = PageSize.of(first, MAX_SAMPLE);
        return cache.valueSample(size);
    }

    @SchemaMapping(typeName = "Dashboard", field = "customers")
    long customers(DashboardController.Dashboard dashboard) {
        return cache.activity().customers();
    }

    @SchemaMapping(typeName = "Dashboard", field = "activeCustomers")
    long activeCustomers(DashboardController.Dashboard dashboard) {
        return cache.activity().active();
    }

    @SchemaMapping(typeName = "Dashboard", field = "activeDays")
    int activeDays(DashboardController.Dashboard dashboard) {
        return cache.activity().activeDays();
    }

    @SchemaMapping(typeName = "Dashboard", field = "lastOrderDate")
    java.time.LocalDate lastOrderDate(DashboardController.Dashboard dashboard) {
        return cache.activity().lastOrder();
    }

    @SchemaMapping(typeName = "RfmSegmentCount", field = "action")
    String action(AnalyticsReads.SegmentCount segment) {
        return Rfm.action(segment.segment());
    }
}
