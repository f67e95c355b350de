package dev.tokencontract.registry.internal;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import tools.jackson.databind.JsonNode;

/** Small request and response helpers every route shares. */
public final class Http {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Http() {}

    public static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(JSON).result(Json.bytes(body));
    }

    public static void problem(Context ctx, Problem problem) {
        problem.headers().forEach(ctx::header);
        ctx.status(problem.code().status()).contentType(PROBLEM_JSON).result(Json.bytes(problem.toJson()));
    }

    /**
     * The request body as UTF-8 text, at most {@code maxBytes}: a larger declared or actual body is a 413
     * before more than {@code maxBytes + 1} bytes are read; bytes that are not UTF-8 are a 400. Every body
     * is JSON: an explicit other media type (a form, {@code text/plain}) or any content coding is a 415; no
     * {@code Content-Type} at all is read as JSON. A body that did not arrive in time is a 408.
     */
    public static String body(Context ctx, int maxBytes) {
        requireJson(ctx);
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            if (causedBy(e, BufferedBodies.TooManyBodies.class)) {
                throw Problem.of(
                                ProblemCode.RATE_LIMITED,
                                "the registry is receiving too many request bodies at once; retry " + "in a second")
                        .header("Retry-After", "1");
            }
            if (timedOut(e)) {
                throw Problem.of(
                        ProblemCode.BODY_TIMEOUT,
                        "the request body did not arrive in time: send it whole within "
                                + "the registry's body deadline (see Limits in docs/registry-api.md)");
            }
            throw Problem.of(ProblemCode.INVALID_BODY, "the request body could not be read");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.of(ProblemCode.INVALID_JSON, "the request body is not UTF-8");
        }
    }

    private static void requireJson(Context ctx) {
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw Problem.of(
                            ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                            "request bodies are not decoded: send them without " + "Content-Encoding")
                    .header("Accept-Encoding", "identity");
        }
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank()) {
            return;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals(JSON) && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw Problem.of(
                    ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be JSON: send 'Content-Type: " + JSON + "' (got '" + Problem.shorten(media) + "')");
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || (cause instanceof HttpException http && http.getCode() == 408)) {
                return true;
            }
        }
        return false;
    }

    private static Problem tooLarge(int maxBytes) {
        return Problem.of(ProblemCode.BODY_TOO_LARGE, "request bodies are limited to " + maxBytes + " bytes")
                .with("maxBytes", Json.NODES.numberNode(maxBytes));
    }

    /** A 304: status and the validators already set, no {@code Content-Type} and no {@code Content-Length}. */
    public static void notModified(Context ctx) {
        ctx.status(304);
        ctx.res().setContentType(null);
    }

    /**
     * The request's one {@code Authorization} header, or null. Two or more are a 400 {@code bad-request}:
     * the field is not a list (RFC 9110 section 11.6.2) and picking one would let a proxy and the registry
     * judge different credentials.
     */
    public static String authorization(Context ctx) {
        Enumeration<String> values = ctx.req().getHeaders("Authorization");
        String first = null;
        int count = 0;
        while (values != null && values.hasMoreElements()) {
            String value = values.nextElement();
            if (count++ == 0) {
                first = value;
            }
        }
        if (count > 1) {
            throw Problem.of(ProblemCode.BAD_REQUEST, "send one Authorization header, not " + count);
        }
        return first;
    }

    /** A boolean query parameter: absent is {@code false}; anything but true/false is a 400. */
    public static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw Problem.of(ProblemCode.INVALID_PARAMETER, "'" + name + "' is true or false");
    }

    /** {@code ?acknowledge=authorization-widening}: the only acknowledgement there is. */
    public static boolean wideningAcknowledged(Context ctx) {
        String value = ctx.queryParam("acknowledge");
        if (value == null) {
            return false;
        }
        if (value.equals("authorization-widening")) {
            return true;
        }
        throw Problem.of(ProblemCode.INVALID_PARAMETER, "'acknowledge' accepts only authorization-widening");
    }
}
