package dev.tokencontract.cli;

import dev.tokencontract.conformance.report.JUnitXml;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.validator.KeySourceException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tokencontract conform producer|consumer|carrier|compat}: runs a conformance suite black-box
 * against HTTP endpoints or a command, prints each property's outcome (the shrunk counterexample of a
 * failure) and optionally writes JUnit XML. Exit 0 passed, 1 a property failed, 2 usage, 3 could not run.
 */
final class ConformCommand implements Command {
    static final List<String> SUITES = List.of("producer", "consumer", "carrier", "compat");

    @Override
    public String name() {
        return "conform";
    }

    @Override
    public String synopsis() {
        return "SUITE [options]";
    }

    @Override
    public String summary() {
        return "run a conformance suite: producer, consumer, carrier or compat";
    }

    @Override
    public String details() {
        return """
                SUITE is one of the four below; a producer command goes last, after '--'.

                consumer  --endpoint URL --issuer ISS --audience AUD: valid tokens get 2xx, each invalid one 401/403
                          with a well-formed WWW-Authenticate. The consumer must trust the signing keys: give
                          --signing-keys FILE (a private JWK set whose public half it trusts), or let the run
                          generate keys and serve their JWKS with --serve-jwks PORT and/or --jwks-out FILE.
                          --mcp-session: the endpoint is a stateful MCP server (sessions; a bare tools/list gets
                          400): each token opens a session with initialize, closed again with DELETE.
                producer  (--token-endpoint URL | -- COMMAND ARGS...) --jwks|--pem|--secret-file|--secret-env
                          --issuer ISS --audience AUD: every token minted for generated users, tenants and roles
                          conforms. Inputs go as {"sub":..,"tenant_id":..,"roles":[..]} (POST body or stdin);
                          the answer is the token or {"access_token": ...}.
                carrier   --hub URL --issuer ISS --hub-audience AUD --downstream-audience AUD
                          [--downstream-port PORT]: user tokens are POSTed to the hub as bearer tokens with
                          {"downstream": URL}; what the hub presents there must carry the user's sub, tenant and
                          the downstream audience (delegation with act is fine), never a bot identity. With
                          --jwks|--pem|--secret-file|--secret-env (the keys of the hub's token exchange) and
                          optional --downstream-issuer, each presented token must also pass the contract in full.
                compat    --contract OLD --against NEW: claims valid under each version are valid under the other.

                Exit: 0 every property passed, 1 a property failed (the shrunk counterexample is printed),
                2 usage error, 3 could not run (endpoint unreachable, command missing, keys unreadable).
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(value(
                "c",
                "contract",
                "REF",
                "contract: bundled NAME@VERSION, a file, registry:NAME@RANGE or lock:NAME (compat: the older one)"));
        RegistryOptions.add(options, false); // for registry: and lock: references
        options.addOption(value(null, "against", "REF", "compat: the newer contract version"));
        options.addOption(
                value(null, "tries", "N", "examples per property (default " + SuiteSettings.DEFAULT_TRIES + ")"));
        options.addOption(value(null, "seed", "N", "seed to replay a run exactly (default: random, printed)"));
        options.addOption(value(null, "report", "FILE", "write JUnit XML results to FILE"));
        options.addOption(value(null, "endpoint", "URL", "consumer: the MCP endpoint to call"));
        options.addOption(value(null, "token-endpoint", "URL", "producer: the token endpoint to POST inputs to"));
        options.addOption(value(null, "hub", "URL", "carrier: the hub endpoint to POST user tokens to"));
        options.addOption(value(null, "issuer", "ISS", "the issuer tokens carry"));
        options.addOption(value(null, "audience", "AUD", "the consumer's (or producer's target) audience"));
        options.addOption(value(null, "hub-audience", "AUD", "carrier: the audience of user tokens sent to the hub"));
        options.addOption(
                value(null, "downstream-audience", "AUD", "carrier: the audience the downstream server expects"));
        options.addOption(value(
                null, "downstream-port", "PORT", "carrier: loopback port of the recording downstream (default free)"));
        options.addOption(value(
                null,
                "downstream-issuer",
                "ISS",
                "carrier: issuer of the tokens presented downstream (with their keys)"));
        options.addOption(value(
                null, "signing-keys", "FILE", "consumer/carrier: private JWK set to sign with (default: generated)"));
        options.addOption(
                value(null, "serve-jwks", "PORT", "consumer/carrier: serve the public JWKS on this loopback port"));
        options.addOption(value(null, "jwks-out", "FILE", "consumer/carrier: write the public JWKS to FILE"));
        options.addOption(Option.builder()
                .longOpt("mcp-session")
                .desc("consumer: open an MCP session (initialize) per token, close it after")
                .get());
        options.addOptionGroup(KeyOptions.group());
        options.addOption(Common.help());
        return options;
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        List<String> args = line.getArgList();
        if (args.isEmpty() || !SUITES.contains(args.get(0))) {
            throw new UsageException("name a suite: " + String.join("|", SUITES)
                    + (args.isEmpty() ? "" : ", not '" + Terminal.safe(args.get(0), 40) + "'"));
        }
        String suite = args.get(0);
        List<String> rest = args.subList(1, args.size());
        ConformArguments arguments = new ConformArguments(line, suite);
        SuiteSettings settings = arguments.settings();
        Path report = arguments.reportPath();
        SuiteResult result;
        try (ConformSetup setup = ConformSetup.open(suite, arguments, rest, io)) {
            result = setup.run(settings);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        } catch (KeySourceException | IllegalArgumentException | UncheckedIOException e) {
            io.err().println("tokencontract conform: could not run: " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        ConformOutput.print(result, settings, io);
        if (report != null) {
            try {
                JUnitXml.write(List.of(result), io.clock().instant(), report);
                io.out().println("JUnit XML written to " + Terminal.safe(report.toString(), 200));
            } catch (UncheckedIOException e) {
                io.err().println("tokencontract conform: " + Terminal.safe(e.getMessage(), 300));
                return ExitCode.UNCHECKED;
            }
        }
        return result.passed() ? ExitCode.OK : result.couldNotRun() ? ExitCode.UNCHECKED : ExitCode.REJECTED;
    }

    private static Option value(String shortName, String longName, String arg, String description) {
        return Option.builder(shortName)
                .longOpt(longName)
                .hasArg()
                .argName(arg)
                .desc(description)
                .get();
    }
}
