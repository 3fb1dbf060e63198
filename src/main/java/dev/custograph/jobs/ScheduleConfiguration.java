package dev.custograph.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.custograph.actions.ActionPolicy;
import dev.custograph.care.CareLists;
import dev.custograph.graph.Graph;
import dev.custograph.model.InvalidParameterException;
import dev.custograph.recommend.Recommendations;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The background jobs of the server and their schedules (docs/operations.md). Each schedule is a Spring cron
 * expression ({@code second minute hour day month weekday}, e.g. {@code 0 0 2 * * *} for 02:00 every night) in the
 * server's time zone, or {@code -} for none (the default). A scheduled job goes through {@link Jobs} like one the API
 * starts, so it never runs twice at once, and it is retried with a doubling back-off.
 * <ul>
 *   <li>{@code custograph.schedule.refresh.cron}: the analytics refresh ({@link AnalyticsRefresh}): value, segments,
 *       and churn, rules and similar customers when their settings are given
 *       ({@code custograph.schedule.refresh.churn-horizon-days}, {@code .rules-min-support},
 *       {@code .rules-min-confidence}, {@code .similar-k});</li>
 *   <li>{@code custograph.schedule.care-lists.cron}: the care lists as CSV files in
 *       {@code custograph.care-lists.directory}, for the next {@code custograph.care-lists.days} days.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleConfiguration.class);

    @Bean(destroyMethod = "close")
    Jobs jobs(MeterRegistry meters) {
        return new Jobs(meters);
    }

    /** The next-best-action policy refreshes decide by: custograph.actions.policy, or the default. */
    @Bean
    ActionPolicy actionPolicy(@Value("${custograph.actions.policy:}") String file) {
        try {
            return file.isBlank() ? ActionPolicy.defaults() : ActionPolicy.read(java.nio.file.Path.of(file));
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException("custograph.actions.policy: " + e.reason());
        }
    }

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler jobScheduler(
            Jobs jobs, Graph graph, ActionPolicy policy, Recommendations recommendations,
            @Value("${custograph.schedule.retry.max-attempts:3}") int maxAttempts,
            @Value("${custograph.schedule.retry.first-delay:5m}") Duration firstDelay,
            @Value("${custograph.schedule.refresh.cron:-}") String refreshCron,
            @Value("${custograph.schedule.refresh.segments:true}") boolean segments,
            @Value("${custograph.schedule.refresh.churn-horizon-days:#{null}}") Integer churnHorizonDays,
            @Value("${custograph.schedule.refresh.rules-min-support:#{null}}") Double rulesMinSupport,
            @Value("${custograph.schedule.refresh.rules-min-confidence:#{null}}") Double rulesMinConfidence,
            @Value("${custograph.schedule.refresh.similar-k:#{null}}") Integer similarK,
            @Value("${custograph.schedule.care-lists.cron:-}") String careListsCron,
            @Value("${custograph.care-lists.directory:./care-lists}") Path careListsDirectory,
            @Value("${custograph.care-lists.days:14}") int careListDays) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("custograph-schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        Jobs.Retry retry = new Jobs.Retry(maxAttempts, firstDelay);
        AnalyticsRefresh.Plan plan;
        try {
            plan = new AnalyticsRefresh.Plan(null, segments, null, churnHorizonDays, rulesMinSupport,
                    rulesMinConfidence, similarK);
        } catch (InvalidParameterException e) {
            // Configuration words a field as its property.
            throw new IllegalArgumentException(e.worded(field -> "custograph.schedule.refresh."
                    + InvalidParameterException.kebabCase(field)));
        }
        new CareLists.Settings(LocalDate.now(), careListDays, 0.8, 0.5, 10_000); // refuses bad days at start
        schedule(scheduler, "custograph.schedule.refresh.cron", refreshCron, () -> jobs.start("refresh",
                progress -> new AnalyticsRefresh(graph, policy, recommendations).run(plan, progress), retry, "schedule"));
        schedule(scheduler, "custograph.schedule.care-lists.cron", careListsCron, () -> jobs.start("care-lists",
                progress -> new CareLists(graph).writeAll(careListsDirectory, new CareLists.Settings(LocalDate.now(),
                        careListDays, 0.8, 0.5, 10_000)), retry, "schedule"));
        return scheduler;
    }

    private static void schedule(ThreadPoolTaskScheduler scheduler, String property, String cron, Runnable start) {
        if (cron == null || cron.isBlank() || cron.equals("-")) {
            return;
        }
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException(property + ": '" + cron + "' is not a cron expression (six fields: "
                    + "second minute hour day month weekday, e.g. '0 0 2 * * *')");
        }
        scheduler.schedule(start, new CronTrigger(cron, ZoneId.systemDefault()));
        LOG.info("Scheduled {} at '{}' (next {})", property, cron,
                CronExpression.parse(cron).next(java.time.LocalDateTime.now()));
    }
}
