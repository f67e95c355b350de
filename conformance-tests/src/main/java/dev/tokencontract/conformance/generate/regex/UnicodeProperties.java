package dev.tokencontract.conformance.generate.regex;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code \p{...}} as the set of code points Java's regex engine puts in the same property. */
final class UnicodeProperties {
    private static final Map<String, CharSet> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> LONG_NAMES = Map.ofEntries(
            Map.entry("Letter", "L"),
            Map.entry("Lowercase_Letter", "Ll"),
            Map.entry("Uppercase_Letter", "Lu"),
            Map.entry("Titlecase_Letter", "Lt"),
            Map.entry("Modifier_Letter", "Lm"),
            Map.entry("Other_Letter", "Lo"),
            Map.entry("Number", "N"),
            Map.entry("Decimal_Number", "Nd"),
            Map.entry("digit", "Nd"),
            Map.entry("Letter_Number", "Nl"),
            Map.entry("Other_Number", "No"),
            Map.entry("Punctuation", "P"),
            Map.entry("punct", "P"),
            Map.entry("Symbol", "S"),
            Map.entry("Separator", "Z"),
            Map.entry("Space_Separator", "Zs"),
            Map.entry("Mark", "M"),
            Map.entry("Control", "Cc"));

    private UnicodeProperties() {}

    static CharSet set(RegexParser parser, boolean negated) {
        String name = parser.propertyName();
        CharSet set = CACHE.computeIfAbsent(name, UnicodeProperties::compute);
        if (set == null) {
            throw parser.error("unknown Unicode property \\p{" + name + "}");
        }
        return negated ? set.complement() : set;
    }

    private static CharSet compute(String name) {
        Pattern pattern = javaPattern(name);
        if (pattern == null) {
            return null;
        }
        CharSet out = CharSet.EMPTY;
        int start = -1;
        for (int cp = 0; cp <= CharSet.MAX + 1; cp++) {
            boolean member = cp <= CharSet.MAX
                    && (cp < 0xD800 || cp > 0xDFFF)
                    && pattern.matcher(new String(Character.toChars(cp))).matches();
            if (member && start < 0) {
                start = cp;
            } else if (!member && start >= 0) {
                out = out.union(CharSet.range(start, cp - 1));
                start = -1;
            }
        }
        return out;
    }

    private static Pattern javaPattern(String name) {
        String mapped = LONG_NAMES.getOrDefault(name, name);
        String[] candidates = name.startsWith("Script=") || name.startsWith("sc=")
                ? new String[] {"\\p{Is" + name.substring(name.indexOf('=') + 1) + "}"}
                : new String[] {"\\p{" + mapped + "}", "\\p{Is" + mapped + "}"};
        for (String candidate : candidates) {
            try {
                return Pattern.compile(candidate);
            } catch (PatternSyntaxException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
