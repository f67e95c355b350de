package dev.tokencontract.contract;

import dev.tokencontract.finding.Finding;
import java.util.List;

/**
 * A contract could not be found, read or accepted. When the cause is the document itself,
 * {@link #findings()} holds the lint findings.
 */
public final class ContractException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    public ContractException(String message) {
        this(message, List.of());
    }

    public ContractException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
