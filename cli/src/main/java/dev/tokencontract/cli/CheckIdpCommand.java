package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.idp.IdpChecks;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.idp.JwksInput;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tokencontract check-idp}: an identity provider's metadata and keys against metadata contracts. */
final class CheckIdpCommand implements Command {
    static final String DEFAULT_CONTRACT = "mcp-authorization-server@latest";

    @Override
    public String name() {
        return "check-idp";
    }

    @Override
    public String synopsis() {
        return "[options] ISSUER-URL|FILE";
    }

    @Override
    public String summary() {
        return "check an IdP's metadata and keys (MCP, RFC 8414, OIDC Discovery)";
    }

    @Override
    public String details() {
        return """
                ISSUER-URL: the metadata is discovered in the order MCP 2025-11-25 gives (RFC 8414 path insertion,
                then OpenID Connect Discovery), its issuer must equal ISSUER-URL, and its jwks_uri is fetched.
                FILE: a metadata document; its jwks_uri is fetched unless --jwks FILE or --no-fetch is given.
                Fetches: https only (http for loopback), 2 s connect, 5 s per document, 512 KiB, 3 redirects.
                Findings are explained in docs/idp-checks.md.

                Exit: 0 passed, 1 failed, 2 usage error, 3 could not check (a document could not be fetched).
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder("c")
                .longOpt("contract")
                .hasArg()
                .argName("REF|FILE")
                .desc("idp-metadata contract (repeat for several); default " + DEFAULT_CONTRACT
                        + "; bundled: oidc-discovery, oauth-authorization-server")
                .get());
        options.addOption(Option.builder()
                .longOpt("jwks")
                .hasArg()
                .argName("FILE")
                .desc("with a metadata FILE: check this JWK set file instead of fetching jwks_uri")
                .get());
        options.addOption(Option.builder()
                .longOpt("no-fetch")
                .desc("with a metadata FILE: fetch nothing (keys are not checked)")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        String target = IdpOptions.single(line, "issuer URL or metadata file");
        List<Contract> contracts;
        try {
            contracts = IdpOptions.contracts(line, "contract", List.of(DEFAULT_CONTRACT));
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        IdpChecks checks = IdpChecks.withDefaults();
        IdpReport report;
        try {
            if (IdpOptions.isUrl(target)) {
                if (line.hasOption("jwks") || line.hasOption("no-fetch")) {
                    throw new UsageException("--jwks and --no-fetch apply to a metadata FILE, not an issuer URL");
                }
                report = checks.checkIssuer(target, contracts);
            } else {
                String json = IdpOptions.readFile("", target);
                JwksInput keys = line.hasOption("jwks")
                        ? JwksInput.document(IdpOptions.readFile("--jwks: ", line.getOptionValue("jwks")))
                        : line.hasOption("no-fetch") ? JwksInput.skip() : JwksInput.fetchJwksUri();
                report = checks.checkMetadata(json, target, null, contracts, keys);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(Terminal.safe(e.getMessage(), 200));
        } catch (IOException e) {
            io.err().println("tokencontract " + name() + ": cannot read: " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        print(report, "Checked IdP", format, io);
        return ExitCode.of(report.verdict());
    }

    static void print(IdpReport report, String title, Arguments.Format format, Io io) {
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(ReportJson.toNode(report)));
        } else {
            new IdpText(new Terminal(io.colour())).print(title, report, io.out());
        }
    }
}
