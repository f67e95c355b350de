package dev.tokencontract.mcp;

import dev.tokencontract.mcp.internal.DecisionLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives every authorisation decision. The default writes one JSON line per decision to SLF4J. */
@FunctionalInterface
public interface DecisionLog {

    void record(AuthorizationDecision decision);

    /**
     * Logger {@code tokencontract.mcp.decisions}: WARN for denied, INFO for tool calls allowed, DEBUG for
     * other authenticated requests (initialize, notifications, the SSE stream).
     */
    static DecisionLog slf4j() {
        Logger logger = LoggerFactory.getLogger("tokencontract.mcp.decisions");
        return decision -> {
            if (decision.allowed() && decision.reason() == DecisionReason.AUTHENTICATED) {
                logger.debug("{}", DecisionLine.json(decision));
            } else if (decision.allowed()) {
                logger.info("{}", DecisionLine.json(decision));
            } else {
                logger.warn("{}", DecisionLine.json(decision));
            }
        };
    }
}
