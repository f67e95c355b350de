package dev.tokencontract.conformance.generate.regex;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.conformance.generate.regex.RegexNode.Alternation;
import dev.tokencontract.conformance.generate.regex.RegexNode.Chars;
import dev.tokencontract.conformance.generate.regex.RegexNode.EndAnchor;
import dev.tokencontract.conformance.generate.regex.RegexNode.Repeat;
import dev.tokencontract.conformance.generate.regex.RegexNode.Sequence;
import dev.tokencontract.conformance.generate.regex.RegexNode.StartAnchor;
import dev.tokencontract.conformance.generate.regex.RegexNode.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Strings that match an ECMA-262 pattern the way JSON Schema's {@code pattern} applies it: unanchored,
 * so a match may sit anywhere in the string unless {@code ^}/{@code $} pin it. Thread-safe once compiled.
 */
public final class Regex {
    private static final Map<String, Regex> CACHE = new ConcurrentHashMap<>();
    private static final int ATTEMPTS = 8;

    private final String source;
    private final RegexNode root;
    private final List<String> unsupported;
    private final Pattern java;

    private Regex(String source, RegexNode root, List<String> unsupported, Pattern java) {
        this.source = source;
        this.root = root;
        this.unsupported = List.copyOf(unsupported);
        this.java = java;
    }

    /** Parses {@code pattern} (cached); throws {@link RegexSyntaxException} on invalid syntax. */
    public static Regex compile(String pattern) {
        Regex cached = CACHE.get(pattern);
        if (cached != null) {
            return cached;
        }
        RegexNode root = RegexParser.parse(pattern);
        List<String> unsupported = new ArrayList<>();
        collectUnsupported(root, unsupported);
        Pattern java;
        try {
            java = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            java = null;
        }
        Regex regex = new Regex(pattern, root, unsupported, java);
        if (CACHE.size() < 10_000) {
            CACHE.put(pattern, regex);
        }
        return regex;
    }

    public String source() {
        return source;
    }

    /** Constructs this generator cannot honour (a generated string may then not match), e.g. "backreference". */
    public List<String> unsupported() {
        return unsupported;
    }

    /** Whether {@code text} contains a match, judged by java.util.regex (close to ECMA-262 for the syntax parsed here). */
    public boolean matches(String text) {
        return java == null || java.matcher(text).find();
    }

    /**
     * A string with a match of this pattern whose length in code points is within {@code [minLength, maxLength]}
     * ({@code maxLength} -1: no limit). Rejects the draw when several attempts miss the lengths.
     */
    public String generate(Choices in, int minLength, int maxLength) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int stretch = attempt < 2 ? 3 : attempt < 4 ? 12 : 64;
            String text = in.draw(choices -> attempt(choices, minLength, maxLength, stretch));
            if (text != null) {
                return text;
            }
        }
        throw new Rejected("no string matching /" + source + "/ with length " + minLength + ".."
                + (maxLength < 0 ? "" : maxLength) + " after " + ATTEMPTS + " attempts");
    }

    private String attempt(Choices in, int minLength, int maxLength, int stretch) {
        Output out = new Output();
        if (!emit(root, in, out, stretch)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int core = out.text.codePointCount(0, out.text.length());
        int missing = Math.max(0, minLength - core);
        int prefix = 0;
        int suffix = 0;
        if (!out.startAnchored && (missing > 0 || in.bool(0.15))) {
            prefix = out.endAnchored ? missing + in.chooseInt(2) : in.chooseInt(Math.max(missing, 3));
        }
        if (!out.endAnchored) {
            suffix = Math.max(missing - prefix, 0) + (in.bool(0.15) ? in.chooseInt(3) : 0);
        }
        for (int i = 0; i < prefix; i++) {
            text.appendCodePoint(CharSet.ALL.pick(in));
        }
        text.append(out.text);
        for (int i = 0; i < suffix; i++) {
            text.appendCodePoint(CharSet.ALL.pick(in));
        }
        int length = text.codePointCount(0, text.length());
        if (length < minLength || (maxLength >= 0 && length > maxLength)) {
            return null;
        }
        String result = text.toString();
        return matches(result) ? result : null;
    }

    private static boolean emit(RegexNode node, Choices in, Output out, int stretch) {
        if (node instanceof Chars chars) {
            if (out.endAnchored || chars.set().isEmpty()) {
                return false;
            }
            out.text.appendCodePoint(chars.set().pick(in));
            return true;
        }
        if (node instanceof Sequence sequence) {
            for (RegexNode item : sequence.items()) {
                if (!emit(item, in, out, stretch)) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof Alternation alternation) {
            int branch = in.chooseInt(alternation.branches().size() - 1);
            return emit(alternation.branches().get(branch), in, out, stretch);
        }
        if (node instanceof Repeat repeat) {
            for (int i = 0; i < repeat.min(); i++) {
                if (!emit(repeat.body(), in, out, stretch)) {
                    return false;
                }
            }
            long optional = repeat.max() < 0 ? 100L * stretch : repeat.max() - (long) repeat.min();
            double more = stretch / (stretch + 1.0);
            for (long i = 0; i < optional; i++) {
                // each optional repetition is one span with its coin: the shrinker deletes both at once
                Boolean emitted =
                        in.draw(choices -> choices.bool(more) ? emit(repeat.body(), choices, out, stretch) : null);
                if (emitted == null) {
                    break;
                }
                if (!emitted) {
                    return false;
                }
            }
            return true;
        }
        if (node instanceof StartAnchor) {
            if (out.text.length() > 0) {
                return false;
            }
            out.startAnchored = true;
            return true;
        }
        if (node instanceof EndAnchor) {
            out.endAnchored = true;
            return true;
        }
        return node instanceof Unsupported;
    }

    private static void collectUnsupported(RegexNode node, List<String> out) {
        if (node instanceof Unsupported unsupported) {
            out.add(unsupported.construct());
        } else if (node instanceof Sequence sequence) {
            sequence.items().forEach(item -> collectUnsupported(item, out));
        } else if (node instanceof Alternation alternation) {
            alternation.branches().forEach(branch -> collectUnsupported(branch, out));
        } else if (node instanceof Repeat repeat) {
            collectUnsupported(repeat.body(), out);
        }
    }

    private static final class Output {
        final StringBuilder text = new StringBuilder();
        boolean startAnchored;
        boolean endAnchored;
    }
}
