package dev.tokencontract.registry.internal;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * One structured line per request, JSON: time, method, route template, path, status, duration. Never the
 * query string, headers or body, so a token cannot reach the log. Also feeds the request metrics.
 */
public final class RequestLog {
    private final Consumer<String> sink;
    private final Metrics metrics;
    private final Clock clock;

    public RequestLog(Consumer<String> sink, Metrics metrics, Clock clock) {
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void log(Context ctx, float millis) {
        String route = route(ctx);
        int status = ctx.status().getCode();
        metrics.request(ctx.method().name(), route, status, (long) (millis * 1_000_000L));
        sink.accept(Json.MAPPER.writeValueAsString(Json.NODES
                .objectNode()
                .put("time", clock.instant().toString())
                .put("method", ctx.method().name())
                .put("route", route)
                .put("path", ctx.path())
                .put("status", status)
                .put("ms", Math.round(millis * 100) / 100.0)));
    }

    /** The matched route template ({@code /contracts/{name}}), or {@code unmatched}: bounded metric labels. */
    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
