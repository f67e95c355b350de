package dev.tokencontract.cli;

import dev.tokencontract.finding.Verdict;

/** The process exit codes, documented in {@code docs/cli.md}. */
final class ExitCode {
    /** The token was accepted; lint passed; the command did what was asked. */
    static final int OK = 0;
    /** The token was rejected; lint failed; decode found no readable token. */
    static final int REJECTED = 1;
    /** The command line was wrong: unknown option, missing or bad value, no token. */
    static final int USAGE = 2;
    /** Could not check: keys or contract unavailable, or an internal error; the token was not proven bad. */
    static final int UNCHECKED = 3;

    private ExitCode() {}

    /** A verdict's exit code: accepted 0, rejected 1, could not check 3. */
    static int of(Verdict verdict) {
        return switch (verdict) {
            case ACCEPTED -> OK;
            case REJECTED -> REJECTED;
            case UNCHECKED -> UNCHECKED;
        };
    }
}
