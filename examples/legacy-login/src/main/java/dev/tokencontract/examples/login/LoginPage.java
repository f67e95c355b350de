package dev.tokencontract.examples.login;

import java.util.Set;

/** The branded form, and the page that shows what was issued. */
final class LoginPage {
    private LoginPage() {}

    static String form(String error, Set<Drift> drifts) {
        StringBuilder tenants = new StringBuilder();
        for (String tenant : Directory.tenants()) {
            tenants.append("<option value=\"")
                    .append(tenant)
                    .append("\">")
                    .append(tenant)
                    .append("</option>");
        }
        return page(
                """
                <form method="post" action="/login">
                  %s
                  <label>Username <input name="username" autocomplete="username" required></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <label>Tenant <select name="tenant">%s</select></label>
                  <button type="submit">Sign in</button>
                </form>
                <p class="hint">Demo users: alice, bob, hana, olga; password &lt;name&gt;-demo.</p>
                """.formatted(error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>", tenants), drifts);
    }

    /** The same sign-in form for {@code /authorize}: the OAuth request rides along in hidden fields. */
    static String authorize(
            java.util.Map<String, String> parameters, String error, Set<Drift> drifts, String clientName) {
        StringBuilder hidden = new StringBuilder();
        for (java.util.Map.Entry<String, String> entry : parameters.entrySet()) {
            if (entry.getValue() != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(escape(entry.getKey()))
                        .append("\" value=\"")
                        .append(escape(entry.getValue()))
                        .append("\">");
            }
        }
        StringBuilder tenants = new StringBuilder();
        for (String tenant : Directory.tenants()) {
            tenants.append("<option value=\"")
                    .append(tenant)
                    .append("\">")
                    .append(tenant)
                    .append("</option>");
        }
        return page(
                """
                <p>Sign in to let <b>%s</b> use the CRM for you. After sign-in you go to <b>%s</b>.%s</p>
                <form method="post" action="/authorize">
                  %s%s
                  <label>Username <input name="username" autocomplete="username" required></label>
                  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
                  <label>Tenant <select name="tenant">%s</select></label>
                  <button type="submit">Sign in</button>
                </form>
                """.formatted(
                                escape(clientName == null ? "an unnamed application" : clientName),
                                escape(redirectHost(parameters.get("redirect_uri"))),
                                loopback(parameters.get("redirect_uri"))
                                        ? " <span class=\"error\">That is a program on this computer, not a web site: continue only if you started it.</span>"
                                        : "",
                                error == null ? "" : "<p class=\"error\">" + escape(error) + "</p>",
                                hidden,
                                tenants),
                drifts);
    }

    /** The host the browser goes to after sign-in: the authorization spec says it MUST be shown. */
    private static String redirectHost(String redirectUri) {
        try {
            String host = java.net.URI.create(redirectUri).getHost();
            return host == null ? "(unknown)" : host;
        } catch (IllegalArgumentException e) {
            return "(unknown)";
        }
    }

    private static boolean loopback(String redirectUri) {
        String host = redirectHost(redirectUri);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    /** An authorization request that cannot go back to the client (unknown client or redirect URI). */
    static String refused(String message, Set<Drift> drifts) {
        return page("<p class=\"error\">This sign-in request cannot be served: " + escape(message) + "</p>", drifts);
    }

    static String issued(String displayName, String tenant, String token, String claimsJson, Set<Drift> drifts) {
        return page("""
                <p>Signed in as <b>%s</b> in tenant <b>%s</b>. Your access token for the CRM:</p>
                <textarea readonly rows="6">%s</textarea>
                <pre>%s</pre>
                <p><a href="/">Sign in again</a></p>
                """.formatted(escape(displayName), escape(tenant), escape(token), escape(claimsJson)), drifts);
    }

    private static String page(String body, Set<Drift> drifts) {
        String banner = drifts.isEmpty()
                ? ""
                : "<p class=\"drift\">Drift switches on: "
                        + escape(
                                String.join(", ", drifts.stream().map(Drift::id).toList())) + "</p>";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>ACME Single Sign-On</title>
                <style>
                  body{font-family:system-ui,sans-serif;background:#0b3d91;margin:0}
                  main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem}
                  h1{color:#0b3d91;margin-top:0} label{display:block;margin:.8rem 0}
                  input,select,textarea{width:100%%;box-sizing:border-box;padding:.4rem}
                  button{background:#fc3d21;color:#fff;border:0;padding:.6rem 1.2rem;border-radius:4px}
                  .error{color:#b00} .drift{background:#fff3cd;padding:.4rem} .hint{color:#666;font-size:.9em}
                  pre{background:#f4f4f4;padding:.6rem;overflow:auto}
                </style></head>
                <body><main><h1>ACME Single Sign-On</h1>%s%s</main></body></html>
                """.formatted(banner, body);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
