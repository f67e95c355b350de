package dev.tokencontract.lock;

import java.util.List;

/** A lockfile could not be read or is not acceptable; {@link #problems()} lists every problem, each with a JSON pointer. */
public final class LockfileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public LockfileException(String message, List<String> problems) {
        super(
                problems.isEmpty()
                        ? message
                        : message + ": " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                                + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
