package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.ContractKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code tokencontract example}: print a claim set valid under a contract, generated from a seed. */
final class ExampleCommand implements Command {

    @Override
    public String name() {
        return "example";
    }

    @Override
    public String synopsis() {
        return "[options] CONTRACT";
    }

    @Override
    public String summary() {
        return "print a claim set valid under a contract (generated, seedable, with --claim overrides)";
    }

    @Override
    public String details() {
        return """
                CONTRACT is a bundled name@version (also name@1, name@latest) or a contract file.
                The claims come from the conformance kit's generator: --seed N gives the same claims every time
                (with the same --at); without it a random seed is used and printed on stderr. iat (and nbf and
                auth_time when generated) is the issue time (--at, default now) and exp is iat + --ttl.
                --claim NAME=VALUE overrides a claim after generation: --claim tenant_id=acme,
                --claim 'roles=["admin"]', --claim /act/sub=agent-7 (a JSON pointer). The result is checked
                against the contract; a claim set the contract refuses is not printed: the findings say which
                claim and why (exit 1).

                Exit: 0 printed, 1 the overrides break the contract, 2 usage error, 3 contract unavailable or
                no valid claim set could be generated.
                """;
    }

    @Override
    public Options options() {
        Options options = ClaimSetOptions.addTo(new Options());
        options.addOption(Common.help());
        return options;
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        String reference = ClaimSetOptions.contractArgument(line, "example takes one CONTRACT");
        Optional<Long> givenSeed = ClaimSetOptions.seed(line);
        Optional<Duration> ttl = ClaimSetOptions.ttl(line);
        Instant issuedAt = ClaimSetOptions.issuedAt(line, io);
        ClaimOverrides overrides = ClaimOverrides.parse(line.getOptionValues("claim"));
        Contract contract;
        try {
            contract = ClaimSetOptions.load(reference);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        Optional<ExampleClaims.Result> result = generate(contract, givenSeed, ttl, issuedAt, overrides, io);
        if (result.isEmpty()) {
            return ExitCode.UNCHECKED;
        }
        if (!result.get().valid()) {
            return refuse(name(), contract, result.get(), io);
        }
        io.out().print(ReportJson.write(result.get().claims()));
        return ExitCode.OK;
    }

    /**
     * The claim set of {@code example} and {@code mint}; empty (after a message on stderr) when none could be
     * generated. Prints the seed on stderr when it was chosen at random.
     */
    static Optional<ExampleClaims.Result> generate(
            Contract contract,
            Optional<Long> givenSeed,
            Optional<Duration> ttl,
            Instant issuedAt,
            ClaimOverrides overrides,
            Io io)
            throws UsageException {
        if (contract.kind() != ContractKind.JWT_ACCESS_TOKEN) {
            throw new UsageException(contract.reference() + " is not a token contract (its kind is "
                    + contract.kind().id() + "); example, mint and access need one");
        }
        Duration lifetime = ExampleClaims.lifetime(contract, ttl);
        long seed = givenSeed.orElseGet(ClaimSetOptions::randomSeed);
        if (givenSeed.isEmpty()) {
            io.err().println("tokencontract: seed " + seed + " (pass --seed " + seed + " to repeat)");
        }
        try {
            return Optional.of(ExampleClaims.make(contract, seed, issuedAt, lifetime, overrides));
        } catch (ExampleClaims.NoExampleException e) {
            io.err().println("tokencontract: " + Terminal.safe(e.getMessage(), 300));
            return Optional.empty();
        }
    }

    /** The claims the contract refuses: every finding on stderr, nothing on stdout; exit 1. */
    static int refuse(String command, Contract contract, ExampleClaims.Result result, Io io) {
        io.err()
                .println("tokencontract " + command + ": the claims break " + contract.reference()
                        + " (" + result.findings().size() + (result.findings().size() == 1 ? " finding" : " findings")
                        + "); nothing was printed");
        ExplainText.printFindings(result.findings(), io.err(), new Terminal(false));
        return ExitCode.REJECTED;
    }
}
