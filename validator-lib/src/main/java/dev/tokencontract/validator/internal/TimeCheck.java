package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.HumanTime;
import dev.tokencontract.finding.Redact;
import dev.tokencontract.json.JsonTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Stage 4: {@code exp}, {@code nbf}, {@code iat} against the evaluation instant with explicit leeway,
 * saying by how much; and the contract's maximum lifetime.
 */
public final class TimeCheck {
    /** 9999-12-31T23:59:59Z: later NumericDates are nonsense (and overflow arithmetic). */
    public static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private TimeCheck() {}

    public static void check(
            JsonNode claims, Instant now, Duration leeway, Optional<Duration> maxLifetime, List<Finding> findings) {
        now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Long exp = numericDate(claims, "exp", findings);
        Long nbf = numericDate(claims, "nbf", findings);
        Long iat = numericDate(claims, "iat", findings);
        long nowSeconds = now.getEpochSecond();
        long leewaySeconds = leeway.getSeconds();
        if (!claims.has("exp")) {
            findings.add(Finding.error(
                    FindingCode.EXP_MISSING, "/claims/exp", "an expiry time", "(absent)", "The token never expires."));
        }
        if (exp != null && nowSeconds >= exp + leewaySeconds) {
            String ago = HumanTime.format(Duration.ofSeconds(nowSeconds - exp));
            findings.add(Finding.error(
                    FindingCode.TOKEN_EXPIRED,
                    "/claims/exp",
                    "after " + now + " (leeway " + HumanTime.format(leeway) + ")",
                    Instant.ofEpochSecond(exp).toString(),
                    "The token expired " + ago + " before the evaluation time."));
        }
        if (nbf != null && nbf > nowSeconds + leewaySeconds) {
            String ahead = HumanTime.format(Duration.ofSeconds(nbf - nowSeconds));
            findings.add(Finding.error(
                    FindingCode.TOKEN_NOT_YET_VALID,
                    "/claims/nbf",
                    "at or before " + now + " (leeway " + HumanTime.format(leeway) + ")",
                    Instant.ofEpochSecond(nbf).toString(),
                    "The token becomes valid only " + ahead + " after the evaluation time."));
        }
        if (iat != null && iat > nowSeconds + leewaySeconds) {
            String ahead = HumanTime.format(Duration.ofSeconds(iat - nowSeconds));
            findings.add(Finding.error(
                    FindingCode.ISSUED_IN_FUTURE,
                    "/claims/iat",
                    "at or before " + now + " (leeway " + HumanTime.format(leeway) + ")",
                    Instant.ofEpochSecond(iat).toString(),
                    "The token claims to be issued " + ahead + " after the evaluation time."));
        }
        if (maxLifetime.isPresent() && exp != null) {
            long start = iat != null ? iat : nbf != null ? nbf : nowSeconds;
            Duration lifetime = Duration.ofSeconds(exp - start);
            if (lifetime.compareTo(maxLifetime.get()) > 0) {
                findings.add(Finding.error(
                        FindingCode.LIFETIME_TOO_LONG,
                        "/claims/exp",
                        "at most " + HumanTime.format(maxLifetime.get()) + " after iat",
                        HumanTime.format(lifetime),
                        "The token lives " + HumanTime.format(lifetime) + "; the contract allows "
                                + HumanTime.format(maxLifetime.get()) + "."));
            }
        }
    }

    private static Long numericDate(JsonNode claims, String name, List<Finding> findings) {
        JsonNode node = claims.get(name);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()
                && node.canConvertToLong()
                && node.asLong() >= 0
                && node.asLong() <= MAX_NUMERIC_DATE) {
            return node.asLong();
        }
        findings.add(Finding.error(
                FindingCode.TIME_CLAIM_MALFORMED,
                "/claims/" + name,
                "integer seconds since 1970, up to " + MAX_NUMERIC_DATE,
                JsonTypes.name(node) + " " + Redact.value(node.toString()),
                "'" + name + "' is not a usable NumericDate."));
        return null;
    }
}
