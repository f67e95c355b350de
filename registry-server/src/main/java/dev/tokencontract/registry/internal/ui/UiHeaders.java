package dev.tokencontract.registry.internal.ui;

import io.javalin.http.Context;

/**
 * The headers on every {@code /ui/} response (pages, static files, errors). The policy allows same-origin
 * files only: no inline script or style, no {@code eval}, no plugins, no framing, forms and fetches to this
 * origin only.
 */
public final class UiHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private UiHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
