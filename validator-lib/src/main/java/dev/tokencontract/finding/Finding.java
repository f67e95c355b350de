package dev.tokencontract.finding;

import java.util.Objects;

/**
 * One thing found while judging a token or linting a contract. Findings are data: tools compare
 * {@link #code()} and {@link #pointer()}, never {@link #message()}.
 *
 * @param code     stable code, documented in {@code docs/findings.md}
 * @param severity how much it weighs
 * @param pointer  JSON pointer into the token ({@code /header/alg}, {@code /claims/tenant_id}) or the
 *                 contract; {@code ""} for the token as a whole
 * @param expected what the rule wanted, for people; may be {@code null}
 * @param actual   what was found, already redacted and shortened; may be {@code null}
 * @param message  one line for people
 * @param hint     what to do about it, one line; may be {@code null}
 */
public record Finding(
        FindingCode code,
        Severity severity,
        String pointer,
        String expected,
        String actual,
        String message,
        String hint) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** An error with the code's default hint. */
    public static Finding error(FindingCode code, String pointer, String expected, String actual, String message) {
        return new Finding(code, Severity.ERROR, pointer, expected, actual, message, code.hint());
    }

    /** A warning with the code's default hint. */
    public static Finding warning(FindingCode code, String pointer, String expected, String actual, String message) {
        return new Finding(code, Severity.WARNING, pointer, expected, actual, message, code.hint());
    }

    /** A note for readers (no expected or actual value) with the code's default hint. */
    public static Finding info(FindingCode code, String pointer, String message) {
        return new Finding(code, Severity.INFO, pointer, null, null, message, code.hint());
    }

    /** The stage this finding belongs to. */
    public Stage stage() {
        return code.stage();
    }

    /** True when this finding rejects the token (as opposed to "could not check" or a note). */
    public boolean rejects() {
        return severity == Severity.ERROR && !code.meansUnchecked();
    }

    /** True when this finding means something needed to judge the token was unavailable. */
    public boolean meansUnchecked() {
        return severity == Severity.ERROR && code.meansUnchecked();
    }
}
