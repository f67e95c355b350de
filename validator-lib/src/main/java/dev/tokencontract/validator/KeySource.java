package dev.tokencontract.validator;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.tokencontract.validator.internal.AnyOfKeyProvider;
import dev.tokencontract.validator.internal.DiscoveryKeyProvider;
import dev.tokencontract.validator.internal.JwkKeys;
import dev.tokencontract.validator.internal.JwkSourceKeyProvider;
import dev.tokencontract.validator.internal.JwksUrlKeyProvider;
import dev.tokencontract.validator.internal.KeyProvider;
import dev.tokencontract.validator.internal.PemKeys;
import dev.tokencontract.validator.internal.StaticKeyProvider;
import dev.tokencontract.validator.internal.VerificationKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a validator gets its verification keys: only from here, never from the token ({@code jku},
 * {@code x5u}, {@code x5c} and embedded {@code jwk} are never followed). Each key is converted once and
 * bound to the algorithms its type allows. Immutable and thread-safe.
 */
public final class KeySource {
    /** Files larger than this are refused; no JWKS or PEM is that big. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final KeyProvider provider;
    private final boolean none;

    private KeySource(KeyProvider provider, boolean none) {
        this.provider = provider;
        this.none = none;
    }

    /** Keys from a JWK set file. */
    public static KeySource jwksFile(Path file) throws KeySourceException {
        return jwks(readText(file, "JWKS"), "JWKS file " + file);
    }

    /** Keys from a JWK set document. */
    public static KeySource jwks(String json) throws KeySourceException {
        return jwks(json, "JWK set");
    }

    private static KeySource jwks(String json, String label) throws KeySourceException {
        try {
            JwkKeys.Loaded loaded = JwkKeys.fromJwkSet(json);
            return new KeySource(
                    new StaticKeyProvider(
                            loaded.keys(), label + " (" + loaded.keys().size() + " keys)", loaded.warnings()),
                    false);
        } catch (IllegalArgumentException e) {
            throw new KeySourceException(label + ": " + e.getMessage());
        }
    }

    /** Keys fetched from a JWKS URL with the default cache, timeouts and size cap. */
    public static KeySource jwksUrl(URI uri) {
        return jwksUrl(uri, JwksUrlSettings.defaults());
    }

    public static KeySource jwksUrl(URI uri, JwksUrlSettings settings) {
        Objects.requireNonNull(uri, "uri");
        return new KeySource(new JwksUrlKeyProvider(uri, settings), false);
    }

    /**
     * Keys of {@code issuer} found through its metadata (OpenID Connect Discovery, then RFC 8414), fetched on
     * first use, never at construction. The document must name exactly this issuer; its {@code jwks_uri} is
     * then cached and refreshed as {@link #jwksUrl(URI, JwksUrlSettings)} does.
     */
    public static KeySource discovery(URI issuer) {
        return discovery(issuer, JwksUrlSettings.defaults());
    }

