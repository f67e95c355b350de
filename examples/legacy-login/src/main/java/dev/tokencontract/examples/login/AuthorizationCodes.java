package dev.tokencontract.examples.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes: random (256 bits), single use, 60 seconds, bound to the client, redirect URI, PKCE
 * challenge (S256), user, tenant, scopes and audience. In memory with a cap; expired codes are purged.
 */
final class AuthorizationCodes {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final int MAX_PENDING = 10_000;

    /** What a code stands for. */
    record Issued(
            String clientId,
            String redirectUri,
            String codeChallenge,
            String username,
            String tenant,
            List<String> scopes,
            String audience,
            Instant expiresAt) {}

    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    AuthorizationCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new code, or empty when too many are pending. */
    Optional<String> issue(
            String clientId,
            String redirectUri,
            String codeChallenge,
            String username,
            String tenant,
            List<String> scopes,
            String audience) {
        Instant now = clock.instant();
        codes.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
        if (codes.size() >= MAX_PENDING) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(
                code,
                new Issued(
                        clientId,
                        redirectUri,
                        codeChallenge,
                        username,
                        tenant,
                        List.copyOf(scopes),
                        audience,
                        now.plus(LIFETIME)));
        return Optional.of(code);
    }

    /** Takes the code out (whatever happens next, it cannot be used again); empty when unknown, used or expired. */
    Optional<Issued> redeem(String code) {
        Issued issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued);
    }
}
