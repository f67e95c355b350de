package dev.tokencontract.spring.boot;

/** A {@code tokencontract.*} setting is missing or unusable: the application does not start (fail closed). */
public final class TokencontractConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_ACTION = "Set the tokencontract.* properties (docs/spring.md lists them). Nothing is"
            + " accepted without a contract, an audience and an issuer.";

    /** What the operator should do, shown by the failure analyzer. */
    private final String action;

    public TokencontractConfigurationException(String message) {
        this(message, DEFAULT_ACTION, null);
    }

    public TokencontractConfigurationException(String message, Throwable cause) {
        this(message, DEFAULT_ACTION, cause);
    }

    public TokencontractConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do about it, for people. */
    public String action() {
        return action;
    }
}
