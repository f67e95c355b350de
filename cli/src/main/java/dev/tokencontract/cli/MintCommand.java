package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.finding.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tokencontract mint}: sign a claim set valid under a contract into a JWT, for tests and demos. */
final class MintCommand implements Command {

    @Override
    public String name() {
        return "mint";
    }

    @Override
    public String synopsis() {
        return "[options] --key FILE|--secret-file FILE|--secret-env NAME CONTRACT";
    }

    @Override
    public String summary() {
        return "sign a claim set valid under a contract into a test token (key from a file or env only)";
    }

    @Override
    public String details() {
        return """
                The claims are those of 'tokencontract example' (same --seed, --claim, --at, --ttl). The token is
                printed on stdout, nothing else; a random seed is printed on stderr.
                The header carries the algorithm, typ as the contract's x-jose asks (at+jwt when it allows it)
                and kid (--kid, else the JWK's kid; a contract with kidRequired refuses a token without one).
                The algorithm is bound to the key: --alg, else the JWK's "alg", else the only algorithm the
                contract allows for the key type. Refused: public-only keys, encrypted PEM, an algorithm the
                contract does not allow, a key that does not fit it (RSA under 2048 bits, the wrong EC curve, an
                HMAC secret shorter than the hash), a JWK set with several keys and no --kid.
                Keys and secrets come from files or the environment only, and are never printed.
                A claim set the contract refuses is not signed (exit 1) unless --allow-invalid is given, for
                negative tests: then the findings are printed on stderr and the token is signed anyway.

                Exit: 0 signed, 1 the claims break the contract, 2 usage error or key refused, 3 contract
                unavailable or no valid claim set could be generated.
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOptionGroup(MintKeys.group());
        options.addOption(MintKeys.kidOption());
        options.addOption(Option.builder()
                .longOpt("alg")
                .hasArg()
                .argName("ALG")
                .desc("the algorithm (RS256, PS256, ES256, HS256, ...); needed when the contract allows several for "
                        + "the key type")
                .get());
        ClaimSetOptions.addTo(options);
        options.addOption(Option.builder()
                .longOpt("allow-invalid")
                .desc("sign even when the claims break the contract (negative tests); the findings go to stderr")
                .get());
        options.addOption(Common.help());
        return options;
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        String reference = ClaimSetOptions.contractArgument(line, "mint takes one CONTRACT");
        Optional<Long> seed = ClaimSetOptions.seed(line);
        Optional<Duration> ttl = ClaimSetOptions.ttl(line);
        Instant issuedAt = ClaimSetOptions.issuedAt(line, io);
        ClaimOverrides overrides = ClaimOverrides.parse(line.getOptionValues("claim"));
        Optional<String> alg = Optional.ofNullable(line.getOptionValue("alg"));
        Contract contract;
        try {
            contract = ClaimSetOptions.load(reference);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        MintKey key;
        String algorithm;
        try {
            key = MintKeys.from(line, io);
            if (contract.jose() == null) {
                throw new UsageException(contract.reference() + " is not a token contract (its kind is "
                        + contract.kind().id() + "); mint needs one");
            }
            algorithm = MintSigner.choose(contract.jose(), key, alg);
            if (contract.jose().kidRequired() && key.kid().isEmpty()) {
                throw new KeyFileException(contract.reference() + " requires a kid in the header: pass --kid (the kid "
                        + "under which the verifier's JWK set publishes this key)");
            }
        } catch (KeyFileException e) {
            return keyRefused(e, io);
        }
        try {
            Optional<ExampleClaims.Result> claims =
                    ExampleCommand.generate(contract, seed, ttl, issuedAt, overrides, io);
            if (claims.isEmpty()) {
                return ExitCode.UNCHECKED;
            }
            if (!claims.get().valid()) {
                if (!line.hasOption("allow-invalid")) {
                    return ExampleCommand.refuse(name(), contract, claims.get(), io);
                }
                warnInvalid(contract, claims.get(), io);
            }
            io.out()
                    .println(MintSigner.sign(
                            claims.get().claims(), algorithm, MintSigner.type(contract.jose()), key.kid(), key));
            return ExitCode.OK;
        } catch (KeyFileException e) {
            return keyRefused(e, io);
        } finally {
            key.destroy();
        }
    }

    private static void warnInvalid(Contract contract, ExampleClaims.Result result, Io io) {
        io.err()
                .println("tokencontract mint: warning: --allow-invalid: this token breaks " + contract.reference()
                        + "; a conforming consumer rejects it with:");
        for (Finding finding : result.findings()) {
            io.err()
                    .println("  " + finding.code() + " " + Terminal.safe(finding.pointer(), 120) + ": "
                            + Terminal.safe(finding.message(), 300));
        }
    }

    private int keyRefused(KeyFileException e, Io io) {
        io.err().println("tokencontract " + name() + ": key refused: " + Terminal.safe(e.getMessage(), 400));
        return ExitCode.USAGE;
    }
}
