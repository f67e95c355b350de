package dev.tokencontract.uitests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The contracts the browser tests publish through the registry's API: a pair whose second version widens
 * authorization, and a hostile contract whose every free-text field tries to break out of the page.
 */
final class UiContracts {
    static final String CRM = "ui.crm-token";
    /** Owned by the admin test alone, so its mode changes disturb no other test. */
    static final String ADMIN = "ui.admin-token";

    static final String HOSTILE = "ui.hostile-token";

    /**
     * Each payload would, if it ever ran, set {@code window.__pwned}, change {@code document.title} or open an
     * alert: the tests look for all three, and for the payload's literal text on the page.
     */
    static final String SCRIPT = "<script>window.__pwned='script';document.title='PWNED'</script>";

    static final String IMG_ONERROR = "<img src=x onerror=\"window.__pwned='img';alert('img')\">";
    static final String JAVASCRIPT_URL = "javascript:window.__pwned='url';alert('url')";
    static final String TEXTAREA_BREAKOUT = "</textarea><svg onload=\"window.__pwned='svg'\">";
    static final String ATTRIBUTE_BREAKOUT = "\" autofocus onfocus=\"window.__pwned='attr'\" x=\"";
    static final String SINGLE_QUOTE_BREAKOUT = "' onmouseover='window.__pwned=1' data-x='";
    static final String SCRIPT_CLOSE = "</script><script>window.__pwned='close'</script>";
    static final String ANCHOR = "<a href=\"javascript:window.__pwned='a'\" id=\"pwned-link\">click</a>";

    static final List<String> PAYLOADS = List.of(
            SCRIPT,
            IMG_ONERROR,
            JAVASCRIPT_URL,
            TEXTAREA_BREAKOUT,
            ATTRIBUTE_BREAKOUT,
            SINGLE_QUOTE_BREAKOUT,
            SCRIPT_CLOSE,
            ANCHOR);

    private UiContracts() {}

    /** {@code ui.crm-token@1.0.0}: roles support/viewer; one operation needing {@code crm.read}. */
    static String crm100() {
        return crm("1.0.0", "");
    }

    /**
     * {@code 1.1.0}: adds operation {@code deleteCustomer} (scope {@code crm.write}): a token that granted nothing
     * more under 1.0.0 now grants a delete, authorization widening and nothing else, so it publishes under the
     * default FULL_TRANSITIVE mode only with {@code ?acknowledge=authorization-widening}.
     */
    static String crm110() {
        return crm("1.1.0", """
                ,
                      "deleteCustomer": {"scopes": ["crm.write"], "description": "Delete a customer record."}""");
    }

    static String admin100() {
        return crm("1.0.0", "").replace(CRM, ADMIN);
    }

    private static String crm(String version, String extraOperation) {
        return """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://tokencontract.dev/contracts/ui.crm-token/%s",
                  "description": "Access token for the CRM MCP server.",
                  "x-contract": {"name": "ui.crm-token", "version": "%s", "kind": "jwt-access-token",
                    "owner": "identity-team", "description": "CRM access token, browsed in a real browser."},
                  "x-jose": {"alg": ["RS256"], "typ": ["at+jwt", "application/at+jwt"]},
                  "x-authorization": {
                    "operations": {
                      "getCustomer": {"scopes": ["crm.read"], "description": "Read a customer record."}%s
                    }
                  },
                  "type": "object",
                  "required": ["iss", "aud", "exp", "tenant_id"],
                  "properties": {
                    "iss": {"type": "string", "format": "uri"},
                    "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799},
                    "tenant_id": {"type": "string", "pattern": "^[a-z0-9-]{1,63}$", "description": "The customer tenant."},
                    "roles": {"type": "array", "items": {"enum": ["support", "viewer"]}},
                    "scope": {"type": "string"}
                  }
                }
                """.formatted(version, version, extraOperation);
    }

    /**
     * Every field a page shows as text holds payloads: the description, owner, a claim's description, enum
     * values, a default and examples, a claim name, an operation's name, description and roles.
     */
    static String hostile() {
        return hostile("1.0.0", String.join(" | ", PAYLOADS));
    }

    /**
     * {@code 1.0.1}: the same contract with its descriptions reworded (cosmetic, so it publishes under
     * FULL_TRANSITIVE), so the compare page shows payloads on both sides of "before → after".
     */
    static String hostile101() {
        List<String> reversed = new ArrayList<>(PAYLOADS);
        Collections.reverse(reversed);
        return hostile("1.0.1", String.join(" ~ ", reversed));
    }

    private static String hostile(String version, String all) {
        return """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "https://tokencontract.dev/contracts/ui.hostile-token/%15$s",
                  "title": %1$s,
                  "description": %1$s,
                  "x-contract": {"name": "ui.hostile-token", "version": %16$s, "kind": "jwt-access-token",
                    "owner": %2$s, "description": %1$s},
                  "x-jose": {"alg": ["RS256"], "typ": [%3$s]},
                  "x-authorization": {
                    "operations": {
                      %4$s: {"roles": [%5$s, %6$s], "description": %1$s},
                      %7$s: {"scopes": [%8$s], "description": %9$s}
                    }
                  },
                  "type": "object",
                  "required": ["iss", "aud", "exp"],
                  "properties": {
                    "iss": {"type": "string", "format": "uri", "description": %1$s},
                    "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799},
                    "roles": {"type": "array", "description": %2$s, "items": {"enum": [%5$s, %6$s, %3$s]}},
                    "link": {"type": "string", "format": "uri", "default": %3$s, "examples": [%3$s, %10$s],
                      "description": %10$s},
                    %4$s: {"type": "string", "pattern": "^[a-z]+$", "description": %11$s},
                    "tenant": {"enum": [%12$s, %13$s], "description": %14$s},
                    "scope": {"type": "string"}
                  }
                }
                """.formatted(
                        json(all),
                        json(IMG_ONERROR),
                        json(JAVASCRIPT_URL),
                        json(SCRIPT),
                        json(TEXTAREA_BREAKOUT),
                        json(ATTRIBUTE_BREAKOUT),
                        json(SINGLE_QUOTE_BREAKOUT),
                        json(SCRIPT_CLOSE),
                        json(ANCHOR),
                        json(ANCHOR),
                        json(SCRIPT_CLOSE),
                        json(SCRIPT),
                        json(IMG_ONERROR),
                        json(TEXTAREA_BREAKOUT),
                        version,
                        json(version));
    }

    /** A JSON string literal, through the serializer (never by hand). */
    static String json(String text) {
        return RegistryProcess.JSON.writeValueAsString(text);
    }
}
