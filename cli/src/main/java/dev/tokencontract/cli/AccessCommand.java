package dev.tokencontract.cli;

import dev.tokencontract.contract.AuthorizationRules;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.OperationRule;
import dev.tokencontract.finding.Verdict;
import dev.tokencontract.validator.DecodedToken;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import tools.jackson.databind.JsonNode;

/**
 * {@code tokencontract access}: which operations of the contract's {@code x-authorization} a token may call, and
 * what it lacks for the others. The rules are evaluated by {@link AuthorizationRules#missingFor}, the one evaluator
 * the MCP filter and the Spring Security guard also use. Only a verified token is answered for real: an unverified
 * (no key option) or rejected token is answered as hypothetical and never exits 0.
 */
final class AccessCommand implements Command {

    /** One operation's answer. */
    record Answer(String operation, boolean allowed, List<String> missing, String description) {
        Answer {
            missing = List.copyOf(missing);
        }
    }

    @Override
    public String name() {
        return "access";
    }

    @Override
    public String synopsis() {
        return "[options] CONTRACT [TOKEN]";
    }

    @Override
    public String summary() {
        return "which x-authorization operations a token may call, and what it lacks for the others";
    }

    @Override
    public String details() {
        return """
                CONTRACT is a bundled name@version or a contract file with x-authorization. TOKEN is read from
                stdin when not given (or given as -), as in explain.
                The token is judged first, exactly as explain judges it (same key, issuer, audience options).
                Only a token that is ACCEPTED gets a real answer. Without a key option the signature is not
                checked: the answer is printed as HYPOTHETICAL and the exit code is 3, because a server would
                grant nothing to such a token. A REJECTED token may call nothing (exit 1); its claims are shown
                for diagnosis only.
                An operation the contract does not list is never granted.

                Exit: 0 the token is accepted (and, with --operation, may call it), 1 rejected or (with
                --operation) not allowed, 2 usage error, 3 could not check (no key option, keys or contract
                unavailable).
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        ExplainCommand.addJudgingOptions(options);
        options.addOption(Option.builder()
                .longOpt("operation")
                .hasArg()
                .argName("NAME")
                .desc("answer for this one operation only: exit 0 when the token may call it, 1 when not")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        Instant at = Arguments.at(line, io);
        List<String> positional = line.getArgList();
        if (positional.isEmpty()) {
            throw new UsageException("no CONTRACT given");
        }
        if (positional.size() > 2) {
            throw new UsageException("access takes CONTRACT and at most one TOKEN");
        }
        Optional<String> operation = Optional.ofNullable(line.getOptionValue("operation"));
        TokenValidator.Builder builder = TokenValidator.builder();
        if (line.hasOption("leeway")) {
            builder.leeway(Arguments.leeway(line.getOptionValue("leeway")));
        }
        ExplainCommand.issuerAndAudience(line, builder);
        Contract contract;
        try {
            contract = ClaimSetOptions.load(positional.get(0));
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        if (contract.jose() == null) {
            throw new UsageException(contract.reference() + " is not a token contract (its kind is "
                    + contract.kind().id() + "); access needs one with x-authorization");
        }
        if (operation.isPresent()
                && contract.authorization().rule(operation.get()).isEmpty()) {
            io.err()
                    .println("tokencontract access: warning: " + contract.reference() + " lists no operation '"
                            + Terminal.safe(operation.get(), 80) + "'; it is never granted");
        }
        String token = TokenInput.read(positional.subList(1, positional.size()), io);
        KeySource keys;
        try {
            keys = KeyOptions.from(line);
        } catch (KeySourceException e) {
            io.err().println("tokencontract access: keys unavailable: " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        keys.warnings().forEach(w -> io.err().println("tokencontract access: warning: " + Terminal.safe(w, 300)));
        TokenValidator validator;
        try {
            if (line.hasOption("alg")) {
                builder.keyAlgorithm(line.getOptionValue("alg"));
            }
            validator = builder.contract(contract).keys(keys).build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ValidationReport report = validator.validate(token, at);
        Optional<JsonNode> claims = report.decoded().flatMap(DecodedToken::claims);
        List<Answer> answers =
                claims.map(c -> answers(contract.authorization(), c, operation)).orElse(List.of());
        AccessText output = new AccessText(new Terminal(io.colour()));
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(AccessText.json(report, contract, claims, answers)));
        } else {
            output.print(report, contract, claims, answers, io.out());
        }
        return exitCode(report.verdict(), answers, operation);
    }

    /** Every operation (sorted by name), or just {@code only}, with what the claims lack for it. */
    static List<Answer> answers(AuthorizationRules rules, JsonNode claims, Optional<String> only) {
        List<String> names = only.map(List::of)
                .orElseGet(() -> rules.operations().keySet().stream().sorted().toList());
        List<Answer> out = new ArrayList<>();
        for (String name : names) {
            List<String> missing = rules.missingFor(name, claims);
            String description =
                    rules.rule(name).map(OperationRule::description).orElse(null);
            out.add(new Answer(name, missing.isEmpty(), missing, description));
        }
        return out;
    }

    private static int exitCode(Verdict verdict, List<Answer> answers, Optional<String> operation) {
        if (verdict != Verdict.ACCEPTED) {
            return ExitCode.of(verdict);
        }
        if (operation.isPresent() && !answers.get(0).allowed()) {
            return ExitCode.REJECTED;
        }
        return ExitCode.OK;
    }
}
