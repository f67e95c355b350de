package dev.tokencontract.contract.internal;

import java.util.BitSet;
import java.util.List;

/**
 * One part of a parsed regular expression, as {@link PatternBacktracking} sees it: a group (alternatives of
 * sequences) or a set of characters, with how often it repeats.
 */
final class RegexNode {
    /** Characters are judged in the Basic Multilingual Plane; anything beyond reads as one of these. */
    static final int CHARS = 0x10000;

    final List<List<RegexNode>> alternatives; // null for a character atom
    final BitSet chars; // null for a group
    int min = 1;
    int max = 1; // -1: unbounded

    RegexNode(List<List<RegexNode>> alternatives, BitSet chars) {
        this.alternatives = alternatives;
        this.chars = chars;
    }

    /** Every character this part can match, at any depth. */
    BitSet allChars() {
        if (alternatives == null) {
            return chars;
        }
        BitSet all = new BitSet(CHARS);
        alternatives.forEach(sequence -> sequence.forEach(child -> all.or(child.allChars())));
        return all;
    }

    /** Characters the sequence can start with (conservatively: through optional parts). */
    static BitSet first(List<RegexNode> sequence) {
        BitSet first = new BitSet(CHARS);
        for (RegexNode node : sequence) {
            if (node.alternatives == null) {
                first.or(node.chars);
            } else {
                node.alternatives.forEach(inner -> first.or(first(inner)));
            }
            if (node.min >= 1) {
                break;
            }
        }
        return first;
    }
}
