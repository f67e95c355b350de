package dev.tokencontract.conformance.generate.regex;

/** Parses a character class after its '[': negation, ranges, escapes. */
final class ClassParser {
    private final RegexParser parser;

    ClassParser(RegexParser parser) {
        this.parser = parser;
    }

    CharSet parse() {
        boolean negated = false;
        if (parser.peek() == '^') {
            parser.next();
            negated = true;
        }
        CharSet set = CharSet.EMPTY;
        while (parser.peek() != ']') {
            if (parser.peek() == -1) {
                throw parser.error("unterminated character class");
            }
            CharSet first = member();
            if (parser.peek() == '-' && isSingle(first)) {
                parser.next();
                if (parser.peek() == ']') {
                    set = set.union(first).union(CharSet.single('-'));
                    continue;
                }
                CharSet last = member();
                if (!isSingle(last)) {
                    set = set.union(first).union(CharSet.single('-')).union(last);
                    continue;
                }
                int from = first.at(0);
                int to = last.at(0);
                if (from > to) {
                    throw parser.error("range out of order in character class");
                }
                set = set.union(CharSet.range(from, to));
            } else {
                set = set.union(first);
            }
        }
        parser.next(); // ']'
        return negated ? set.complement() : set.intersect(CharSet.ALL);
    }

    private CharSet member() {
        int c = parser.next();
        if (c == '\\') {
            return parser.escape(true);
        }
        return CharSet.single(c);
    }

    private static boolean isSingle(CharSet set) {
        return set.size() == 1;
    }
}
