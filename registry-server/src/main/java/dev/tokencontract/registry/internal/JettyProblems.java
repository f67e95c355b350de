package dev.tokencontract.registry.internal;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (an ambiguous or malformed URI such as {@code %00},
 * headers too large) as problem+json too, never as Jetty's HTML page. They are counted in the request
 * metrics and logged under the route {@code rejected}; a rejected POST or PUT (a write attempt whose caller
 * was never checked) is also audited, as {@code anonymous} with no name.
 */
final class JettyProblems extends ErrorHandler {
    static final String ROUTE = "rejected";
    private static final HttpField PROBLEM = new HttpField(HttpHeader.CONTENT_TYPE, Http.PROBLEM_JSON);

    private final Services services;
    private final Consumer<String> log;

    JettyProblems(Services services, Consumer<String> log) {
        this.services = services;
        this.log = log;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String method = request.getMethod();
        record(
                method,
                Problem.shorten(
                        request.getHttpURI().getPath() == null
                                ? ""
                                : request.getHttpURI().getPath()),
                code);
        if ("POST".equals(method) || "PUT".equals(method)) {
            try {
                new Audit(services.store, services.clock, "rejected")
                        .record(code, problem(code).code().code());
            } catch (RuntimeException storeDown) {
                // the answer still goes out; the store's own failure is answered elsewhere
            }
        }
        response.getHeaders().put(PROBLEM);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    // Jetty 12.1 deprecates this for removal but still calls it for requests its parser rejects (a bad request
    // line or header), before any handler runs; overriding it is the only way to answer those as problem+json
    // and to log them. Remove with the Jetty upgrade that stops calling it.
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        record(null, null, status); // the request line or headers could not be parsed: nothing of it is trusted
        fields.put(PROBLEM);
        return ByteBuffer.wrap(body(status));
    }

    private void record(String method, String path, int status) {
        services.metrics.request(method, ROUTE, status, 0);
        log.accept(Json.MAPPER.writeValueAsString(Json.NODES
                .objectNode()
                .put("time", services.clock.instant().toString())
                .put("method", method == null ? null : Problem.shorten(method))
                .put("route", ROUTE)
                .put("path", path)
                .put("status", status)));
    }

    private static byte[] body(int status) {
        return Json.bytes(problem(status).toJson().put("status", status));
    }

    private static Problem problem(int status) {
        return switch (status) {
            case 404 -> Problem.of(ProblemCode.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "method not allowed");
            case 413 -> Problem.of(ProblemCode.BODY_TOO_LARGE, "the request is too large");
            default ->
                status >= 500
                        ? Problem.of(ProblemCode.INTERNAL_ERROR, "the registry failed")
                        : Problem.of(
                                ProblemCode.BAD_REQUEST,
                                "the HTTP request is malformed (for example a control character or "
                                        + "an ambiguous encoding in the path)");
        };
    }
}
