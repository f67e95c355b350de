package dev.tokencontract.cli;

import dev.tokencontract.lock.Lockfile;
import dev.tokencontract.lock.LockfileException;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code --lockfile}, and how a lockfile that cannot be used is reported (exit 1, every problem on its own line). */
final class LockOptions {
    private LockOptions() {}

    static Options add(Options options) {
        options.addOption(Option.builder()
                .longOpt("lockfile")
                .hasArg()
                .argName("PATH")
                .desc("the lockfile; default " + Lockfile.FILE_NAME + " in the current directory")
                .get());
        return options;
    }

    static Path path(CommandLine line) throws UsageException {
        return RegistryOptions.path(line.getOptionValue("lockfile", Lockfile.FILE_NAME), "--lockfile");
    }

    static int unusable(String command, LockfileException e, Io io) {
        String message = e.getMessage();
        int colon = e.problems().isEmpty() ? -1 : message.indexOf(": ");
        io.err()
                .println("tokencontract " + command + ": "
                        + Terminal.safe(colon < 0 ? message : message.substring(0, colon), 300));
        for (String problem : e.problems()) {
            io.err().println("  " + Terminal.safe(problem, 300));
        }
        return ExitCode.REJECTED;
    }
}
