package dev.tokencontract.registry.internal;

import dev.tokencontract.registry.internal.ui.UiRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Builds the Javalin app: every route, problem handling, request logging and graceful stop. */
public final class RegistryApp {
    public static final String OPENAPI_RESOURCE = "tokencontract/registry/openapi.json";

    /** A registered route, for the OpenAPI completeness test. */
    public record Route(String method, String path) {}

    private RegistryApp() {}

    /** Stops {@code app} (created here): in-flight requests get {@code services.shutdownGrace}; never throws. */
    public static void stop(Javalin app, Services services, Consumer<String> log) {
        GracefulStop.stop(app, services.shutdownGrace, log, services.clock);
    }

    public static Javalin create(Services services, Consumer<String> log, List<Route> routes) {
        ReadRoutes reads = new ReadRoutes(services);
        WriteRoutes writes = new WriteRoutes(services, reads);
        ExplainRoute explain = new ExplainRoute(services);
        byte[] openApi = openApi();
        RequestLog requestLog = new RequestLog(log, services.metrics, services.clock);
        AllowedMethods allowed = new AllowedMethods();
        Javalin app = Javalin.create(cfg -> {
            configure(cfg, services, log);
            cfg.requestLogger.http(requestLog::log);
            cfg.events.handlerAdded(info -> {
                if (info.getHttpMethod().isHttpMethod()) {
                    allowed.add(info.getHttpMethod().name(), info.getPath());
                    if (info.getHttpMethod() != HandlerType.HEAD) { // HEAD mirrors every GET: not a route of its own
                        routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
                    }
                }
            });
            cfg.routes.before(ctx -> {
                if (ctx.method() == HandlerType.DELETE) {
                    throw Problem.of(
                                    ProblemCode.METHOD_NOT_ALLOWED,
                                    "nothing is ever deleted: published versions are "
                                            + "immutable; deprecate a version with PUT .../versions/{version}/state")
                            .header("Allow", allowed.on(ctx.path()));
                }
            });
            // HEAD runs the GET handler (Jetty sends no body): Javalin's own HEAD answers 200 without running it
            BiConsumer<String, Handler> get = (path, handler) -> {
                cfg.routes.get(path, handler);
                cfg.routes.head(path, handler);
            };
            get.accept("/", ctx -> {
                ctx.header("Vary", "Accept");
                if (UiRoutes.prefersHtml(ctx)) { // a browser goes to the pages; API clients keep the JSON
                    UiRoutes.redirectToPages(ctx);
                    return;
                }
                Http.json(
                        ctx,
                        200,
                        Json.NODES
                                .objectNode()
                                .put("service", "tokencontract registry")
                                .put("contracts", "/contracts")
                                .put("openapi", "/openapi.json")
                                .put("docs", "https://tokencontract.dev/docs/registry-api"));
            });
            get.accept("/contracts", reads::list);
            get.accept("/contracts/{name}", reads::summary);
            get.accept("/contracts/{name}/versions", reads::versions);
            cfg.routes.post("/contracts/{name}/versions", writes::publish);
            get.accept("/contracts/{name}/versions/{version}", reads::version);
            cfg.routes.put("/contracts/{name}/versions/{version}/state", writes::state);
            cfg.routes.post("/contracts/{name}/compatibility", writes::compatibility);
            get.accept("/contracts/{name}/diff", reads::diff);
            get.accept("/contracts/{name}/config", reads::config);
            cfg.routes.put("/contracts/{name}/config", writes::config);
            get.accept("/audit", writes::audit);
            cfg.routes.post(ExplainRoute.PATH, explain::explain);
            get.accept("/openapi.json", ctx -> ctx.contentType(Http.JSON).result(openApi));
            get.accept(
                    "/health/live",
                    ctx -> Http.json(ctx, 200, Json.NODES.objectNode().put("status", "live")));
            get.accept("/health/ready", ctx -> {
                if (!services.store.reachable()) {
                    throw Problem.of(ProblemCode.STORE_UNAVAILABLE, "the store does not answer");
                }
                Http.json(ctx, 200, Json.NODES.objectNode().put("status", "ready"));
            });
            get.accept(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(services.metrics.scrape()));
            UiRoutes.register(cfg, get, services, reads);
            cfg.routes.exception(Problem.class, (problem, ctx) -> {
                if (UiRoutes.servesHtml(ctx)) {
                    UiRoutes.problemPage(ctx, problem);
                } else {
                    Http.problem(ctx, problem);
                }
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                Problem problem = fromJavalin(e);
                if (e.getStatus() == 405) {
                    problem.header("Allow", allowed.on(ctx.path()));
                }
                if (UiRoutes.servesHtml(ctx)) {
                    UiRoutes.problemPage(ctx, problem);
                } else {
                    Http.problem(ctx, problem);
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                log.accept("{\"error\":\"unhandled " + e.getClass().getName() + "\"}");
                Problem failed = Problem.of(ProblemCode.INTERNAL_ERROR, "the registry failed; the error is logged");
                if (UiRoutes.servesHtml(ctx)) {
                    UiRoutes.problemPage(ctx, failed);
                } else {
                    Http.problem(ctx, failed);
                }
            });
            cfg.routes.error(
                    404,
                    "*",
                    ctx -> unlessProblem(
                            ctx,
                            Problem.of(
                                    ProblemCode.NOT_FOUND,
                                    "no route " + ctx.method().name() + " " + Problem.shorten(ctx.path()))));
            cfg.routes.error(
                    405,
                    "*",
                    ctx -> unlessProblem(
                            ctx,
                            Problem.of(
                                            ProblemCode.METHOD_NOT_ALLOWED,
                                            "this route does not accept "
                                                    + Problem.shorten(
                                                            ctx.method().name()))
                                    .header("Allow", allowed.on(ctx.path()))));
        });
        return app;
    }

    private static void configure(JavalinConfig cfg, Services services, Consumer<String> log) {
        cfg.jsonMapper(new JavalinJackson3());
        cfg.startup.startupWatcherEnabled = false;
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.generateEtags = false;
        cfg.http.maxRequestSize = Services.MAX_CONTRACT_BYTES + 1;
        cfg.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
        cfg.jetty.modifyServer(server -> {
            GracefulHandler graceful = new GracefulHandler();
            // bodies are read before a worker runs the route, without holding one (slow clients cost no thread)
            BufferedBodies bodies = new BufferedBodies(
                    Services.MAX_CONTRACT_BYTES,
                    services.limits.bodyDeadline(),
                    services.limits.minBodyBytesPerSecond(),
                    services.limits.maxPendingBodyBytes());
            bodies.setHandler(new BareNotModified());
            graceful.setHandler(bodies);
            server.setHandler(graceful); // Javalin nests its context inside: in-flight requests finish on stop
            server.setErrorHandler(new JettyProblems(services, log));
            server.setStopTimeout(0); // the grace is waited out by GracefulStop, before Jetty is stopped
        });
    }

    private static void unlessProblem(Context ctx, Problem problem) {
        String type = ctx.res().getContentType();
        if (type != null && (type.startsWith(Http.PROBLEM_JSON) || type.startsWith("text/html"))) {
            return; // already answered: a problem, or a page's own error page
        }
        if (UiRoutes.servesHtml(ctx)) {
            UiRoutes.problemPage(ctx, problem);
        } else {
            Http.problem(ctx, problem);
        }
    }

    private static Problem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 413 ->
                Problem.of(
                        ProblemCode.BODY_TOO_LARGE,
                        "request bodies are limited to " + Services.MAX_CONTRACT_BYTES + " bytes");
            case 404 -> Problem.of(ProblemCode.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "method not allowed");
            default ->
                e.getStatus() < 500
                        ? Problem.of(ProblemCode.INVALID_BODY, "the request could not be read")
                        : Problem.of(ProblemCode.INTERNAL_ERROR, "the registry failed");
        };
    }

    static byte[] openApi() {
        try (InputStream in = RegistryApp.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the registry-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
