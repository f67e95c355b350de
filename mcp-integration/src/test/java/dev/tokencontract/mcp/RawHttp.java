package dev.tokencontract.mcp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP for requests the SDK client would never send. */
final class RawHttp {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {}

    static HttpResponse<String> get(String url, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    static HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream");
        return send(builder, headers);
    }

    /** Any method without a body (OPTIONS, DELETE). */
    static HttpResponse<String> send(String method, String url, String... headers) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    static String toolCall(String tool) {
        return """
                {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"%s","arguments":{}}}""".formatted(tool);
    }

    /** The parameters of a {@code WWW-Authenticate: Bearer k="v", ...} value. */
    static Map<String, String> challenge(HttpResponse<?> response) {
        String value = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        if (!value.startsWith("Bearer")) {
            throw new AssertionError("not a Bearer challenge: " + value);
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([a-z_]+)=\"([^\"]*)\"").matcher(value);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(builder.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
