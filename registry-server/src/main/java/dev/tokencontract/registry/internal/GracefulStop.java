package dev.tokencontract.registry.internal;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.Graceful;

/**
 * Stops the server in two steps, so that an expired grace is an ordinary outcome rather than an exception:
 * stop accepting and wait up to the grace for in-flight requests (Jetty's graceful shutdown, done here
 * instead of by {@code Server.stop()} with a stop timeout, which throws and makes Javalin log a stack
 * trace), then stop Jetty, cutting off whatever still runs. Never throws; an expired grace or a failed stop
 * is one JSON line in the log.
 */
final class GracefulStop {
    private GracefulStop() {}

    static void stop(Javalin app, Duration grace, Consumer<String> log, Clock clock) {
        Server jetty = app.jettyServer().server();
        if (!jetty.isStarted() || jetty.isStopping()) {
            return;
        }
        if (!grace.isZero() && !grace.isNegative()) {
            try {
                Graceful.shutdown(jetty).get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.accept(event(clock, "shutdown-grace-expired")
                        .put("graceMs", grace.toMillis())
                        .put("then", "requests still running are cut off")
                        .toString());
            } catch (ExecutionException e) {
                log.accept(event(clock, "shutdown-drain-failed")
                        .put("detail", Problem.shorten(String.valueOf(e.getCause())))
                        .toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            log.accept(event(clock, "stop-failed")
                    .put("detail", Problem.shorten(String.valueOf(e)))
                    .toString());
        }
    }

    private static tools.jackson.databind.node.ObjectNode event(Clock clock, String event) {
        return Json.NODES.objectNode().put("time", clock.instant().toString()).put("event", event);
    }
}
