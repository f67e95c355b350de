package dev.tokencontract.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RFC 9457 (formerly 7807) problem, thrown by handlers and written as {@code application/problem+json}
 * by one exception handler: {@code type, title, status, detail, code} and any extension members.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final String detail;
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(ProblemCode code, String detail) {
        super(code.code() + ": " + detail, null, false, false); // no stack trace: problems are answers, not faults
        this.code = Objects.requireNonNull(code);
        this.detail = Objects.requireNonNull(detail);
    }

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(code, detail);
    }

    /** Adds an extension member (e.g. {@code findings}, {@code changes}). */
    public Problem with(String member, JsonNode value) {
        extensions.put(member, value);
        return this;
    }

    public Problem with(String member, String value) {
        extensions.put(member, Json.NODES.stringNode(value));
        return this;
    }

    /** Adds a response header (e.g. {@code WWW-Authenticate}, {@code Allow}). */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A request-supplied value cut to a length that keeps problems and logs readable. */
    public static String shorten(String value) {
        return value.length() <= 120 ? value : value.substring(0, 120) + "...";
    }

    public ObjectNode toJson() {
        ObjectNode body = Json.NODES.objectNode();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.code());
        extensions.forEach(body::set);
        return body;
    }
}
