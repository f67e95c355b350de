package dev.tokencontract.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell transcripts of a Markdown document: fenced blocks holding lines that start with {@code $ }, each
 * command followed by the output it printed. A block is runnable when every command starts with the CLI
 * ({@code tokencontract ...} or {@code bin/tokencontract ...}), {@code curl} or one of a few standard tools
 * ({@link #TOOLS}); any other block with a transcript must be marked, on the last non-blank line before its
 * fence, with {@code <!-- transcript: not run: REASON -->}. A block marked
 * {@code <!-- transcript: registry stopped -->} runs with the page's registry stopped (offline examples).
 */
record Transcripts(String file, List<Block> blocks) {
    static final Pattern MARK = Pattern.compile("<!--\\s*transcript:\\s*not run:\\s*(.*?)\\s*-->");
    static final Pattern STOPPED = Pattern.compile("<!--\\s*transcript:\\s*registry stopped\\s*-->");

    /** What a runnable command may start with: the CLI, curl, and tools every CI machine has. */
    static final Set<String> TOOLS = Set.of(
            "tokencontract",
            "bin/tokencontract",
            "examples/run", // the example agent; the servers it calls are started by the docs test (ExampleServers)
            "curl",
            "jq",
            "python3",
            "cat",
            "echo",
            "printf",
            "sed",
            "grep",
            "head",
            "tail",
            "sha256sum",
            "cp",
            "for",
            "diff",
            "find",
            "ls");

    /** One fenced block with at least one command. {@code skipReason} is null unless marked. */
    record Block(String file, int line, List<Step> steps, String skipReason, boolean registryStopped) {
        boolean runnable() {
            return steps.stream().allMatch(s -> TOOLS.contains(firstWord(s.command())));
        }

        /** True when a command talks to the example login or CRM (their documented addresses). */
        boolean usesExampleServers() {
            return steps.stream().anyMatch(s -> ExampleServers.uses(s.command()));
        }

        /** True when a command talks to the page's registry (the documented address). */
        boolean usesRegistry() {
            return steps.stream().anyMatch(s -> DevRegistry.uses(s.command()));
        }

        private static String firstWord(String command) {
            String[] words = command.strip().split("\\s+");
            if (words.length > 0 && words[0].matches("[A-Z_][A-Z0-9_]*=\\$\\(.+")) {
                return words[0].substring(words[0].indexOf("$(") + 2); // T=$(curl ...): the command inside
            }
            int i = 0;
            while (i < words.length - 1 && words[i].matches("[A-Z_][A-Z0-9_]*=.*")) {
                i++; // VAR=value before the command
            }
            return words[i];
        }

        String where() {
            return file + ":" + line;
        }
    }

    /** A command and the lines it printed, as the document shows them. */
    record Step(String command, List<String> expected) {}

    static Transcripts parse(String file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String lastText = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    lastText = line;
                }
                continue;
            }
            int open = i;
            List<String> body = new ArrayList<>();
            for (i = i + 1; i < lines.length && !lines[i].startsWith("```"); i++) {
                body.add(lines[i]);
            }
            List<Step> steps = steps(body);
            if (!steps.isEmpty()) {
                Matcher mark = MARK.matcher(lastText);
                blocks.add(new Block(
                        file,
                        open + 1,
                        steps,
                        mark.find() ? mark.group(1) : null,
                        STOPPED.matcher(lastText).find()));
            }
            lastText = "";
        }
        return new Transcripts(file, blocks);
    }

    private static List<Step> steps(List<String> body) {
        List<Step> steps = new ArrayList<>();
        String command = null;
        List<String> expected = new ArrayList<>();
        boolean continued = false;
        for (String line : body) {
            if (continued) {
                command = command + "\n" + line; // a command continued with a trailing backslash
                continued = line.endsWith("\\");
            } else if (line.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(command, List.copyOf(expected)));
                }
                command = line.substring(2);
                expected = new ArrayList<>();
                continued = line.endsWith("\\");
            } else if (command != null) {
                expected.add(line);
            }
        }
        if (command != null) {
            steps.add(new Step(command, List.copyOf(expected)));
        }
        return steps;
    }
}
