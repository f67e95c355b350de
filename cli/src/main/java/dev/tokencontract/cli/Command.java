package dev.tokencontract.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code tokencontract}. */
interface Command {

    /** The word on the command line, e.g. {@code explain}. */
    String name();

    /** The arguments after the name, for the usage line, e.g. {@code [options] [TOKEN]}. */
    String synopsis();

    /** One line for the command list. */
    String summary();

    /** A paragraph for {@code help <command>}, printed after the options. */
    String details();

    Options options();

    /** Runs the command on parsed arguments and returns the exit code. */
    int run(CommandLine line, Io io) throws UsageException;
}
