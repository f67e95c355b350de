package dev.tokencontract.registry.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The registry's meters, scraped at {@code /metrics} in Prometheus text format: requests by route template
 * and status ({@code http_server_requests_seconds}), publish outcomes ({@code registry_publish_total}) and
 * store latency by operation ({@code registry_store_seconds}).
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Request timers by method, route template and status: a bounded set, looked up on every request. */
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();

    /** The methods that become a label as themselves (RFC 9110's and PATCH); any other token is {@code other}. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    /**
     * Records one request. {@code route} must be a registered route template or a fixed word ({@code unmatched},
     * {@code rejected}); a method outside {@link #KNOWN_METHODS} and a status outside 100..599 are bucketed, so
     * hostile requests cannot grow the label set.
     */
    public void request(String method, String route, int status, long nanos) {
        String methodLabel = method != null && KNOWN_METHODS.contains(method) ? method : "other";
        int statusLabel = status >= 100 && status <= 599 ? status : 0;
        requestTimers
                .computeIfAbsent(
                        methodLabel + ' ' + statusLabel + ' ' + route,
                        k -> Timer.builder("http.server.requests")
                                .description("HTTP requests by route template and status")
                                .tag("method", methodLabel)
                                .tag("route", route)
                                .tag("status", Integer.toString(statusLabel))
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void publish(String outcome) {
        Counter.builder("registry.publish")
                .description("publish attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public Timer store(String operation) {
        return Timer.builder("registry.store")
                .description("store calls by operation")
                .tag("operation", operation)
                .register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }
}
