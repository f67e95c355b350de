package dev.tokencontract.registry.client.internal;

import dev.tokencontract.finding.Redact;
import dev.tokencontract.registry.client.RegistryException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which registry URLs may be used: https anywhere, plain http only to the loopback interface (a registry
 * on this machine, as in tests and {@code serve --dev}). No user info, query or fragment in the base URL.
 * The host is judged by its text: no DNS lookup decides whether a name is "local".
 */
public final class UrlPolicy {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private UrlPolicy() {}

    /** The base URL, normalised without a trailing slash; refused with a clear message when unsafe. */
    public static URI base(String text) throws RegistryException {
        URI uri;
        try {
            uri = URI.create(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID_URL, "'" + Redact.value(text) + "' is not a URL");
        }
        check(uri);
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID_URL,
                    "the registry URL must not carry credentials, a query or a fragment: " + Redact.value(text));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    /** Refuses anything but https, or http to a loopback host; used for the base and every redirect. */
    public static void check(URI uri) throws RegistryException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID_URL,
                    "'" + Redact.value(uri.toString()) + "' is not an http(s) URL with a host");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new RegistryException(
                    RegistryException.Kind.INVALID_URL,
                    "refusing plain http to "
                            + Redact.value(uri.getHost())
                            + ": registries are reached over https (http is allowed only to "
                            + "localhost, 127.0.0.0/8 and [::1])");
        }
    }

    /** localhost, 127.0.0.0/8 or ::1 as written in a URL; "127.0.0.1.example.test" is a name, not loopback. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(h).matches();
    }
}
