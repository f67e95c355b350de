package dev.tokencontract.cli;

import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.idp.IdpChecks;
import dev.tokencontract.idp.IdpReport;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tokencontract check-resource}: an MCP server's protected resource metadata and its authorization servers. */
final class CheckResourceCommand implements Command {
    static final String DEFAULT_CONTRACT = "oauth-protected-resource@latest";

    @Override
    public String name() {
        return "check-resource";
    }

    @Override
    public String synopsis() {
        return "[options] MCP-SERVER-URL|FILE";
    }

    @Override
    public String summary() {
        return "check an MCP server's protected resource metadata (RFC 9728) and its authorization servers";
    }

    @Override
    public String details() {
        return """
                MCP-SERVER-URL: an unauthenticated GET must answer 401 with WWW-Authenticate resource_metadata;
                otherwise the well-known URLs are tried (/.well-known/oauth-protected-resource{path}, then the root).
                FILE: a protected resource metadata document.
                Every listed authorization server (up to 5) is then checked as check-idp does, against
                --server-contract (default mcp-authorization-server@latest), unless --no-fetch is given with a FILE.

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
                .desc("protected-resource-metadata contract (repeatable); default " + DEFAULT_CONTRACT)
                .get());
        options.addOption(Option.builder()
                .longOpt("server-contract")
                .hasArg()
                .argName("REF|FILE")
                .desc("idp-metadata contract for the listed authorization servers (repeatable); default "
                        + CheckIdpCommand.DEFAULT_CONTRACT)
                .get());
        options.addOption(Option.builder()
                .longOpt("no-fetch")
                .desc("with a FILE: do not fetch the authorization servers")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        String target = IdpOptions.single(line, "MCP server URL or metadata file");
        List<Contract> contracts;
        List<Contract> serverContracts;
        try {
            contracts = IdpOptions.contracts(line, "contract", List.of(DEFAULT_CONTRACT));
            serverContracts = IdpOptions.contracts(line, "server-contract", List.of(CheckIdpCommand.DEFAULT_CONTRACT));
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        IdpChecks checks = IdpChecks.withDefaults();
        IdpReport report;
        try {
            if (IdpOptions.isUrl(target)) {
                if (line.hasOption("no-fetch")) {
                    throw new UsageException("--no-fetch applies to a metadata FILE, not a URL");
                }
                report = checks.checkResource(target, contracts, serverContracts);
            } else {
                report = checks.checkResourceMetadata(
                        IdpOptions.readFile("", target),
                        target,
                        contracts,
                        serverContracts,
                        !line.hasOption("no-fetch"));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(Terminal.safe(e.getMessage(), 200));
        } catch (IOException e) {
            io.err().println("tokencontract " + name() + ": cannot read: " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        CheckIdpCommand.print(report, "Checked resource", format, io);
        return ExitCode.of(report.verdict());
    }
}
