package dev.tokencontract.maven.internal;

import dev.tokencontract.json.CappedBody;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.maven.internal.CompatibilityVerdict.ChangeLine;
import dev.tokencontract.maven.internal.CompatibilityVerdict.Witness;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * The registry's own judgement of a contract it has not stored: {@code POST /contracts/{name}/compatibility}
 * (the dry run of a publish), under the contract's mode on the registry, against the versions that mode
 * compares, with the counterexamples the registry's search found. Nothing is stored and no token is sent.
 * The base URL passes {@link RegistryClient#checkBaseUrl}; redirects are not followed; the answer is capped.
 *
 * <p>This belongs in {@code RegistryClient} (a {@code checkCompatibility} method) once another caller needs it.
 */
public final class RegistryDryRun {
    static final int MAX_BYTES = 1024 * 1024;

    private RegistryDryRun() {}

    /**
     * The verdict for {@code contractJson} (whose name is {@code name}), or a {@link RegistryException}: UNREACHABLE
     * for no answer or a 5xx, REFUSED for another 4xx (with the registry's detail), BAD_RESPONSE for a body that is
     * not a verdict.
     */
    public static CompatibilityVerdict check(
            String baseUrl,
            String name,
            String version,
            String contractJson,
            boolean acknowledgeWidening,
            Duration connectTimeout,
            Duration readTimeout)
            throws RegistryException {
        URI base = RegistryClient.checkBaseUrl(baseUrl);
        URI uri = URI.create(base + "/contracts/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/compatibility"
                + (acknowledgeWidening ? "?acknowledge=authorization-widening" : ""));
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(contractJson, StandardCharsets.UTF_8))
                .build();
        int status;
        byte[] body;
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> new CappedBody(MAX_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(readTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            status = response.statusCode();
            body = response.body();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new RegistryException(Kind.UNREACHABLE, "registry " + base + " did not answer within " + readTimeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryException(Kind.UNREACHABLE, "interrupted while waiting for registry " + base);
        } catch (ExecutionException e) {
            throw new RegistryException(Kind.UNREACHABLE, "registry " + base + " is unreachable: " + why(e.getCause()));
        }
        if (body == null) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE, "the registry's answer is larger than " + MAX_BYTES + " bytes; refusing it");
        }
        JsonNode json = parse(body);
        if (status >= 500) {
            throw new RegistryException(
                    Kind.UNREACHABLE, "registry " + base + " answered HTTP " + status + detail(json));
        }
        if (status != 200) {
            throw new RegistryException(
                    status == 404 ? Kind.NOT_FOUND : Kind.REFUSED,
                    "the registry refused the compatibility check of " + name + "@" + version + " (HTTP " + status + ")"
                            + detail(json));
        }
        if (json == null
                || !json.path("compatible").isBoolean()
                || !json.path("changes").isArray()) {
            throw new RegistryException(Kind.BAD_RESPONSE, "the registry's answer is not a compatibility verdict");
        }
        return verdict(name + "@" + version, base.toString(), json, acknowledgeWidening);
    }

    /** A verdict from the registry's JSON (the dry run's answer, or the members of a 409 incompatible problem). */
    public static CompatibilityVerdict verdict(String subject, String registry, JsonNode json, boolean acknowledged) {
        List<String> against = new ArrayList<>();
        json.path("checkedAgainst").values().forEach(v -> against.add(v.asString()));
        List<ChangeLine> changes = new ArrayList<>();
        for (JsonNode change : json.path("changes").values()) {
            List<String> tags = new ArrayList<>();
            change.path("classes").values().forEach(c -> tags.add(Tags.of(c.asString())));
            changes.add(new ChangeLine(
                    tags,
                    change.path("pointer").asString(""),
                    change.path("explanation").asString(""),
                    text(change.path("before")),
                    text(change.path("after")),
                    change.path("against").asString("?"),
                    change.path("refused").asBoolean(false)));
        }
        List<Witness> witnesses = new ArrayList<>();
        for (JsonNode witness : json.path("counterexamples").values()) {
            witnesses.add(new Witness(
                    Tags.of(witness.path("direction").asString("")),
                    witness.path("against").asString("?"),
                    witness.path("rule").asString(""),
                    witness.path("pointer").asString(""),
                    witness.path("seed").asLong(0),
                    witness.path("claims").toString()));
        }
        List<String> notSearched = new ArrayList<>();
        for (JsonNode skipped : json.path("notSearched").values()) {
            notSearched.add(Tags.of(skipped.path("direction").asString("")) + " against "
                    + skipped.path("against").asString("?") + " ("
                    + skipped.path("reason").asString("?") + ")");
        }
        return new CompatibilityVerdict(
                subject,
                "the registry " + registry,
                json.path("mode").asString("?"),
                acknowledged,
                against,
                changes,
                witnesses,
                notSearched);
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static JsonNode parse(byte[] body) {
        return StrictJson.parse(new String(body, StandardCharsets.UTF_8)).node();
    }

    private static String detail(JsonNode json) {
        if (json == null || !json.path("detail").isString()) {
            return "";
        }
        return ": " + json.path("detail").asString();
    }

    private static String why(Throwable cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof IOException io && io.getMessage() != null) {
            return cause.getClass().getSimpleName() + ": " + io.getMessage();
        }
        return cause == null ? "unknown" : cause.getClass().getSimpleName();
    }
}