    public static KeySource discovery(URI issuer, JwksUrlSettings settings) {
        Objects.requireNonNull(issuer, "issuer");
        if (!issuer.isAbsolute()
                || issuer.getHost() == null
                || issuer.getRawQuery() != null
                || issuer.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "an issuer is an absolute http(s) URL without query or fragment: " + issuer);
        }
        return new KeySource(new DiscoveryKeyProvider(issuer, settings), false);
    }

    /** A PEM public key or certificate file (RSA or EC); a private key is refused. */
    public static KeySource pemFile(Path file) throws KeySourceException {
        return pem(readText(file, "PEM"), "PEM file " + file, null);
    }

    /**
     * As {@link #pemFile(Path)}, bound to exactly one algorithm {@code alg} (RFC 8725 section 3.1), e.g.
     * {@code "RS256"}; an algorithm that does not fit the key's type is refused.
     */
    public static KeySource pemFile(Path file, String alg) throws KeySourceException {
        return pem(readText(file, "PEM"), "PEM file " + file, Objects.requireNonNull(alg, "alg"));
    }

    /**
     * A PEM public key or certificate without an algorithm: it verifies only when the contract allows exactly
     * one algorithm for its key type; otherwise tokens get {@code KEY_ALG_UNBOUND}. Prefer
     * {@link #pem(String, String)}.
     */
    public static KeySource pem(String pem) throws KeySourceException {
        return pem(pem, "PEM key", null);
    }

    /** A PEM public key or certificate bound to exactly one algorithm {@code alg}, e.g. {@code "PS256"}. */
    public static KeySource pem(String pem, String alg) throws KeySourceException {
        return pem(pem, "PEM key", Objects.requireNonNull(alg, "alg"));
    }

    private static KeySource pem(String pem, String label, String alg) throws KeySourceException {
        try {
            VerificationKey key = PemKeys.parse(pem, alg);
            return new KeySource(
                    new StaticKeyProvider(List.of(key), label + " (" + key.description() + ")", List.of()), false);
        } catch (IllegalArgumentException e) {
            throw new KeySourceException(label + ": " + e.getMessage());
        }
    }

    /**
     * An HMAC secret read from a file (one trailing newline is dropped). Secrets are never taken from
     * command-line arguments, where they would land in shell history and process lists.
     */
    public static KeySource secretFile(Path file) throws KeySourceException {
        byte[] bytes = readBytes(file, "secret");
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        return secret(Arrays.copyOf(bytes, end), "secret file " + file);
    }

    /** An HMAC secret from an environment variable (its UTF-8 bytes). */
    public static KeySource secretEnv(String variable) throws KeySourceException {
        String value = System.getenv(variable);
        if (value == null) {
            throw new KeySourceException("environment variable " + variable + " is not set");
        }
        return secret(value.getBytes(StandardCharsets.UTF_8), "secret from $" + variable);
    }

    /** An HMAC secret of at least 256 bits. */
    public static KeySource secret(byte[] secret) throws KeySourceException {
        return secret(secret.clone(), "HMAC secret");
    }

    private static KeySource secret(byte[] secret, String label) throws KeySourceException {
        if (secret.length == 0) {
            throw new KeySourceException(label + " is empty");
        }
        VerificationKey key = JwkKeys.fromSecret(null, secret, null);
        Arrays.fill(secret, (byte) 0);
        if (!key.usable()) {
            throw new KeySourceException(label + ": " + key.unusable());
        }
        return new KeySource(
                new StaticKeyProvider(List.of(key), label + " (" + key.description() + ")", List.of()), false);
    }

    /**
     * Keys from a Nimbus {@link JWKSource} the application already has, e.g. the one behind Spring Security's
     * {@code NimbusJwtDecoder.withJwkSource(...)}: both then share one key cache and refresh policy. Keys are
     * selected by the token's {@code kid}, converted once per JWK object and bound to their algorithms; a
     * source that fails ({@code KeySourceException}) means "could not check", never "valid".
     */
    public static KeySource fromJwkSource(JWKSource<SecurityContext> source) {
        return fromJwkSource(source, "JWK source (" + source.getClass().getSimpleName() + ")");
    }

    /** As {@link #fromJwkSource(JWKSource)}, with a description for people ("JWKS of login.example.test"). */
    public static KeySource fromJwkSource(JWKSource<SecurityContext> source, String description) {
        Objects.requireNonNull(source, "source");
        return new KeySource(new JwkSourceKeyProvider(source, description), false);
    }

    /**
     * Keys from every one of {@code sources} (e.g. several trusted JWKS URLs): a token's {@code kid} is looked up
     * in each and any of their keys may verify it. When some sources are unavailable, a kid none of the others
     * knows means "could not check"; when all are, the whole is unavailable. {@link #none()} is refused.
     */
    public static KeySource anyOf(List<KeySource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("anyOf needs at least one key source");
        }
        if (sources.stream().anyMatch(KeySource::isNone)) {
            throw new IllegalArgumentException("anyOf takes real key sources, not KeySource.none()");
        }
        return new KeySource(
                new AnyOfKeyProvider(sources.stream().map(KeySource::provider).toList()), false);
    }

    /** No key at all: tokens are decoded and judged, but never accepted. */
    public static KeySource none() {
        return new KeySource(new StaticKeyProvider(List.of(), "no key", List.of()), true);
    }

    /** For people: what this source is, e.g. "JWKS file keys.json (3 keys)". Never contains a secret. */
    public String description() {
        return provider.description();
    }

    /** Problems noticed while loading keys, e.g. a JWKS that contains private key parameters. */
    public List<String> warnings() {
        return provider.warnings();
    }

    boolean isNone() {
        return none;
    }

    KeyProvider provider() {
        return provider;
    }

    private static String readText(Path file, String what) throws KeySourceException {
        return new String(readBytes(file, what), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file, String what) throws KeySourceException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new KeySourceException("no " + what + " file at " + file);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeySourceException(what + " file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeySourceException("cannot read " + what + " file " + file + ": " + e.getMessage());
        }
    }
}
