package dev.tokencontract.registry.client.internal;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.client.PublishResult;
import dev.tokencontract.registry.client.RegistryException;
import dev.tokencontract.registry.client.RegistryException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** POST {base}/contracts/{name}/versions, and what each answer means. */
public final class Publisher {
    private Publisher() {}

    public static PublishResult publish(
            RegistryHttp http, URI base, Contract contract, String json, String token, boolean acknowledgeWidening)
            throws RegistryException {
        URI uri = URI.create(base + "/contracts/" + contract.name() + "/versions"
                + (acknowledgeWidening ? "?acknowledge=authorization-widening" : ""));
        RegistryHttp.Response response = http.post(uri, json.getBytes(StandardCharsets.UTF_8), token);
        int status = response.status();
        String digest = digest(response);
        if (status == 201) {
            return new PublishResult(
                    PublishResult.Outcome.CREATED,
                    contract.reference(),
                    status,
                    response.header("Location").orElse(null),
                    digest);
        }
        if (status == 200) {
            return new PublishResult(PublishResult.Outcome.UNCHANGED, contract.reference(), status, null, digest);
        }
        if (status >= 300 && status < 400) {
            throw new RegistryException(
                    Kind.BAD_RESPONSE,
                    "the registry redirected the publish (HTTP " + status + " to "
                            + Redact.value(response.header("Location").orElse("nowhere"))
                            + "); not followed, so the token goes "
                            + "only to the URL given. Use the registry's final URL.");
        }
        if (status >= 500) {
            throw new RegistryException(
                    Kind.UNREACHABLE,
                    "the registry failed to publish " + contract.reference() + " (HTTP " + status + ")",
                    Problems.from(response),
                    List.of());
        }
        if (status >= 400) {
            throw new RegistryException(
                    Kind.REFUSED,
                    "the registry refused " + contract.reference() + " (HTTP " + status + ")",
                    Problems.from(response),
                    List.of());
        }
        throw new RegistryException(Kind.BAD_RESPONSE, "unexpected HTTP " + status + " to a publish");
    }

    /** From the ETag header, else the {@code digest} member of the JSON answer (the registry's version record). */
    private static String digest(RegistryHttp.Response response) {
        String fromHeader = Digests.fromEtag(response.header("ETag").orElse(null));
        if (fromHeader != null) {
            return fromHeader;
        }
        StrictJson.Parsed parsed = StrictJson.parse(new String(response.body(), StandardCharsets.UTF_8));
        if (parsed.ok() && parsed.node().path("digest").isString()) {
            String digest = parsed.node().path("digest").stringValue();
            return Digests.fromEtag("\"" + digest + "\"");
        }
        return null;
    }
}
