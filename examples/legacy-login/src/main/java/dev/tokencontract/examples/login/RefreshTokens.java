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
 * Refresh tokens with rotation and reuse detection (OAuth 2.1 section 4.3.1, RFC 9700 section 4.14.2): each use
 * returns a new token and retires the old one; presenting a retired token again means it was copied, so the whole
 * family (every token descended from that sign-in) is revoked. Random 256-bit values, in memory with a cap,
 * 8 hours each.
 */
final class RefreshTokens {
    static final Duration LIFETIME = Duration.ofHours(8);
    static final int MAX_TOKENS = 10_000;

    /** What a refresh token stands for: the grant of one sign-in. */
    record Grant(String clientId, String username, String tenant, List<String> scopes, String audience) {}

    /** The outcome of presenting a refresh token. */
    sealed interface Redeemed {}

    /** The token was current: here is its grant, and it is now retired. */
    record Valid(Grant grant, String family) implements Redeemed {}

    /** Unknown or expired. */
    record Unknown() implements Redeemed {}

    /** Retired and presented again: its family is revoked now. */
    record Reused(String clientId) implements Redeemed {}

    /** Current, but the request does not fit its grant (another client, more scope, another resource): kept as it was. */
    record Refused(Grant grant) implements Redeemed {}

    private record Entry(Grant grant, String family, Instant expiresAt, boolean retired) {}

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RefreshTokens(Clock clock) {
        this.clock = clock;
    }

    /** A token for a new sign-in (a new family), or empty when too many are live. */
    Optional<String> issue(Grant grant) {
        return issue(grant, randomValue());
    }

    /** The successor of a redeemed token, in the same family. */
    Optional<String> rotate(Valid redeemed, List<String> scopes) {
        Grant g = redeemed.grant();
        return issue(new Grant(g.clientId(), g.username(), g.tenant(), scopes, g.audience()), redeemed.family());
    }

    /**
     * Retires a current token whose grant {@code fits} the request; a misfit leaves it untouched (a client's honest
     * mistake must not look like a replay later).
     */
    synchronized Redeemed redeem(String token, java.util.function.Predicate<Grant> fits) {
        Instant now = clock.instant();
        Entry entry = token == null ? null : tokens.get(token);
        if (entry == null || !entry.expiresAt().isAfter(now)) {
            return new Unknown();
        }
        if (entry.retired()) {
            tokens.values().removeIf(e -> e.family().equals(entry.family()));
            return new Reused(entry.grant().clientId());
        }
        if (!fits.test(entry.grant())) {
            return new Refused(entry.grant());
        }
        tokens.put(token, new Entry(entry.grant(), entry.family(), entry.expiresAt(), true));
        return new Valid(entry.grant(), entry.family());
    }

    private synchronized Optional<String> issue(Grant grant, String family) {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> !e.expiresAt().isAfter(now));
        if (tokens.size() >= MAX_TOKENS) {
            return Optional.empty();
        }
        String token = randomValue();
        tokens.put(token, new Entry(grant, family, now.plus(LIFETIME), false));
        return Optional.of(token);
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
