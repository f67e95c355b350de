package dev.tokencontract.compat.internal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Which schema an object schema applies to a member it does not declare under {@code properties}: the
 * first matching {@code patternProperties} entry, else {@code additionalProperties}, else
 * {@code unevaluatedProperties}, else anything (an open content model).
 */
final class ContentModel {
    private static final int MAX_NAME = 1024;
    /** Stands for "cannot tell" (a pattern Java cannot read): compared, it differs from everything both ways. */
    private static final JsonNode UNKNOWN =
            JsonNodeFactory.instance.objectNode().put("(unevaluable patternProperties)", true);
    /** Character reads allowed for one match: a hostile pattern cannot backtrack for long. */
    private static final int MAX_READS = 100_000;

    private ContentModel() {}

    /**
     * The schema applied to {@code name} and how it came about.
     *
     * @param how for the explanation: "refused it (additionalProperties: false)", ...
     */
    record Applied(JsonNode schema, String pointer, String how) {
        /** How the old version treated the name: "accepted any value (...)", "refused it (...)". */
        String describe() {
            return how;
        }

        /** The same for the new version, in the present tense: "accepts any value (...)". */
        String describeNow() {
            for (String[] verb : new String[][] {
                {"accepted ", "accepts "}, {"refused ", "refuses "}, {"applied ", "applies "}, {"had ", "has "}
            }) {
                if (how.startsWith(verb[0])) {
                    return verb[1] + how.substring(verb[0].length());
                }
            }
            return how;
        }
    }

    static Applied applied(JsonNode schema, String name, String pointer) {
        JsonNode patterns = schema.path("patternProperties");
        if (patterns.isObject()) {
            for (String regex : patterns.propertyNames()) {
                Boolean matches = matches(regex, name);
                if (matches == null) {
                    return new Applied(
                            UNKNOWN,
                            pointer + "/patternProperties/" + Context.escape(regex),
                            "had patternProperties " + Show.json(JsonNodeFactory.instance.stringNode(regex))
                                    + " that cannot be evaluated here, so assumed breaking both ways");
                }
                if (matches) {
                    return new Applied(
                            patterns.get(regex),
                            pointer + "/patternProperties/" + Context.escape(regex),
                            "applied patternProperties " + Show.json(JsonNodeFactory.instance.stringNode(regex)));
                }
            }
        }
        for (String keyword : new String[] {"additionalProperties", "unevaluatedProperties"}) {
            JsonNode rest = schema.get(keyword);
            if (rest != null) {
                String how = rest.isBoolean() && !rest.booleanValue()
                        ? "refused it (closed content model, " + keyword + ": false)"
                        : rest.isBoolean()
                                ? "accepted any value (" + keyword + ": true)"
                                : "applied " + keyword + " " + Show.json(rest);
                return new Applied(rest, pointer + "/" + keyword, how);
            }
        }
        return new Applied(SchemaDiff.TRUE, pointer, "accepted any value (open content model)");
    }

    /** Whether the ECMA-262 {@code regex} finds a match in {@code name}; {@code null} when it cannot be told. */
    private static Boolean matches(String regex, String name) {
        if (name.length() > MAX_NAME || regex.length() > MAX_NAME) {
            return null;
        }
        try {
            return Pattern.compile(regex).matcher(new Metered(name)).find();
        } catch (PatternSyntaxException | StackOverflowError | Metered.Exhausted e) {
            return null;
        }
    }

    /** A string that stops a regular expression engine after {@link #MAX_READS} character reads. */
    private static final class Metered implements CharSequence {
        static final class Exhausted extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Exhausted() {
                super("pattern needs too many steps", null, false, false);
            }
        }

        private final String text;
        private final int[] reads;

        Metered(String text) {
            this(text, new int[1]);
        }

        private Metered(String text, int[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
