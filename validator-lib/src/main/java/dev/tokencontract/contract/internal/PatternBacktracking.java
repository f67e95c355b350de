package dev.tokencontract.contract.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds regular expressions that can backtrack catastrophically in {@code java.util.regex}: a group repeated
 * without bound (or more than {@value #LARGE} times) whose body can match the same text in more than one
 * way. Two shapes are refused:
 * <ul>
 *   <li>nested repetition with nothing to tell iterations apart: {@code (a+)+}, {@code (a*)*},
 *       {@code (\d+\.?)+} — a body holding a repeated part and no mandatory character that the repeated part
 *       cannot match. {@code ( [a-z]+)*} and {@code ([a-z]+-)*} are fine: the space and the dash end each
 *       iteration unambiguously.</li>
 *   <li>alternatives that can start alike: {@code (a|aa)+}, {@code (\w|\d)*}.</li>
 *   <li>bounded nesting that still splits one text in too many ways: {@code (a{1,10}){1,10}}, {@code (a+){3}}.</li>
 *   <li>three or more unbounded repetitions in a row over shared characters: {@code [\s\S]*[\s\S]*[\s\S]*x} (n^3).</li>
 * </ul>
 * The validator itself matches with RE2/J ({@link LinearRegex}), which never backtracks; these shapes are
 * refused because a published contract is also read by backtracking engines.
 * The analysis is conservative (a character class it cannot read counts as "any character") and skips
 * patterns it cannot parse (those are {@code LINT_INVALID_SCHEMA} already).
 */
public final class PatternBacktracking {
    /** Bounded repetition above this counts as unbounded: {@code (a+){1,1000}} is as bad as {@code (a+)+}. */
    static final int LARGE = 16;
    /** Unbounded repetitions in a row, over shared characters, from which a backtracking engine's cost is n^3 or worse. */
    static final int POLYNOMIAL_DEGREE = 3;
    /** Ways to split one text among bounded nested repetitions above which a pattern is refused. */
    static final double MAX_SPLITS = 100_000;

    private PatternBacktracking() {}

    /** Why {@code pattern} may backtrack catastrophically, or empty when it is fine (or unreadable). */
    public static Optional<String> risk(String pattern) {
        try {
            return RegexParser.parseWhole(pattern).flatMap(PatternBacktracking::check);
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours to judge: the schema compiler reports invalid patterns
        }
    }

    /** Repeated without bound, or more than {@link #LARGE} times. */
    private static boolean repeats(RegexNode node) {
        return node.max < 0 || node.max > LARGE;
    }

    private static Optional<String> check(RegexNode node) {
        if (node.alternatives == null) {
            return Optional.empty();
        }
        if (repeats(node)) {
            for (List<RegexNode> sequence : node.alternatives) {
                BitSet repeated = repeatedChars(sequence);
                if (!repeated.isEmpty() && !hasSeparator(sequence, repeated)) {
                    return Optional.of(
                            "a repeated group contains a repeated part with nothing that ends each repetition unambiguously");
                }
            }
            for (int i = 0; i < node.alternatives.size(); i++) {
                for (int j = i + 1; j < node.alternatives.size(); j++) {
                    if (RegexNode.first(node.alternatives.get(i))
                            .intersects(RegexNode.first(node.alternatives.get(j)))) {
                        return Optional.of("a repeated group has alternatives that can start with the same character");
                    }
                }
            }
        } else if (node.max > 1 && boundedNestingExplodes(node)) {
            return Optional.of(
                    "a group repeated " + node.max + " times holds a part of variable length with nothing that ends "
                            + "each repetition, so the same text splits in too many ways (e.g. (a{1,10}){1,10})");
        }
        for (List<RegexNode> sequence : node.alternatives) {
            if (overlappingChain(sequence) >= POLYNOMIAL_DEGREE) {
                return Optional.of(POLYNOMIAL_DEGREE
                        + " or more unbounded repetitions in a row can match the same characters "
                        + "(e.g. .*.*.*x), which costs n^" + POLYNOMIAL_DEGREE + " steps in a backtracking engine");
            }
            for (RegexNode child : sequence) {
                Optional<String> risk = check(child);
                if (risk.isPresent()) {
                    return risk;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A group repeated a bounded number of times ({@code max} at most {@link #LARGE}) whose body has a part of
     * variable length and no separator: {@code (a{1,10}){1,10}} splits a run of a's in about 10^10 ways.
     * Unbounded inner parts ({@code (a+){3}}) are refused from three repetitions on (n^3), bounded ones when
     * span^max passes {@link #MAX_SPLITS}.
     */
    private static boolean boundedNestingExplodes(RegexNode node) {
        for (List<RegexNode> sequence : node.alternatives) {
            BitSet variable = new BitSet(RegexNode.CHARS);
            long span = variableSpan(sequence, variable);
            if (span > 1 && !hasSeparator(sequence, variable)) {
                boolean explodes =
                        span == Long.MAX_VALUE ? node.max >= POLYNOMIAL_DEGREE : Math.pow(span, node.max) > MAX_SPLITS;
                if (explodes) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The largest count range (max - min + 1, or MAX_VALUE when unbounded) of a variable part, at any depth; collects its characters. */
    private static long variableSpan(List<RegexNode> sequence, BitSet chars) {
        long span = 1;
        for (RegexNode node : sequence) {
            if (node.max < 0 || node.max > node.min) {
                chars.or(node.allChars());
                span = Math.max(span, node.max < 0 ? Long.MAX_VALUE : node.max - node.min + 1L);
            }
            if (node.alternatives != null) {
                for (List<RegexNode> inner : node.alternatives) {
                    span = Math.max(span, variableSpan(inner, chars));
                }
            }
        }
        return span;
    }

    /**
     * The longest run of unbounded repetitions in a sequence that can all match one same character, where
     * nothing in between needs a character outside that shared set: {@code [\s\S]*[\s\S]*[\s\S]*x} is 3,
     * {@code [a-z]+@[a-z]+} is 1 (no '@' is a letter).
     */
    private static int overlappingChain(List<RegexNode> sequence) {
        int longest = 0;
        int chain = 0;
        BitSet shared = null;
        for (RegexNode node : sequence) {
            BitSet chars = node.allChars();
            if (repeats(node)) {
                if (shared != null && shared.intersects(chars)) {
                    shared = (BitSet) shared.clone();
                    shared.and(chars);
                    chain++;
                } else {
                    shared = chars;
                    chain = 1;
                }
                longest = Math.max(longest, chain);
            } else if (node.min >= 1 && shared != null && !shared.intersects(chars)) {
                shared = null; // a mandatory character the run cannot hold ends the run
                chain = 0;
            }
        }
        return longest;
    }

    /** Characters matched by any repeated part of the sequence, at any depth. */
    private static BitSet repeatedChars(List<RegexNode> sequence) {
        BitSet repeated = new BitSet(RegexNode.CHARS);
        for (RegexNode node : sequence) {
            if (repeats(node)) {
                repeated.or(node.allChars());
            } else if (node.alternatives != null) {
                for (List<RegexNode> inner : node.alternatives) {
                    repeated.or(repeatedChars(inner));
                }
            }
        }
        return repeated;
    }

    /** A mandatory single character (at the top of the sequence) that no repeated part can match. */
    private static boolean hasSeparator(List<RegexNode> sequence, BitSet repeated) {
        for (RegexNode node : sequence) {
            if (node.alternatives == null && node.min >= 1 && !node.chars.intersects(repeated)) {
                return true;
            }
        }
        return false;
    }
}
