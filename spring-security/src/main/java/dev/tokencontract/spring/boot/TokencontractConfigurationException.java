package dev.tokencontract.spring.boot;

/** A {@code tokencontract.*} setting is missing or unusable: the application does not start (fail closed). */
public final class TokencontractConfigurationException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TokencontractConfigurationException(String message) {
        super(message);
    }

    public TokencontractConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
