package dev.custograph.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.custograph.analytics.Histograms;
import dev.custograph.graph.ActionReads;
import dev.custograph.graph.AnalyticsReads;
import dev.custograph.model.ActionCount;
import dev.custograph.model.NextBestActionSnapshot;
import dev.custograph.model.AnalyticsRunSummary;
import dev.custograph.model.BoughtTogether;
import dev.custograph.model.ChurnRiskSnapshot;
import dev.custograph.model.CustomerTotals;
import dev.custograph.model.DashboardMetrics;
import dev.custograph.model.ValueCharts;
import dev.custograph.model.SegmentSnapshot;
import dev.custograph.model.CustomerValueSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Caffeine caches for analytics results: per-customer values, churn risks and segments, runs, the current segments
 * and the RFM distribution, lifetime totals and the dashboard. Every write through this process's {@link Graph} drops
 * what it changed before it returns ({@link CacheInvalidation}), as for {@link EntityCache}; other processes' writes
 * show after {@code expireAfterWrite}.
 */
public final class AnalyticsCache {

    private static final String LATEST = "";
    /** The most products "bought together" a product keeps (and the API serves). */
    static final int MAX_BOUGHT_TOGETHER = 100;
    /** A customer counts as at risk on the dashboard from this churn probability. */
    static final double AT_RISK_THRESHOLD = 0.5;
    /** A customer counts as active on the dashboard with an order this many days before the last one. */
    static final int ACTIVE_DAYS = 90;

    private final BulkCache<CustomerValueSnapshot> values;
    private final LoadingCache<String, Optional<AnalyticsRunSummary>> runs;
    private final LoadingCache<String, List<AnalyticsReads.SegmentCount>> distribution;
    private final BulkCache<ChurnRiskSnapshot> churnRisks;
    private final BulkCache<String> segmentIds;
    private final LoadingCache<String, List<SegmentSnapshot>> segments;
    private final BulkCache<List<BoughtTogether>> boughtTogether;
    private final BulkCache<CustomerTotals> totals;
    private final LoadingCache<String, DashboardMetrics> dashboard;
    private final LoadingCache<String, ValueCharts.Activity> activity;
    private final LoadingCache<String, List<ValueCharts.RfmCell>> rfmGrid;
    private final LoadingCache<String, double[]> clvValues;
    private final LoadingCache<Integer, List<ValueCharts.CustomerPoint>> valueSamples;
    private final LoadingCache<Integer, List<String>> topClv;
    private final BulkCache<NextBestActionSnapshot> nextBestActions;
    private final LoadingCache<String, List<ActionCount>> actionCounts;

