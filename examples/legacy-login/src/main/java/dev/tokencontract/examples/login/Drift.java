package dev.tokencontract.examples.login;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The failures enterprises report, switchable one by one ({@code --drift a,b} or {@code LEGACY_LOGIN_DRIFT}). */
public enum Drift {
    /** Random reference tokens instead of JWTs: the MCP server cannot read them. */
    OPAQUE("opaque"),
    /** {@code tenant} instead of {@code tenant_id}. */
    TENANT_RENAMED("tenant-renamed"),
    /** {@code roles} as one space-separated string instead of an array. */
    ROLES_STRING("roles-string"),
    /** No {@code aud}: any server would accept the token. */
    AUD_MISSING("aud-missing"),
    /** Tokens valid for 30 days. */
    LONG_LIVED("long-lived");

    private final String id;

    Drift(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code "opaque,roles-string"}; blank means none. */
    public static Set<Drift> parse(String list) {
        Set<Drift> drifts = EnumSet.noneOf(Drift.class);
        if (list == null || list.isBlank()) {
            return drifts;
        }
        for (String item : list.split(",")) {
            String wanted = item.strip().toLowerCase(Locale.ROOT);
            Drift match = null;
            for (Drift d : values()) {
                if (d.id.equals(wanted)) {
                    match = d;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown drift '" + item.strip()
                        + "'; known: opaque, tenant-renamed, roles-string, aud-missing, long-lived");
            }
            drifts.add(match);
        }
        return drifts;
    }
}
