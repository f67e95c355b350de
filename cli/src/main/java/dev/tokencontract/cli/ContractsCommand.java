package dev.tokencontract.cli;

import dev.tokencontract.contract.BundledContract;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract contracts}: the bundled contracts, their versions and what they are for. */
final class ContractsCommand implements Command {

    @Override
    public String name() {
        return "contracts";
    }

    @Override
    public String synopsis() {
        return "[options]";
    }

    @Override
    public String summary() {
        return "list the bundled contracts and their versions";
    }

    @Override
    public String details() {
        return "Use one with: explain --contract NAME@VERSION (or NAME@1, NAME@latest).\n";
    }

    @Override
    public Options options() {
        return Common.withFormatAndHelp(new Options());
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("contracts takes no arguments");
        }
        List<BundledContract> bundled = Contracts.listBundled();
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode array = root.putArray("contracts");
            for (BundledContract contract : bundled) {
                ObjectNode entry = array.addObject();
                entry.put("name", contract.name());
                ArrayNode versions = entry.putArray("versions");
                contract.versions().forEach(versions::add);
                entry.put("latest", contract.latest());
                entry.put("description", description(contract));
            }
            io.out().print(ReportJson.write(root));
            return ExitCode.OK;
        }
        Terminal term = new Terminal(io.colour());
        int width = bundled.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (BundledContract contract : bundled) {
            io.out()
                    .println(term.bold(contract.name())
                            + " ".repeat(width - contract.name().length()) + "  "
                            + String.join(", ", contract.versions()) + " (latest " + contract.latest() + ")");
            io.out().println(" ".repeat(width + 2) + term.dim(description(contract)));
        }
        return ExitCode.OK;
    }

    private static String description(BundledContract contract) {
        try {
            Contract loaded = Contracts.bundled(contract.name() + "@" + contract.latest());
            return loaded.description() == null ? "" : loaded.description();
        } catch (ContractException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
