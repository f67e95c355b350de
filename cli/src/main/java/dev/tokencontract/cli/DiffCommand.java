package dev.tokencontract.cli;

import dev.tokencontract.compat.CheckedDiff;
import dev.tokencontract.compat.CompatibilityMode;
import dev.tokencontract.compat.ContractDiff;
import dev.tokencontract.compat.CounterexampleSearch;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tokencontract diff OLD NEW}: every change between two versions of a contract, judged under a mode. */
final class DiffCommand implements Command {
    static final CompatibilityMode DEFAULT_MODE = CompatibilityMode.FULL_TRANSITIVE;

    private final CounterexampleSearch search;

    /** @param search finds counterexample tokens for refused changes; {@code null} when none is available */
    DiffCommand(CounterexampleSearch search) {
        this.search = search;
    }

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String synopsis() {
        return "[options] OLD NEW";
    }

    @Override
    public String summary() {
        return "classify every change between two versions of a contract";
    }

    @Override
    public String details() {
        return """
                OLD and NEW are contract files, bundled references (mcp-access-token@1.0.0),
                registry:NAME@RANGE or lock:NAME (see docs/cli.md). Each change is classified: consumer-breaking (a token the old version accepted is now rejected), producer-breaking
                (a token the new version allows is rejected by consumers on the old one), widening (grants more:
                a role, a scope, an alg, an operation), cosmetic. The mode decides which are refused; widening is
                refused under every mode but NONE unless --acknowledge-widening. See docs/compatibility.md.

                Exit: 0 compatible, 1 incompatible under the mode, 2 usage error, 3 a contract unreadable or invalid.
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder("m")
                .longOpt("mode")
                .hasArg()
                .argName("MODE")
                .desc("NONE, BACKWARD, FORWARD, FULL or their _TRANSITIVE forms; default " + DEFAULT_MODE)
                .get());
        options.addOption(Option.builder()
                .longOpt("acknowledge-widening")
                .desc("accept authorization-widening changes (they are refused otherwise under every mode but NONE)")
                .get());
        RegistryOptions.add(options, false); // for registry: and lock: references
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        CompatibilityMode mode = mode(line);
        boolean acknowledged = line.hasOption("acknowledge-widening");
        List<String> references = line.getArgList();
        if (references.size() != 2) {
            throw new UsageException("expected two contracts, OLD and NEW, got " + references.size());
        }
        Contract older;
        Contract newer;
        String side = "OLD";
        try {
            older = ContractSource.load(references.get(0), line, io, name());
            side = "NEW";
            newer = ContractSource.load(references.get(1), line, io, name());
        } catch (ContractException e) {
            // say which of the two failed: with two files side by side, "the contract fails lint" is a guess
            String which = side + " " + references.get(side.equals("OLD") ? 0 : 1);
            return Common.contractUnavailable(
                    name(), new ContractException(Terminal.safe(which, 200) + ": " + e.getMessage(), e.findings()), io);
        }
        ContractDiff diff;
        try {
            diff = ContractDiff.between(older, newer);
        } catch (IllegalArgumentException e) {
            throw new UsageException(Terminal.safe(e.getMessage(), 300));
        }
        // every direction is searched, the ones the structural engine calls safe too: a token found there overrides it
        CheckedDiff checked = CheckedDiff.check(older, newer, diff, search);
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(DiffJson.toNode(checked, mode, acknowledged)));
        } else {
            DiffText.print(checked, mode, acknowledged, io.out(), new Terminal(io.colour()));
        }
        return checked.diff().refusedBy(mode, acknowledged).isEmpty() ? ExitCode.OK : ExitCode.REJECTED;
    }

    private static CompatibilityMode mode(CommandLine line) throws UsageException {
        if (!line.hasOption("mode")) {
            return DEFAULT_MODE;
        }
        CompatibilityMode mode = CompatibilityMode.parse(line.getOptionValue("mode"));
        if (mode == null) {
            throw new UsageException("--mode must be one of "
                    + String.join(
                            ", ",
                            Arrays.stream(CompatibilityMode.values())
                                    .map(Enum::name)
                                    .toList()) + ", not '" + Terminal.safe(line.getOptionValue("mode"), 40) + "'");
        }
        return mode;
    }
}
