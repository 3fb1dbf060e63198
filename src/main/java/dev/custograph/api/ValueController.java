package dev.custograph.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.custograph.analytics.ProbabilisticValue;
import dev.custograph.graph.AnalyticsReads;
import dev.custograph.model.AnalyticsRunSummary;
import dev.custograph.model.Customer;
import dev.custograph.model.CustomerValueSnapshot;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Analytics results on the API: a customer's value, the RFM distribution, analytics runs. All cached. */
@Controller
class ValueController {

    /** The {@code Rfm} type. */
    record Rfm(int recencyDays, int frequency, double monetary, int r, int f, int m, double score, String segment) {
    }

    record BgNbdParameters(double r, double alpha, double a, double b) {
    }

    record GammaGammaParameters(double p, double q, double gamma) {
    }

    private final AnalyticsCache cache;

    ValueController(AnalyticsCache cache) {
        this.cache = cache;
    }

    @BatchMapping(typeName = "Customer", field = "value")
    Map<Customer, CustomerValueSnapshot> value(List<Customer> customers) {
        Map<String, CustomerValueSnapshot> byId = cache.values(customers.stream().map(Customer::customerId).toList());
        return customers.stream().distinct().filter(c -> byId.get(c.customerId()) != null)
                .collect(Collectors.toMap(Function.identity(), c -> byId.get(c.customerId())));
    }

    @SchemaMapping(typeName = "CustomerValue", field = "rfm")
    Rfm rfm(CustomerValueSnapshot v) {
        return new Rfm(v.recencyDays(), v.frequency(), v.monetary(), v.rScore(), v.fScore(), v.mScore(), v.rfmScore(),
                v.rfmSegment());
    }

    /**
     * Without a horizon, the stored value of the run; with one, BG/NBD's conditional expectation recomputed from the
     * run's parameters and the customer's stored history summary.
     */
    @SchemaMapping(typeName = "CustomerValue", field = "expectedPurchases")
    Double expectedPurchases(CustomerValueSnapshot v, @Argument Double horizon) {
        if (horizon == null) {
            return v.expectedPurchases();
        }
        if (horizon < 0 || !Double.isFinite(horizon)) {
            throw new BadRequestException("horizon must be zero or positive, got " + horizon);
        }
        return ProbabilisticValue.expectedPurchases(cache.run(v.runId()).orElse(null), v, horizon);
    }

    @QueryMapping
    List<AnalyticsReads.SegmentCount> rfmDistribution() {
        return cache.rfmDistribution();
    }

    @QueryMapping
    AnalyticsRunSummary analyticsRun(@Argument String id) {
        return cache.run(id).orElse(null);
    }

    @SchemaMapping(typeName = "AnalyticsRun", field = "id")
    String runId(AnalyticsRunSummary run) {
        return run.runId();
    }

    @SchemaMapping(typeName = "AnalyticsRun", field = "finishedAt")
    String finishedAt(AnalyticsRunSummary run) {
        return run.finishedAt() == null ? null : run.finishedAt().toString();
    }

    @SchemaMapping(typeName = "AnalyticsRun", field = "bgnbd")
    BgNbdParameters bgnbd(AnalyticsRunSummary run) {
        return run.r() == null ? null : new BgNbdParameters(run.r(), run.alpha(), run.a(), run.b());
    }

    @SchemaMapping(typeName = "AnalyticsRun", field = "gammaGamma")
    GammaGammaParameters gammaGamma(AnalyticsRunSummary run) {
        return run.p() == null ? null : new GammaGammaParameters(run.p(), run.q(), run.v());
    }
}
