package dev.tokencontract.registry.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (an ambiguous or malformed URI such as {@code %00},
 * a bad header) as problem+json too, never as Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
    private static final HttpField PROBLEM = new HttpField(HttpHeader.CONTENT_TYPE, Http.PROBLEM_JSON);

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(PROBLEM);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(PROBLEM);
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        Problem problem = switch (status) {
            case 404 -> Problem.of(ProblemCode.NOT_FOUND, "no such resource");
            case 405 -> Problem.of(ProblemCode.METHOD_NOT_ALLOWED, "method not allowed");
            case 413 -> Problem.of(ProblemCode.BODY_TOO_LARGE, "the request is too large");
            default -> status >= 500
                    ? Problem.of(ProblemCode.INTERNAL_ERROR, "the registry failed")
                    : Problem.of(ProblemCode.BAD_REQUEST, "the HTTP request is malformed (for example a control character or "
                            + "an ambiguous encoding in the path)");
        };
        return Json.bytes(problem.toJson().put("status", status));
    }
}
