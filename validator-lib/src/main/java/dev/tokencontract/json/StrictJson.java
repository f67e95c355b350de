package dev.tokencontract.json;

import dev.tokencontract.finding.Redact;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader for untrusted input: duplicate member names are an error (RFC 7519 section 4 and
 * RFC 8725 ask for it), nesting and sizes are capped.
 */
public final class StrictJson {
    /** Deeper than any real token or contract; deep enough for every JSON-Schema-Test-Suite schema. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(1 << 20)
                            .maxNumberLength(400)
                            .maxDocumentLength(4L << 20)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /** What went wrong reading JSON, for the finding. */
    public enum Problem {
        INVALID,
        DUPLICATE_MEMBER,
        LIMIT_EXCEEDED
    }

    /** A parse outcome: a node, or a problem and a message. */
    public record Parsed(JsonNode node, Problem problem, String detail) {
        public boolean ok() {
            return node != null;
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Parsed parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return new Parsed(null, Problem.INVALID, "empty document");
            }
            return new Parsed(node, null, null);
        } catch (StreamConstraintsException e) {
            return new Parsed(null, Problem.LIMIT_EXCEEDED, firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            // Jackson 3.1 has no exception type of its own for duplicates, only this message (checked by
            // HostileShapeTest's duplicate-member cases, which fail if a Jackson upgrade rewords it)
            Problem problem = message.startsWith("Duplicate Object property") || message.contains("Duplicate field")
                    ? Problem.DUPLICATE_MEMBER
                    : Problem.INVALID;
            return new Parsed(null, problem, firstLine(message));
        }
    }

    /**
     * {@link #parse} with every decimal number kept exactly as written ({@code BigDecimal}), for checks that
     * must see what a double would lose ({@code 1e-400} reads as {@code 0.0}). Not for canonical forms: the
     * registry digests what {@link #parse} reads.
     */
    public static Parsed parseExact(String text) {
        try {
            JsonNode node = MAPPER.readerFor(JsonNode.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(text);
            return node == null || node.isMissingNode()
                    ? new Parsed(null, Problem.INVALID, "empty document")
                    : new Parsed(node, null, null);
        } catch (JacksonException e) {
            return parse(text);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return Redact.shorten(line, 160);
    }
}
