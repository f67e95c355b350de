package dev.tokencontract.maven.internal;

import dev.tokencontract.conformance.http.RecordingEndpoint;
import dev.tokencontract.conformance.suites.CarrierSuite;
import dev.tokencontract.conformance.suites.ConsumerSuite;
import dev.tokencontract.conformance.suites.ProducerSuite;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.conformance.suites.TokenCarrier;
import dev.tokencontract.conformance.suites.TokenConsumer;
import dev.tokencontract.conformance.suites.TokenProducer;
import dev.tokencontract.conformance.tokens.JwksEndpoint;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.validator.KeySource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The conformance kit's suites, set up for a build: the consumer and carrier suites sign with {@code signingKeys} or
 * with generated keys whose public JWKS is written where the party under test can read it; the producer suite
 * checks tokens against the producer's own keys.
 */
public final class ConformSuites {
    private ConformSuites() {}

    /** What one suite run needs; unused members are {@code null}. */
    public record Setup(
            String suite,
            Contract contract,
            String issuer,
            String audience,
            URI endpoint,
            boolean mcpSession,
            Path signingKeys,
            Path jwksOut,
            Integer serveJwksPort,
            URI tokenEndpoint,
            List<String> command,
            KeySource producerKeys,
            URI hub,
            String hubAudience,
            String downstreamAudience) {}

    /**
     * Runs the suite.
     *
     * @throws IllegalArgumentException for a setup that is missing something; the message names it
     */
    public static SuiteResult run(Setup setup, SuiteSettings settings) {
        return switch (setup.suite()) {
            case "consumer" -> consumer(setup, settings);
            case "producer" -> producer(setup, settings);
            case "carrier" -> carrier(setup, settings);
            default ->
                throw new IllegalArgumentException(
                        "suite is consumer, producer or carrier, not '" + setup.suite() + "'");
        };
    }

    @SuppressWarnings("try") // the JWKS endpoint is only held open for the run; close() stops it
    private static SuiteResult consumer(Setup s, SuiteSettings settings) {
        URI endpoint = required(s.endpoint(), "endpoint");
        SigningKeys keys = keys(s);
        try (JwksEndpoint served = serve(keys, s)) {
            return consumer(s, endpoint, keys, settings);
        }
    }

    private static SuiteResult consumer(Setup s, URI endpoint, SigningKeys keys, SuiteSettings settings) {
        ConsumerSuite suite = ConsumerSuite.builder()
                .contract(s.contract())
                .keys(keys)
                .issuer(required(s.issuer(), "issuer"))
                .audience(required(s.audience(), "audience"))
                .consumer(s.mcpSession() ? TokenConsumer.mcpSession(endpoint) : TokenConsumer.http(endpoint))
                .subject(endpoint + (s.mcpSession() ? " (MCP session)" : "") + " against "
                        + s.contract().reference())
                .build();
        return suite.run(settings);
    }

    private static SuiteResult producer(Setup s, SuiteSettings settings) {
        boolean http = s.tokenEndpoint() != null;
        boolean command = s.command() != null && !s.command().isEmpty();
        if (http == command) {
            throw new IllegalArgumentException("the producer suite needs <tokenEndpoint> or <command>, one of them");
        }
        if (s.producerKeys() == null) {
            throw new IllegalArgumentException(
                    "the producer suite needs the producer's keys: <jwks>, <pem>, <secretFile> or <secretEnv>");
        }
        TokenProducer producer = http ? TokenProducer.http(s.tokenEndpoint()) : TokenProducer.command(s.command());
        return ProducerSuite.builder()
                .contract(s.contract())
                .keys(s.producerKeys())
                .issuer(required(s.issuer(), "issuer"))
                .audience(required(s.audience(), "audience"))
                .producer(producer)
                .subject(producer + " against " + s.contract().reference())
                .build()
                .run(settings);
    }

    @SuppressWarnings("try") // the JWKS endpoint is only held open for the run; close() stops it
    private static SuiteResult carrier(Setup s, SuiteSettings settings) {
        URI hub = required(s.hub(), "hub");
        String hubAudience = required(s.hubAudience(), "hubAudience");
        String downstreamAudience = required(s.downstreamAudience(), "downstreamAudience");
        if (hubAudience.equals(downstreamAudience)) {
            throw new IllegalArgumentException(
                    "hubAudience and downstreamAudience must differ, or passthrough cannot be told apart");
        }
        SigningKeys keys = keys(s);
        try (JwksEndpoint served = serve(keys, s);
                RecordingEndpoint downstream = RecordingEndpoint.start(0)) {
            return CarrierSuite.builder()
                    .contract(s.contract())
                    .keys(keys)
                    .issuer(required(s.issuer(), "issuer"))
                    .carrierAudience(hubAudience)
                    .downstreamAudience(downstreamAudience)
                    .carrier(TokenCarrier.http(hub))
                    .downstream(downstream)
                    .subject(hub + " against " + s.contract().reference())
                    .build()
                    .run(settings);
        }
    }

    /** The given private JWK set, or fresh keys; either way the public JWKS goes to {@code jwksOut}. */
    private static SigningKeys keys(Setup s) {
        SigningKeys keys = s.signingKeys() != null
                ? SigningKeys.fromPrivateJwksFile(s.signingKeys())
                : SigningKeys.generate("tc-build-" + Long.toHexString(System.nanoTime() & 0xffffffL));
        if (s.jwksOut() != null) {
            keys.writePublicJwks(s.jwksOut());
        }
        return keys;
    }

    /** The public JWKS on loopback {@code serveJwksPort} for the run, or nothing ({@code null} closes as a no-op). */
    private static JwksEndpoint serve(SigningKeys keys, Setup s) {
        return s.serveJwksPort() == null ? null : JwksEndpoint.start(keys, s.serveJwksPort());
    }

    private static <T> T required(T value, String parameter) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("this suite needs <" + parameter + ">");
        }
        return value;
    }
}