    public AnalyticsCache(AnalyticsReads reads, ActionReads actionReads, EntityCache.Settings settings,
                          MeterRegistry meters) {
        nextBestActions = new BulkCache<>("nextBestActions", actionReads::nextBestActions, settings, meters, true);
        actionCounts = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite())
                .recordStats().build(key -> actionReads.counts());
        CaffeineCacheMetrics.monitor(meters, actionCounts, "nextBestActionCounts");
        values = new BulkCache<>("customerValues", reads::customerValues, settings, meters, true);
        runs = Caffeine.newBuilder().maximumSize(100).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(id -> reads.run(id.equals(LATEST) ? null : id));
        distribution = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite())
                .recordStats().build(key -> reads.rfmDistribution());
        churnRisks = new BulkCache<>("churnRisks", reads::churnRisks, settings, meters, true);
        segmentIds = new BulkCache<>("customerSegments", reads::segmentIds, settings, meters, true);
        segments = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite())
                .recordStats().build(key -> reads.segments());
        CaffeineCacheMetrics.monitor(meters, segments, "segments");
        boughtTogether = EntityCache.build("boughtTogether", ids -> {
            Map<String, List<BoughtTogether>> found = reads.boughtTogether(ids, MAX_BOUGHT_TOGETHER);
            ids.forEach(id -> found.putIfAbsent(id, List.of()));
            return found;
        }, settings, meters);
        totals = EntityCache.build("customerTotals", reads::customerTotals, settings, meters);
        dashboard = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> reads.dashboard(AT_RISK_THRESHOLD));
        CaffeineCacheMetrics.monitor(meters, dashboard, "dashboard");
        activity = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> reads.activity(ACTIVE_DAYS));
        rfmGrid = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> reads.rfmGrid());
        clvValues = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(key -> reads.clvValues());
        valueSamples = Caffeine.newBuilder().maximumSize(8).expireAfterWrite(settings.expireAfterWrite())
                .recordStats().build(reads::valueSample);
        topClv = Caffeine.newBuilder().maximumSize(8).expireAfterWrite(settings.expireAfterWrite()).recordStats()
                .build(reads::topClvCustomerIds);
        CaffeineCacheMetrics.monitor(meters, topClv, "topClvCustomers");
        CaffeineCacheMetrics.monitor(meters, activity, "customerActivity");
        CaffeineCacheMetrics.monitor(meters, rfmGrid, "rfmGrid");
        CaffeineCacheMetrics.monitor(meters, clvValues, "clvValues");
        CaffeineCacheMetrics.monitor(meters, valueSamples, "valueSamples");
        CaffeineCacheMetrics.monitor(meters, runs, "analyticsRuns");
        CaffeineCacheMetrics.monitor(meters, distribution, "rfmDistribution");
    }

    public Map<String, CustomerValueSnapshot> values(Collection<String> ids) {
        return values.getAll(Set.copyOf(ids));
    }

    /** The run with this id, or the latest when null. */
    public Optional<AnalyticsRunSummary> run(String id) {
        return runs.get(id == null ? LATEST : id);
    }

    public List<AnalyticsReads.SegmentCount> rfmDistribution() {
        return distribution.get(LATEST);
    }

    public Map<String, ChurnRiskSnapshot> churnRisks(Collection<String> ids) {
        return churnRisks.getAll(Set.copyOf(ids));
    }

    /** The current segment id of each customer that has one. */
    public Map<String, String> segmentIds(Collection<String> ids) {
        return segmentIds.getAll(Set.copyOf(ids));
    }

    /** The current segments, largest first. */
    public List<SegmentSnapshot> segments() {
        return segments.get(LATEST);
    }

    /** The products bought together with this one, highest lift first (empty without rules). */
    public List<BoughtTogether> boughtTogether(String productId) {
        return boughtTogether.get(productId);
    }

    /** Each customer's lifetime totals. */
    public Map<String, CustomerTotals> totals(Collection<String> ids) {
        return totals.getAll(Set.copyOf(ids));
    }

    BulkCache<CustomerTotals> totalsCache() {
        return totals;
    }

    BulkCache<CustomerValueSnapshot> valuesCache() {
        return values;
    }

    BulkCache<ChurnRiskSnapshot> churnRisksCache() {
        return churnRisks;
    }

    BulkCache<String> segmentIdsCache() {
        return segmentIds;
    }

    /** Each customer's next best action, for those that have one. */
    public Map<String, NextBestActionSnapshot> nextBestActions(Collection<String> ids) {
        return nextBestActions.getAll(Set.copyOf(ids));
    }

    /** Customers per action of the latest actions run, most first. */
    public List<ActionCount> actionCounts() {
        return actionCounts.get(LATEST);
    }

    public DashboardMetrics dashboard() {
        return dashboard.get(LATEST);
    }

    public ValueCharts.Activity activity() {
        return activity.get(LATEST);
    }

    public List<ValueCharts.RfmCell> rfmGrid() {
        return rfmGrid.get(LATEST);
    }

    public ValueCharts.Histogram clvHistogram(int bins) {
        return Histograms.of(clvValues.get(LATEST), bins);
    }

    public List<ValueCharts.CustomerPoint> valueSample(int size) {
        return valueSamples.get(size);
    }

    public List<String> topClvCustomerIds(int size) {
        return topClv.get(size);
    }

    private void chartsOfValuesChanged() {
        topClv.invalidateAll();
        rfmGrid.invalidateAll();
        clvValues.invalidateAll();
        valueSamples.invalidateAll();
    }

    /** A customer placed an order: its totals and the revenue figures moved; stored analytics did not. */
    void orderPlaced(String customerId) {
        totals.invalidate(customerId);
        dashboard.invalidateAll();
        activity.invalidateAll();
    }

    /** Customers changed, merged or were erased: everything held per customer, and the aggregates they are in. */
    void forgetCustomers(Collection<String> ids) {
        totals.invalidateAll(ids);
        values.invalidateAll(ids);
        churnRisks.invalidateAll(ids);
        segmentIds.invalidateAll(ids);
        nextBestActions.invalidateAll(ids);
        actionCounts.invalidateAll();
        segments.invalidateAll();
        distribution.invalidateAll();
        dashboard.invalidateAll();
        activity.invalidateAll();
        chartsOfValuesChanged();
    }

    /** An analytics run wrote values (RFM, CLV, P(alive)) and recorded itself. */
    void valuesWritten() {
        values.invalidateAll();
        runs.invalidateAll();
        distribution.invalidateAll();
        chartsOfValuesChanged();
    }

    void churnWritten() {
        churnRisks.invalidateAll();
        dashboard.invalidateAll();
        valueSamples.invalidateAll();
    }

    void segmentsWritten() {
        segmentIds.invalidateAll();
        segments.invalidateAll();
        dashboard.invalidateAll();
        valueSamples.invalidateAll();
    }

    /** An actions run replaced every customer's next best action. */
    void actionsWritten() {
        nextBestActions.invalidateAll();
        actionCounts.invalidateAll();
    }

    /** A rules run replaced BOUGHT_WITH. */
    void rulesWritten() {
        boughtTogether.invalidateAll();
    }

    void invalidateAll() {
        totals.invalidateAll();
        dashboard.invalidateAll();
        activity.invalidateAll();
        chartsOfValuesChanged();
        boughtTogether.invalidateAll();
        churnRisks.invalidateAll();
        segmentIds.invalidateAll();
        segments.invalidateAll();
        values.invalidateAll();
        runs.invalidateAll();
        distribution.invalidateAll();
        actionsWritten();
    }
}
