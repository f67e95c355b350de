package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.registry.client.AdminResult;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract deprecate NAME@VERSION}: mark one exact version DEPRECATED (PUT .../state). */
final class DeprecateCommand implements Command {

    @Override
    public String name() {
        return "deprecate";
    }

    @Override
    public String synopsis() {
        return "[options] NAME@VERSION";
    }

    @Override
    public String summary() {
        return "mark one published version deprecated (admin); --undo makes it active again";
    }

    @Override
    public String details() {
        return """
                A deprecated version is still served when asked for exactly (fetches warn about it), but ranges
                and latest skip it. Nothing is ever deleted. VERSION must be exact (1.2.0). Needs an admin token
                (scope contracts:admin) from --token-file or $TOKENCONTRACT_ADMIN_TOKEN (never an argument).

                Exit: 0 set, 1 refused (401/403, no such version), 2 usage error, 3 registry unreachable.
                """;
    }

    @Override
    public Options options() {
        Options options = RegistryOptions.add(new Options(), true);
        options.addOption(AdminToken.option());
        options.addOption(Option.builder()
                .longOpt("undo")
                .desc("set the version ACTIVE again")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("expected one NAME@VERSION, got " + args.size());
        }
        ContractRef ref;
        try {
            ref = ContractRef.parse(args.get(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + Terminal.safe(args.get(0), 80) + "' is not NAME@VERSION: " + e.getMessage());
        }
        if (!ref.isExact()) {
            throw new UsageException("'" + Terminal.safe(args.get(0), 80) + "': name one exact version (like "
                    + ref.name() + "@1.2.0); ranges and latest move");
        }
        String state = line.hasOption("undo") ? "ACTIVE" : "DEPRECATED";
        String token = AdminToken.read(line, io);
        RegistryClient client = RegistryOptions.client(line, io, name(), null, null);
        AdminResult result;
        try {
            result = client.setState(ref.name(), ref.version(), state, token);
        } catch (RegistryException e) {
            return RegistryErrors.report(name(), e, format, io);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the token: " + Terminal.safe(e.getMessage(), 200));
        }
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("name", result.name());
            root.put("version", result.version());
            root.put("state", result.value());
            root.put("registry", client.baseUrl().toString());
            io.out().print(ReportJson.write(root));
        } else {
            io.out()
                    .println(Terminal.safe(result.name() + "@" + result.version(), 200) + " is now "
                            + Terminal.safe(result.value(), 40) + " at " + client.baseUrl()
                            + (state.equals("DEPRECATED") ? " (still served exactly; ranges and latest skip it)" : ""));
        }
        return ExitCode.OK;
    }
}
