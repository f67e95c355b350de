package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import dev.tokencontract.validator.ValidationReport;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tokencontract explain}: judge one token against a contract and say why, claim by claim. */
final class ExplainCommand implements Command {
    /** Any access token can be judged against the RFC 9068 profile; MCP servers pin their own contract. */
    static final String DEFAULT_CONTRACT = "rfc9068-access-token@latest";

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String synopsis() {
        return "[options] [TOKEN]";
    }

    @Override
    public String summary() {
        return "judge a token against a contract and say why, claim by claim";
    }

    @Override
    public String details() {
        return """
                TOKEN is read from stdin when not given (or given as -), so it stays out of shell history.
                A leading 'Authorization:' or 'Bearer ', surrounding quotes and all whitespace are removed.
                Without a key option the token is decoded and judged but never accepted (exit 3).
                Without --issuer or --audience those checks are skipped, and the report says so.
                --idp ISSUER-URL discovers the IdP's metadata and takes the expected issuer and the keys
                (jwks_uri) from it; it cannot be combined with a key option.
                The signature is never printed in full; secrets are never printed.

                Exit: 0 accepted, 1 rejected, 2 usage error, 3 could not check (keys or contract unavailable).
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder("c")
                .longOpt("contract")
                .hasArg()
                .argName("REF|FILE")
                .desc("contract: bundled name@version (also name@1, name@latest), a file, registry:NAME@RANGE or"
                        + " lock:NAME; default " + DEFAULT_CONTRACT)
                .get());
        RegistryOptions.add(options, false); // for registry: and lock: references
        addJudgingOptions(options);
        options.addOption(IdpKeys.option());
        return Common.withFormatAndHelp(options);
    }

    /** The options that say how a token is judged (keys, algorithm, issuer, audience, leeway, time), shared with access. */
    static void addJudgingOptions(Options options) {
        options.addOptionGroup(KeyOptions.group());
        options.addOption(KeyOptions.algOption());
        options.addOption(Option.builder()
                .longOpt("issuer")
                .hasArg()
                .argName("ISS")
                .desc("expected 'iss', compared exactly; not checked when absent")
                .get());
        options.addOption(Option.builder()
                .longOpt("audience")
                .hasArg()
                .argName("AUD")
                .desc("expected 'aud' (repeat to accept several); not checked when absent")
                .get());
        options.addOption(Option.builder()
                .longOpt("leeway")
                .hasArg()
                .argName("SECONDS")
                .desc("clock-skew tolerance for exp, nbf and iat, 0 to 600; default 60")
                .get());
        options.addOption(Common.at("judge as of this moment instead of now"));
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        Instant at = Arguments.at(line, io);
        TokenValidator.Builder builder = TokenValidator.builder();
        if (line.hasOption("leeway")) {
            builder.leeway(Arguments.leeway(line.getOptionValue("leeway")));
        }
        issuerAndAudience(line, builder);
        // Loading the contract (JSON Schema compile) and the keys are independent and each costs tens of
        // milliseconds on a cold JVM: do them on two threads while the token is read.
        ContractSource.Pending source =
                ContractSource.prepare(line.getOptionValue("contract", DEFAULT_CONTRACT), line, io, name());
        FutureTask<Contract> loading = new FutureTask<>(() -> source.load().contract());
        Thread loader = new Thread(loading, "contract-loader");
        loader.setDaemon(true);
        loader.start();
        String token = TokenInput.read(line.getArgList(), io);

        KeySource keys = null;
        KeySourceException keyProblem = null;
        try {
            keys = line.hasOption(IdpKeys.OPTION) ? IdpKeys.from(line, builder, io) : KeyOptions.from(line);
        } catch (KeySourceException e) {
            keyProblem = e;
        }
        Contract contract;
        try {
            contract = await(loading);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        if (keyProblem != null) {
            io.err().println("tokencontract explain: keys unavailable: " + Terminal.safe(keyProblem.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        keys.warnings().forEach(w -> io.err().println("tokencontract explain: warning: " + Terminal.safe(w, 300)));
        TokenValidator validator;
        try {
            if (line.hasOption("alg")) {
                builder.keyAlgorithm(line.getOptionValue("alg")); // RFC 8725 section 3.1: one key, one algorithm
            }
            // explain is the diagnosis path: judge the claims even when the signature fails
            validator = builder.contract(contract)
                    .keys(keys)
                    .checkContractEvenIfSignatureFails()
                    .build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // e.g. --contract names an IdP-metadata contract, or --alg an algorithm it does not allow
            throw new UsageException(e.getMessage());
        }
        ValidationReport report = validator.validate(token, at);
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(ReportJson.toNode(report, validator)));
        } else {
            new ExplainText(new Terminal(io.colour())).print(report, validator, io.out());
        }
        return ExitCode.of(report.verdict());
    }

    private static Contract await(FutureTask<Contract> loading) throws ContractException {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContractException("interrupted while loading the contract");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ContractException contractException) {
                throw contractException;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static void issuerAndAudience(CommandLine line, TokenValidator.Builder builder) throws UsageException {
        IdpKeys.refuseCombinations(line);
        if (line.hasOption("issuer")) {
            String issuer = line.getOptionValue("issuer");
            if (issuer.isBlank()) {
                throw new UsageException("--issuer must not be blank; leave it out to skip the issuer check");
            }
            builder.expectIssuer(issuer);
        } else if (!line.hasOption(IdpKeys.OPTION)) {
            builder.ignoreIssuer(); // with --idp the issuer comes from the metadata
        }
        if (line.hasOption("audience")) {
            for (String audience : line.getOptionValues("audience")) {
                if (audience.isBlank()) {
                    throw new UsageException("--audience must not be blank; leave it out to skip the audience check");
                }
                builder.expectAudience(audience);
            }
        } else {
            builder.ignoreAudience();
        }
    }
}
