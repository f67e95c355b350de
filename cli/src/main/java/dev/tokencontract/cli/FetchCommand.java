package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.json.StrictJson;
import dev.tokencontract.registry.client.FetchedContract;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract fetch}: one contract from a registry, digest-verified, to stdout or a file. */
final class FetchCommand implements Command {

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public String synopsis() {
        return "[options] NAME@VERSION";
    }

    @Override
    public String summary() {
        return "fetch a contract from a registry (exact version, range or latest)";
    }

    @Override
    public String details() {
        return """
                NAME@VERSION is exact (mcp-access-token@1.0.0), a prefix (@1, @1.2), a caret or tilde range
                (@^1.2.0, @~1.2.0), @latest, or a bare name (latest). The document is written exactly as the
                registry served it, after its sha-256 was checked against the ETag, to stdout or --out FILE.
                The cache is revalidated with If-None-Match; when the registry is unreachable or answers 5xx,
                the last good copy on disk is used and a warning on stderr says how old it is.

                Exit: 0 fetched, 1 not found or refused (digest mismatch, not a contract), 2 usage error,
                3 registry unreachable and no copy on disk.
                """;
    }

    @Override
    public Options options() {
        Options options = RegistryOptions.add(new Options(), true);
        options.addOption(Option.builder("o")
                .longOpt("out")
                .hasArg()
                .argName("FILE")
                .desc("write the contract to FILE instead of stdout")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> references = line.getArgList();
        if (references.size() != 1) {
            throw new UsageException("expected one NAME@VERSION, got " + references.size());
        }
        Path out = line.hasOption("out") ? RegistryOptions.path(line.getOptionValue("out"), "--out") : null;
        RegistryClient client = RegistryOptions.client(line, io, name(), null, null);
        FetchedContract fetched;
        try {
            fetched = client.fetch(references.get(0));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.INVALID_REFERENCE) {
                throw new UsageException(Terminal.safe(e.getMessage(), 300));
            }
            return RegistryErrors.report(name(), e, format, io);
        }
        for (Finding warning : fetched.warnings()) {
            io.err().println("warning: " + warning.code() + ": " + Terminal.safe(warning.message(), 400));
        }
        if (out != null) {
            try {
                write(out, fetched.json());
            } catch (IOException e) {
                io.err()
                        .println("tokencontract fetch: cannot write " + Terminal.safe(out.toString(), 200) + ": "
                                + Terminal.safe(e.getMessage(), 200));
                return ExitCode.UNCHECKED;
            }
        }
        if (format == Arguments.Format.JSON) {
            io.out().print(ReportJson.write(json(fetched, out)));
        } else if (out == null) {
            io.out().print(fetched.json());
            if (!fetched.json().endsWith("\n")) {
                io.out().println();
            }
        }
        io.err()
                .println("fetched " + Terminal.safe(fetched.reference(), 200) + " (" + fetched.digest() + ", "
                        + source(fetched) + ")" + (out == null ? "" : " to " + Terminal.safe(out.toString(), 200)));
        return ExitCode.OK;
    }

    private static String source(FetchedContract fetched) {
        return switch (fetched.source()) {
            case NETWORK -> "from the registry";
            case NOT_MODIFIED -> "cached copy, confirmed by the registry: 304";
            case OFFLINE_CACHE -> "OFFLINE: last good copy from disk";
        };
    }

    private static ObjectNode json(FetchedContract fetched, Path out) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("reference", fetched.reference());
        root.put("name", fetched.name());
        root.put("version", fetched.version());
        root.put("digest", fetched.digest());
        root.put("source", fetched.source().name());
        root.put("fetchedAt", fetched.fetchedAt().toString());
        root.put("out", out == null ? null : out.toString());
        fetched.warnings().forEach(w -> root.withArray("warnings").add(ReportJson.toNode(w)));
        if (fetched.warnings().isEmpty()) {
            root.putArray("warnings");
        }
        root.set("contract", StrictJson.parse(fetched.json()).node());
        return root;
    }

    private static void write(Path target, String json) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".tokencontract-fetch-", ".part");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
