package dev.tokencontract.conformance.generate;

import dev.tokencontract.conformance.engine.Choices;
import dev.tokencontract.conformance.engine.Rejected;
import dev.tokencontract.conformance.generate.regex.Regex;
import dev.tokencontract.conformance.generate.regex.RegexSyntaxException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Strings within every length bound, matching every {@code pattern}, in the {@code format} when one is named. */
final class StringGen {
    private static final String ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.~:/@+=ÄéßΩЖ中😀";
    private static final int[] CODE_POINTS = ALPHABET.codePoints().toArray();
    /** Boxed once: a span returns its character as an object, and this is the hot path of claim generation. */
    private static final Integer[] BOXED =
            java.util.Arrays.stream(CODE_POINTS).boxed().toArray(Integer[]::new);

    private static final int ATTEMPTS = 6;

    private final Context context;

    StringGen(Context context) {
        this.context = context;
    }

    String generate(Conjunction c, Choices in) {
        int minLength = 0;
        int maxLength = -1;
        for (JsonNode bound : c.all("minLength")) {
            minLength = Math.max(minLength, intValue(bound));
        }
        for (JsonNode bound : c.all("maxLength")) {
            int value = intValue(bound);
            maxLength = maxLength < 0 ? value : Math.min(maxLength, value);
        }
        if (minLength > ArrayGen.MAX_BUILT) {
            throw new Rejected(
                    "minLength " + minLength + " is beyond what the generator builds (" + ArrayGen.MAX_BUILT + ")");
        }
        if (maxLength >= 0 && minLength > maxLength) {
            throw new Rejected("minLength " + minLength + " > maxLength " + maxLength);
        }
        List<Regex> patterns = new ArrayList<>();
        for (JsonNode pattern : c.all("pattern")) {
            if (pattern.isString()) {
                patterns.add(compile(pattern.stringValue()));
            }
        }
        JsonNode format = c.first("format");
        String formatName = format != null && format.isString() && Formats.known(format.stringValue())
                ? format.stringValue()
                : null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String text;
            if (!patterns.isEmpty()) {
                text = patterns.get(0).generate(in, minLength, maxLength);
            } else if (formatName != null) {
                text = Formats.generate(formatName, in);
            } else {
                text = plain(in, minLength, maxLength);
            }
            if (fits(text, patterns, minLength, maxLength)) {
                return text;
            }
        }
        throw new Rejected("no string satisfies " + (patterns.isEmpty() ? "" : "pattern(s) " + sources(patterns) + " ")
                + (formatName == null ? "" : "format " + formatName + " ") + "with length " + minLength + ".."
                + (maxLength < 0 ? "" : maxLength));
    }

    private static boolean fits(String text, List<Regex> patterns, int minLength, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length < minLength || (maxLength >= 0 && length > maxLength)) {
            return false;
        }
        for (Regex pattern : patterns) {
            if (!pattern.matches(text)) {
                return false;
            }
        }
        return true;
    }

    /** Interleaves each optional character with its "one more?" coin, so the shrinker deletes both at once. */
    static String plain(Choices in, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder(minLength + 8);
        for (int i = 0; i < minLength; i++) {
            text.appendCodePoint(CODE_POINTS[character(in)]);
        }
        int room = maxLength < 0 ? 12 : Math.min(maxLength - minLength, 12);
        for (int extra = 0; extra < room; extra++) {
            Integer next = in.draw(more -> more.bool(0.8) ? BOXED[character(more)] : null);
            if (next == null) {
                break;
            }
            text.appendCodePoint(next);
        }
        return text.toString();
    }

    /** The index of a character in {@link #CODE_POINTS}: nine times in ten a letter or digit. */
    private static int character(Choices in) {
        int tier = in.chooseInt(9);
        return tier < 9 ? in.chooseInt(61) : in.chooseInt(CODE_POINTS.length - 1);
    }

    private Regex compile(String pattern) {
        try {
            return Regex.compile(pattern);
        } catch (RegexSyntaxException e) {
            throw new Rejected("invalid pattern: " + e.getMessage());
        }
    }

    private static String sources(List<Regex> patterns) {
        List<String> out = new ArrayList<>();
        patterns.forEach(p -> out.add("/" + p.source() + "/"));
        return String.join(", ", out);
    }

    static int intValue(JsonNode bound) {
        if (!bound.isNumber()) {
            return 0;
        }
        double value = bound.doubleValue();
        return value >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(0, Math.ceil(value));
    }
}
