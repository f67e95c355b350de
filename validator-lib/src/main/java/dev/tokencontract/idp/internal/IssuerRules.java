package dev.tokencontract.idp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Issuer comparisons: exact, or against a multi-tenant template such as Entra's {@code {tenantid}}. */
public final class IssuerRules {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

    private IssuerRules() {}

    /** True for an issuer with a placeholder such as {@code https://login.microsoftonline.com/{tenantid}/v2.0}. */
    public static boolean templated(String issuer) {
        return PLACEHOLDER.matcher(issuer).find();
    }

    /** The placeholder's name, e.g. {@code tenantid}. */
    public static Optional<String> placeholder(String issuer) {
        var matcher = PLACEHOLDER.matcher(issuer);
        return matcher.find()
                ? Optional.of(matcher.group().substring(1, matcher.group().length() - 1))
                : Optional.empty();
    }

    /** True when {@code actual} equals {@code issuer}, or fills each placeholder of a template with one path segment. */
    public static boolean matches(String issuer, String actual) {
        if (issuer.equals(actual)) {
            return true;
        }
        if (!templated(issuer)) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        var matcher = PLACEHOLDER.matcher(issuer);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(issuer.substring(last, matcher.start()))).append("[^/?#]+");
            last = matcher.end();
        }
        regex.append(Pattern.quote(issuer.substring(last)));
        return actual.matches(regex.toString());
    }

    /** An https URL with a host and no query or fragment; http is allowed for loopback hosts (tests). */
    public static Optional<String> notHttpsReason(String value) {
        URI uri;
        try {
            uri = new URI(value.replaceAll("[{}]", "_"));
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        if (uri.getScheme() == null) {
            return Optional.of("no scheme");
        }
        if (!SafeFetch.allowedScheme(uri)) {
            return Optional.of(uri.getHost() == null ? "no host" : "scheme " + uri.getScheme() + ", not https");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("has a query or fragment");
        }
        return Optional.empty();
    }
}
