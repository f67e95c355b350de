package dev.tokencontract.spring.internal;

import dev.tokencontract.json.StrictJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small JSON answers, built with the serializer. */
public final class Responses {
    private Responses() {}

    public static void oauthError(
            HttpServletResponse response, int status, String challenge, String error, String description)
            throws IOException {
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (error != null) { // no credentials: no error code (RFC 6750 section 3.1)
            body.put("error", error);
        }
        body.put("error_description", description);
        json(response, status, body);
    }

    public static void jsonRpcError(HttpServletResponse response, int status, int code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", error);
        json(response, status, body);
    }

    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        rawJson(response, status, StrictJson.mapper().writeValueAsString(body));
    }

    /** A body already serialized as JSON. */
    public static void rawJson(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
