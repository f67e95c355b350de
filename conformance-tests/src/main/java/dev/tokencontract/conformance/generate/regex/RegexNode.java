package dev.tokencontract.conformance.generate.regex;

import java.util.List;

/** The parsed form of an ECMA-262 pattern. */
sealed interface RegexNode {
    record Alternation(List<RegexNode> branches) implements RegexNode {}

    record Sequence(List<RegexNode> items) implements RegexNode {}

    /** {@code max} is -1 for unbounded. */
    record Repeat(RegexNode body, int min, int max) implements RegexNode {}

    record Chars(CharSet set) implements RegexNode {}

    record StartAnchor() implements RegexNode {}

    record EndAnchor() implements RegexNode {}

    /** A construct the generator cannot honour (backreference, lookaround, word boundary); matches "". */
    record Unsupported(String construct) implements RegexNode {}
}
