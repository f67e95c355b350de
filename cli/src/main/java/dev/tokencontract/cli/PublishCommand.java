package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.registry.client.PublishResult;
import dev.tokencontract.registry.client.RegistryClient;
import dev.tokencontract.registry.client.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract publish}: a contract document to a registry, with a bearer token from a file or the environment. */
final class PublishCommand implements Command {
    static final String TOKEN_ENV = "TOKENCONTRACT_TOKEN";
    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String synopsis() {
        return "[options] FILE";
    }

    @Override
    public String summary() {
        return "publish a contract document to a registry";
    }

    @Override
    public String details() {
        return """
                Lints FILE here first, then POSTs it to REGISTRY/contracts/NAME/versions with the bearer token
                from --token-file or $TOKENCONTRACT_TOKEN (never from an argument; never printed). The registry
                refuses a version that already exists with other content, one that fails its lint, and one
                that is incompatible under the contract's compatibility mode; each refusal is printed with
                every change or finding. --acknowledge-widening accepts changes that grant more access.

                Exit: 0 published (or already there, same content), 1 refused (lint, conflict, incompatible,
                401/403), 2 usage error, 3 registry unreachable or file unreadable.
                """;
    }

    @Override
    public Options options() {
        Options options = RegistryOptions.add(new Options(), true);
        options.addOption(Option.builder()
                .longOpt("token-file")
                .hasArg()
                .argName("FILE")
                .desc("file holding the publisher's bearer token (default: $" + TOKEN_ENV + ")")
                .get());
        options.addOption(Option.builder()
                .longOpt("acknowledge-widening")
                .desc("accept an authorization-widening change (the registry refuses it otherwise)")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        List<String> files = line.getArgList();
        if (files.size() != 1) {
            throw new UsageException("expected one contract FILE, got " + files.size());
        }
        Path path = RegistryOptions.path(files.get(0), "FILE");
        String token = token(line, io);
        RegistryClient client = RegistryOptions.client(line, io, name(), null, null);
        String document;
        try {
            document = Contracts.readFile(path);
        } catch (ContractException e) {
            return Common.contractUnavailable(name(), e, io);
        }
        PublishResult result;
        try {
            result = client.publish(document, token, line.hasOption("acknowledge-widening"));
        } catch (ContractException e) {
            io.err()
                    .println("tokencontract publish: " + Terminal.safe(path.toString(), 200)
                            + " fails lint; nothing was sent");
            for (Finding finding : e.findings()) {
                io.err()
                        .println("  " + finding.severity() + " " + finding.code() + " "
                                + Terminal.safe(finding.pointer(), 120) + ": " + Terminal.safe(finding.message(), 300));
            }
            return ExitCode.REJECTED;
        } catch (RegistryException e) {
            int exit = RegistryErrors.report(name(), e, format, io);
            e.problem().ifPresent(p -> RefusalAdvice.lines(p, document).forEach(io.err()::println));
            return exit;
        } catch (IllegalArgumentException e) {
            throw new UsageException("the token: " + Terminal.safe(e.getMessage(), 200));
        }
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("outcome", result.outcome().name());
            root.put("reference", result.reference());
            root.put("status", result.status());
            root.put("location", result.location());
            root.put("digest", result.digest());
            root.put("registry", client.baseUrl().toString());
            io.out().print(ReportJson.write(root));
            return ExitCode.OK;
        }
        String reference = Terminal.safe(result.reference(), 200);
        if (result.outcome() == PublishResult.Outcome.CREATED) {
            io.out().println("Published " + reference + " to " + client.baseUrl() + " (201 Created)");
        } else {
            io.out().println(reference + " is already published with the same content (200); nothing changed");
        }
        if (result.location() != null) {
            io.out().println("  location: " + Terminal.safe(result.location(), 300));
        }
        if (result.digest() != null) {
            io.out().println("  digest:   " + result.digest());
        }
        return ExitCode.OK;
    }

    /** From --token-file (one trailing newline dropped) or the environment; never from an argument. */
    private static String token(CommandLine line, Io io) throws UsageException {
        String token;
        String source;
        if (line.hasOption("token-file")) {
            Path file = RegistryOptions.path(line.getOptionValue("token-file"), "--token-file");
            source = "--token-file " + file;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--token-file: no file at " + Terminal.safe(file.toString(), 200));
                }
                if (Files.size(file) > MAX_TOKEN_BYTES) {
                    throw new UsageException("--token-file: " + Terminal.safe(file.toString(), 200) + " is larger than "
                            + MAX_TOKEN_BYTES + " bytes; that is not a token");
                }
                token = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("--token-file: cannot read " + Terminal.safe(file.toString(), 200));
            }
        } else if (io.env().get(TOKEN_ENV) != null) {
            token = io.env().get(TOKEN_ENV);
            source = "$" + TOKEN_ENV;
        } else {
            throw new UsageException("no publisher token: pass --token-file FILE or set " + TOKEN_ENV
                    + " (tokens are never taken as arguments)");
        }
        token = token.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        if (token.isEmpty()) {
            throw new UsageException(source + " is empty");
        }
        return token;
    }
}
