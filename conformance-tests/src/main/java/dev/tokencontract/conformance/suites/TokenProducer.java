package dev.tokencontract.conformance.suites;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The party that mints tokens: an IdP, a legacy login, a token service. Implement it as a Java function,
 * or use {@link #command} or {@link #http} for a black box.
 */
@FunctionalInterface
public interface TokenProducer {

    /** The token minted for {@code input}; throw {@link CouldNotRun} when the producer cannot be asked. */
    String mint(ProducerInput input) throws Exception;

    /** A command run once per input: the input as JSON on stdin, the token (or {"access_token": ...}) on stdout. */
    static TokenProducer command(List<String> command) {
        return new CommandProducer(command, CommandProducer.DEFAULT_TIMEOUT);
    }

    static TokenProducer command(List<String> command, Duration timeout) {
        return new CommandProducer(command, timeout);
    }

    /** A token endpoint: {@code POST} of the input as JSON; the body is the token or {"access_token": ...}. */
    static TokenProducer http(URI endpoint) {
        return new HttpProducer(endpoint);
    }
}
