package dev.tokencontract.registry.internal.ui;

import dev.tokencontract.registry.internal.Problem;
import dev.tokencontract.registry.internal.ProblemCode;
import dev.tokencontract.registry.internal.ReadRoutes;
import dev.tokencontract.registry.internal.Services;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The registry's web pages under {@value #PREFIX}: server-rendered HTML (see {@link Html}, {@link Layout}) plus
 * small same-origin scripts from {@value Layout#STATIC}. Every {@code /ui} response carries {@link UiHeaders};
 * failures on a page are HTML error pages, failures under {@value #API} stay {@code application/problem+json}.
 * The pages only read: they call no store write; the admin page's changes go through the JSON API from the browser
 * with the admin's own token.
 */
public final class UiRoutes {
    public static final String PREFIX = "/ui";
    /** JSON endpoints the pages call (e.g. {@code POST /ui/api/explain}); their errors are problem JSON. */
    public static final String API = "/ui/api/";

    private UiRoutes() {}

    /**
     * Registers the pages; {@code get} registers a GET (and its HEAD) route. Each page is one class with a
     * {@code render(Context)} method; add a page by adding one line here.
     */
    public static void register(
            JavalinConfig cfg, BiConsumer<String, Handler> get, Services services, ReadRoutes reads) {
        StaticFiles files = new StaticFiles();
        Facts facts = new Facts();
        cfg.routes.before(ctx -> {
            if (underUi(ctx.path())) {
                UiHeaders.apply(ctx);
            }
        });
        get.accept(PREFIX, ctx -> redirect(ctx, "/ui/contracts"));
        get.accept(PREFIX + "/", ctx -> redirect(ctx, "/ui/contracts"));
        get.accept(PREFIX + "/static/{file}", ctx -> serve(ctx, files));
        get.accept(PREFIX + "/contracts", new ContractsPage(services, facts)::render);
        get.accept(PREFIX + "/contracts/{name}", new ContractPage(services, facts)::render);
        get.accept(PREFIX + "/admin", new AdminPage(services)::render);
        get.accept(PREFIX + "/api", new ApiPage()::render);
        get.accept(
                PREFIX + "/contracts/{name}/compare", new ComparePage(services, new PublishVerdicts(services))::render);
        get.accept(PREFIX + "/explain", new ExplainPage(services, facts)::render);
    }

    /** True for a request whose failures are answered with an HTML page: under {@code /ui}, not under the API. */
    public static boolean servesHtml(Context ctx) {
        return underUi(ctx.path()) && !ctx.path().startsWith(API);
    }

    /** {@code problem} as an HTML error page with the problem's status, detail and headers. */
    public static void problemPage(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        ErrorPage.send(ctx, problem.code().status(), problem.code().title(), problem.detail());
    }

    /**
     * True when the client's {@code Accept} prefers {@code text/html} to JSON (a browser), so {@code GET /} sends
     * it to the pages; API clients ({@code application/json}, {@code *}{@code /*}, no header) keep their JSON.
     */
    public static boolean prefersHtml(Context ctx) {
        return AcceptHeader.prefersHtml(ctx.header("Accept"));
    }

    static void html(Context ctx, int status, String document) {
        UiHeaders.apply(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.status(status).contentType("text/html; charset=utf-8").result(document.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code 303 See Other} to the contracts page. */
    public static void redirectToPages(Context ctx) {
        redirect(ctx, "/ui/contracts");
    }

    static void redirect(Context ctx, String location) {
        ctx.header("Location", location).status(303);
    }

    private static void serve(Context ctx, StaticFiles files) {
        StaticFiles.File file = files.find(ctx.pathParam("file"))
                .orElseThrow(() -> Problem.of(ProblemCode.NOT_FOUND, "no such file under /ui/static/"));
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(file.contentType()).result(file.bytes());
    }

    private static boolean underUi(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }
}
