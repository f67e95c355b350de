package dev.tokencontract.contract.internal;

import java.util.Set;

/**
 * The {@code format} names a contract asserts: the ones JSON Schema 2020-12 defines (validation section 7.3),
 * listed in docs/contract-format.md. Any other name is ignored, as 2020-12 says unknown formats are, even
 * where networknt knows one (its legacy {@code color}, {@code style}, {@code phone}...), so a contract means
 * the same thing to every 2020-12 tool.
 */
public final class AssertedFormats {
    public static final Set<String> NAMES = Set.of(
            "date-time",
            "date",
            "time",
            "duration",
            "email",
            "idn-email",
            "hostname",
            "idn-hostname",
            "ipv4",
            "ipv6",
            "uri",
            "uri-reference",
            "iri",
            "iri-reference",
            "uuid",
            "uri-template",
            "json-pointer",
            "relative-json-pointer",
            "regex");

    private AssertedFormats() {}

    /** RFC 3339 appendix A's {@code duration}, strictly (see {@link DurationFormat}). */
    public static boolean isDuration(String value) {
        return DurationFormat.isDuration(value);
    }
}
