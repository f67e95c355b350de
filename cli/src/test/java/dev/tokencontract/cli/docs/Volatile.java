package dev.tokencontract.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What may differ between the run a document shows and a run today, replaced by a placeholder on both
 * sides before they are compared: times, durations, digests, ports, seeds, temporary paths.
 */
final class Volatile {
    private static final List<Object[]> RULES = List.of(
            rule("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<TIME>"),
            rule("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}( UTC)?", "<TIME>"),
            rule("sha-256:[0-9a-f]{64}", "sha-256:<DIGEST>"),
            rule("\\b[0-9a-f]{64}\\b", "<DIGEST>"),
            rule("(127\\.0\\.0\\.1|localhost|\\[::1\\]):\\d{2,5}", "$1:<PORT>"),
            // the registry client's cache folder per registry URL: host_port-hash
            rule("127\\.0\\.0\\.1_\\d{2,5}-[0-9a-f]{12}", "127.0.0.1_<PORT>-<HASH>"),
            rule("\\bseed[ =]-?\\d+", "seed <SEED>"),
            // the example login signs with a key made at each start, and its tokens carry a fresh jti and the
            // times of issue as seconds since the epoch (docs/examples.md's explain of a drifted token)
            rule("\\blegacy-[0-9a-f]{8}\\b", "legacy-<KID>"),
            rule("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", "<UUID>"),
            rule("\\b1[0-9]{9}\\b", "<EPOCH>"),
            rule("\\bsignature  [A-Za-z0-9_-]{6}…", "signature  <SIG>…"),
            rule("\\b\\d+ (d|h|min)( \\d+ (h|min|s))?\\b", "<DURATION>"),
            rule("\\b\\d+(\\.\\d+)? ?(ms|µs|s)\\b", "<DURATION>"),
            rule("\\b\\d+(\\.\\d+)?( ?(ms|s|min|h|d))? ago\\b", "<AGO>"),
            rule("(/tmp|/var/folders)/[^\\s\"')]+", "<TMP>"),
            rule("^Date: .*GMT$", "Date: <DATE>"),
            // bodies carry publication times whose printed length varies (Instant drops trailing zero triples)
            rule("^Content-Length: \\d+$", "Content-Length: <LENGTH>"));

    private Volatile() {}

    private static Object[] rule(String regex, String replacement) {
        return new Object[] {Pattern.compile(regex), replacement};
    }

    static String normalise(String line) {
        String out = line.stripTrailing();
        for (Object[] rule : RULES) {
            out = ((Pattern) rule[0]).matcher(out).replaceAll((String) rule[1]);
        }
        return out;
    }

    static List<String> normalise(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(l -> out.add(normalise(l)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * True when {@code actual} matches {@code expected}, where a line starting with {@code ...} in
     * {@code expected} stands for any number of lines (the documents elide long output so).
     */
    static boolean matches(List<String> expected, List<String> actual) {
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).strip().startsWith("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && expected.get(e).equals(actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }
}
