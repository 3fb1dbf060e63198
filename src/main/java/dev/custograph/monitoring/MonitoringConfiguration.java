package dev.custograph.monitoring;

import dev.custograph.analytics.AnalyticsRuns;
import dev.custograph.audit.AuditLog;
import dev.custograph.graph.Graph;
import dev.custograph.jobs.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code custograph} health indicator, with its thresholds from {@code custograph.alerts.*}. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean
    CustographHealth custographHealthIndicator(MeterRegistry meters, Jobs jobs, AuditLog audit, Graph graph,
                                               @Value("${custograph.alerts.heap-warn:0.85}") double heapWarn,
                                               @Value("${custograph.alerts.heap-error:0.95}") double heapError,
                                               @Value("${custograph.alerts.read-latency-warn-ms:1000}") double readWarn,
                                               @Value("${custograph.alerts.read-latency-error-ms:5000}") double readError,
                                               @Value("${custograph.alerts.audit-backlog-warn:10000}") int auditWarn) {
        return new CustographHealth(new AlertThresholds(heapWarn, heapError, readWarn, readError, auditWarn), meters,
                () -> jobs.recent(null), audit::backlog, () -> AnalyticsRuns.lastAtOnce(graph));
    }
}
