package dev.tokencontract.validator.internal;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The names real identity providers give the claims contracts usually call {@code roles}, {@code client_id},
 * {@code tenant_id}, {@code sub} and {@code scope}. When a required top-level claim is missing and the token
 * carries one of its aliases, the {@code CLAIM_MISSING} finding's hint names the alias and where it comes
 * from: the producer most likely named the claim its own way rather than dropping it. Data, not logic: each
 * group lists names that mean the same thing; a name in a group points to every other member.
 */
public final class ClaimAliases {

    /**
     * One name a claim goes by.
     *
     * @param path   a claim name, or a dotted path into nested objects; {@code *} matches any member name
     * @param origin who uses this name, for the hint
     */
    record Alias(String path, String origin) {}

    /** Names that mean the same claim. */
    static final List<List<Alias>> GROUPS = List.of(
            List.of(
                    new Alias("roles", "RFC 9068 / most contracts"),
                    new Alias("realm_access.roles", "Keycloak realm roles"),
                    new Alias("resource_access.*.roles", "Keycloak client roles"),
                    new Alias("groups", "Okta, Entra ID, Keycloak group mapper")),
            List.of(
                    new Alias("client_id", "RFC 9068"),
                    new Alias("azp", "OpenID Connect authorized party, Keycloak"),
                    new Alias("cid", "Okta"),
                    new Alias("appid", "Entra ID v1 tokens")),
            List.of(new Alias("tenant_id", "most contracts"), new Alias("tid", "Entra ID")),
            List.of(new Alias("sub", "RFC 9068"), new Alias("oid", "Entra ID object id")),
            List.of(new Alias("scope", "RFC 9068 / RFC 8693"), new Alias("scp", "Entra ID, Okta")));

    private static final String CLAIMS = "/claims/";

    private ClaimAliases() {}

    /**
     * The findings, with each {@code CLAIM_MISSING} of a top-level claim whose alias the token carries given a
     * hint that names the alias; every other finding unchanged.
     */
    public static List<Finding> hinted(List<Finding> findings, JsonNode claims) {
        if (claims == null || !claims.isObject() || findings.stream().noneMatch(ClaimAliases::missingTopLevel)) {
            return findings;
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            result.add(missingTopLevel(finding) ? withHint(finding, claims) : finding);
        }
        return result;
    }

    /** The alias the token carries for {@code claim}, if any, as the hint sentence. */
    static Optional<String> hintFor(String claim, JsonNode claims) {
        for (List<Alias> group : GROUPS) {
            if (group.stream().noneMatch(a -> a.path().equals(claim))) {
                continue;
            }
            for (Alias alias : group) {
                if (!alias.path().equals(claim) && present(claims, alias.path().split("\\."), 0)) {
                    return Optional.of("The token has no '" + claim + "' but carries '" + alias.path() + "' ("
                            + alias.origin() + "): the producer names this claim differently. Map it to '" + claim
                            + "' at the IdP (a claim mapper) or publish a contract version that reads '"
                            + alias.path() + "'.");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean missingTopLevel(Finding finding) {
        return finding.code() == FindingCode.CLAIM_MISSING
                && finding.pointer().startsWith(CLAIMS)
                && finding.pointer().indexOf('/', CLAIMS.length()) < 0;
    }

    private static Finding withHint(Finding finding, JsonNode claims) {
        String claim =
                finding.pointer().substring(CLAIMS.length()).replace("~1", "/").replace("~0", "~");
        return hintFor(claim, claims)
                .map(hint -> new Finding(
                        finding.code(),
                        finding.severity(),
                        finding.pointer(),
                        finding.expected(),
                        finding.actual(),
                        finding.message(),
                        hint))
                .orElse(finding);
    }

    /** True when the path names a non-null value; {@code *} tries every member (bounded by the token's size). */
    private static boolean present(JsonNode node, String[] path, int index) {
        if (index == path.length) {
            return node != null && !node.isNull() && !node.isMissingNode();
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        if (path[index].equals("*")) {
            for (JsonNode member : node.values()) {
                if (present(member, path, index + 1)) {
                    return true;
                }
            }
            return false;
        }
        return present(node.get(path[index]), path, index + 1);
    }
}
