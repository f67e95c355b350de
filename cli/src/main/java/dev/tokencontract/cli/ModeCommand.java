package dev.tokencontract.cli;

import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.contract.ContractRef;
import dev.tokencontract.registry.client.AdminResult;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract mode NAME MODE}: a contract's compatibility mode at the registry (PUT .../config). */
final class ModeCommand implements Command {

    @Override
    public String name() {
        return "mode";
    }

    @Override
    public String synopsis() {
        return "[options] NAME MODE";
    }

    @Override
    public String summary() {
        return "set a contract's compatibility mode at the registry (admin)";
    }

    @Override
    public String details() {
        return """
                MODE is NONE, BACKWARD, FORWARD, FULL or a _TRANSITIVE form (see docs/registry-api.md#compatibility);
                it decides which changes later publishes of NAME may make. Needs an admin token (scope
                contracts:admin) from --token-file or $TOKENCONTRACT_ADMIN_TOKEN (never an argument). The
                registry records the change in its audit log.

                Exit: 0 set, 1 refused (401/403, no such contract), 2 usage error, 3 registry unreachable.
                """;
    }

    @Override
    public Options options() {
        Options options = RegistryOptions.add(new Options(), true);
        options.addOption(AdminToken.option());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> args = line.getArgList();
        if (args.size() != 2) {
            throw new UsageException("expected NAME and MODE, got " + args.size() + " argument(s)");
        }
        String name = args.get(0);
        if (!ContractRef.validName(name)) {
            throw new UsageException("'" + Terminal.safe(name, 80)
                    + "' is not a contract name (lower-case words joined by '.' or '-')"
                    + (name.contains("@") ? "; a mode belongs to the contract, not to a version" : ""));
        }
        CompatibilityMode mode = CompatibilityMode.parse(args.get(1));
        if (mode == null) {
            List<String> modes =
                    Arrays.stream(CompatibilityMode.values()).map(Enum::name).toList();
            throw new UsageException("MODE must be one of " + String.join(", ", modes) + ", not '"
                    + Terminal.safe(args.get(1), 40) + "'" + Suggest.hint(args.get(1), modes));
        }
        String token = AdminToken.read(line, io);
        RegistryClient client = RegistryOptions.client(line, io, name(), null, null);
        AdminResult result;
        try {
            result = client.setMode(name, mode.name(), token);
        } catch (RegistryException e) {
            return RegistryErrors.report(name(), e, format, io);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the token: " + Terminal.safe(e.getMessage(), 200));
        }
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("name", result.name());
            root.put("mode", result.value());
            root.put("registry", client.baseUrl().toString());
            io.out().print(ReportJson.write(root));
        } else {
            io.out()
                    .println("mode of " + Terminal.safe(result.name(), 130) + " is now "
                            + Terminal.safe(result.value(), 40) + " at " + client.baseUrl());
        }
        return ExitCode.OK;
    }
}
