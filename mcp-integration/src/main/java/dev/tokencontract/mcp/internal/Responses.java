package dev.tokencontract.mcp.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The filter's own answers: small JSON bodies, never echoing the token. */
public final class Responses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Responses() {}

    public static void oauthError(
            HttpServletResponse response, int status, String challenge, String error, String description, String scope)
            throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        ObjectNode body = JSON.createObjectNode();
        if (error != null) {
            body.put("error", error);
        }
        body.put("error_description", description);
        if (scope != null && !scope.isEmpty()) {
            body.put("scope", scope);
        }
        write(response, status, "application/json", body.toString());
    }

    /** A JSON-RPC error with id null (the request could not be read far enough to know its id). */
    public static void jsonRpcError(HttpServletResponse response, int status, int code, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        write(response, status, "application/json", body.toString());
    }

    /**
     * A JSON-RPC error written the way the MCP SDK's servlet transport writes its own (no Cache-Control, flushed, so
     * chunked): for answers that must not be told apart from the transport's, like an unknown session.
     */
    public static void jsonRpcErrorAsTransport(HttpServletResponse response, int status, int code, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("jsonrpc", "2.0");
        body.putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        java.io.PrintWriter writer = response.getWriter();
        writer.write(body.toString());
        writer.flush();
    }

    public static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
