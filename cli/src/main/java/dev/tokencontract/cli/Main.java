package dev.tokencontract.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * The {@code tokencontract} command. Exit codes: 0 accepted, 1 rejected, 2 usage error, 3 could not
 * check (keys or contract unavailable, or an internal error). No stack trace reaches the user unless
 * {@code TOKENCONTRACT_DEBUG} is set.
 */
public final class Main {
    private final List<Command> commands;

    Main(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    static Main standard() {
        List<Command> commands = new java.util.ArrayList<>(
                List.of(new ExplainCommand(), new DecodeCommand(), new LintCommand(), new ContractsCommand()));
        // diff (issue 3): counterexamples come from the conformance kit's search (issue 4)
        commands.add(new DiffCommand(dev.tokencontract.conformance.suites.ContractCounterexamples.standard()));
        // IdP configuration checks (issue 5)
        commands.add(new CheckIdpCommand());
        commands.add(new CheckResourceCommand());
        // conformance kit (issue 4)
        commands.add(new ConformCommand());
        // the contract registry (issue 3); its classes load only when serve runs
        commands.add(new ServeCommand());
        // registry client
        commands.addAll(List.of(new PublishCommand(), new FetchCommand(), new LockCommand(), new VerifyLockCommand()));
        // registry administration (issue 15)
        commands.addAll(List.of(new ModeCommand(), new DeprecateCommand()));
        // older drafts (issue 11)
        commands.add(new ImportCommand());
        return new Main(commands);
    }

    public static void main(String[] args) {
        // networknt logs through SLF4J and no provider is bundled: keep SLF4J's start-up notice off stderr.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        Io io = Io.system();
        int code = standard().run(args, io);
        io.out().flush();
        io.err().flush();
        System.exit(code);
    }

    /** Runs one command line; never throws. */
    int run(String[] args, Io io) {
        try {
            return dispatch(args, io);
        } catch (Throwable t) { // the last line of defence: one line, a known exit code, no trace
            io.err()
                    .println("tokencontract: internal error: " + t.getClass().getSimpleName()
                            + (t.getMessage() == null ? "" : ": " + Terminal.safe(t.getMessage(), 300)));
            if (io.debug()) {
                t.printStackTrace(io.err());
            } else {
                io.err().println("(set TOKENCONTRACT_DEBUG=1 to see the stack trace)");
            }
            return ExitCode.UNCHECKED;
        }
    }

    private int dispatch(String[] args, Io io) throws Exception {
        if (args.length == 0) {
            return topLevelError("no command given", io);
        }
        String first = args[0];
        switch (first) {
            case "-h", "--help" -> {
                Help.top(commands, io.out());
                return ExitCode.OK;
            }
            case "-V", "--version" -> {
                io.out().println("tokencontract " + Help.version() + " (Java " + Runtime.version() + ")");
                return ExitCode.OK;
            }
            case "help" -> {
                return help(Arrays.copyOfRange(args, 1, args.length), io);
            }
            case CdsTraining.COMMAND -> {
                return CdsTraining.run(this);
            }
            default -> {
                Optional<Command> command = find(first);
                if (command.isEmpty()) {
                    String what = first.startsWith("-") ? "unknown option '" : "unknown command '";
                    List<String> words = new java.util.ArrayList<>(
                            commands.stream().map(Command::name).toList());
                    words.addAll(first.startsWith("-") ? List.of("--help", "--version") : List.of("help"));
                    return topLevelError(what + Terminal.safe(first, 80) + "'" + Suggest.hint(first, words), io);
                }
                return run(command.get(), Arrays.copyOfRange(args, 1, args.length), io);
            }
        }
    }

    private int run(Command command, String[] args, Io io) {
        try {
            CommandLine line = Arguments.parse(command, args);
            if (line.hasOption("help")) {
                Help.command(command, io.out());
                return ExitCode.OK;
            }
            return command.run(line, io);
        } catch (InputUnreadableException e) {
            io.err().println("tokencontract " + command.name() + ": " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        } catch (UsageException e) {
            io.err().println("tokencontract " + command.name() + ": " + e.getMessage());
            io.err().println(Help.usageLine(command));
            io.err().println("Run 'tokencontract help " + command.name() + "' for the options.");
            return ExitCode.USAGE;
        }
    }

    private int help(String[] topics, Io io) {
        if (topics.length == 0) {
            Help.top(commands, io.out());
            return ExitCode.OK;
        }
        Optional<Command> command = topics.length == 1 ? find(topics[0]) : Optional.empty();
        if (command.isEmpty()) {
            return topLevelError(
                    "help takes one command name: "
                            + String.join(
                                    "|", commands.stream().map(Command::name).toList()),
                    io);
        }
        Help.command(command.get(), io.out());
        return ExitCode.OK;
    }

    private Optional<Command> find(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private int topLevelError(String message, Io io) {
        io.err().println("tokencontract: " + message);
        io.err()
                .println("usage: tokencontract <command> [options]   (commands: "
                        + String.join(", ", commands.stream().map(Command::name).toList()) + ")");
        io.err().println("Run 'tokencontract --help' for more.");
        return ExitCode.USAGE;
    }
}
