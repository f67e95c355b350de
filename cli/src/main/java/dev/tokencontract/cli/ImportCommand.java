package dev.tokencontract.cli;

import dev.tokencontract.contract.ContractException;
import dev.tokencontract.contract.ContractKind;
import dev.tokencontract.contract.Contracts;
import dev.tokencontract.contract.LintReport;
import dev.tokencontract.contract.SchemaImport;
import dev.tokencontract.contract.SchemaImportException;
import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import tools.jackson.databind.JsonNode;

/** {@code tokencontract import}: a draft-04/06/07/2019-09 JSON Schema as a 2020-12 contract, every change listed. */
final class ImportCommand implements Command {
    private static final String NAME_PATTERN = "[a-z0-9]+([.-][a-z0-9]+)*";
    private static final String VERSION_PATTERN =
            "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?";

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String synopsis() {
        return "[options] FILE";
    }

    @Override
    public String summary() {
        return "convert a draft-04/06/07/2019-09 JSON Schema into a 2020-12 contract";
    }

    @Override
    public String details() {
        return """
                Converts FILE faithfully (every instance keeps its verdict): tuple items -> prefixItems,
                additionalItems -> items, dependencies -> dependentRequired/dependentSchemas, definitions -> $defs
                with every $ref rewritten, "$id": "#name" -> $anchor, draft-04 boolean exclusive bounds -> numbers,
                $recursiveRef/$recursiveAnchor -> $dynamicRef/$dynamicAnchor; keywords the old draft ignored
                (beside $ref, or not yet defined) are removed. Prints one line per change with its JSON pointer.
                Refuses what it cannot map (a $ref outside the file, draft-03, a mix of drafts), and writes nothing then.
                The contract is linted; it is written even when lint fails, so it can be fixed by hand.
                The document goes to --out FILE, or to stdout (the report then goes to stderr).

                Exit: 0 converted and lint passed, 1 refused or lint failed, 2 usage error, 3 file unreadable or unwritable.
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Option.builder("o")
                .longOpt("out")
                .hasArg()
                .argName("FILE")
                .desc("write the contract to FILE instead of stdout")
                .get());
        options.addOption(Option.builder()
                .longOpt("name")
                .hasArg()
                .argName("NAME")
                .desc("contract name, e.g. acme.crm-token")
                .get());
        options.addOption(Option.builder()
                .longOpt("version")
                .hasArg()
                .argName("VERSION")
                .desc("contract version, e.g. 1.0.0")
                .get());
        options.addOption(Option.builder()
                .longOpt("owner")
                .hasArg()
                .argName("OWNER")
                .desc("the team or person responsible")
                .get());
        options.addOption(Option.builder()
                .longOpt("kind")
                .hasArg()
                .argName("KIND")
                .desc("jwt-access-token (default), idp-metadata or protected-resource-metadata")
                .get());
        options.addOption(Option.builder()
                .longOpt("alg")
                .hasArg()
                .argName("ALG")
                .desc("allowed signing algorithm (repeat for several); required for jwt-access-token")
                .get());
        options.addOption(Option.builder()
                .longOpt("draft")
                .hasArg()
                .argName("DRAFT")
                .desc("the draft when FILE has no $schema: 04, 06, 07 or 2019-09")
                .get());
        options.addOption(Option.builder()
                .longOpt("schema-only")
                .desc("print the converted 2020-12 schema alone, without the contract annotations")
                .get());
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        if (line.getArgList().size() != 1) {
            throw new UsageException(
                    "expected one schema FILE, got " + line.getArgList().size());
        }
        Path input = path(line.getArgList().get(0), "FILE");
        Path out = line.hasOption("out") ? path(line.getOptionValue("out"), "--out") : null;
        if (out != null
                && out.toAbsolutePath()
                        .normalize()
                        .equals(input.toAbsolutePath().normalize())) {
            throw new UsageException(
                    "--out names the input file; write the contract somewhere else so the original is kept");
        }
        Optional<SchemaImport.Draft> draft = draft(line);
        SchemaImport.Header header = line.hasOption("schema-only") ? null : header(line);
        String text;
        try {
            text = Contracts.readFile(input);
        } catch (ContractException e) {
            io.err().println("tokencontract import: " + Terminal.safe(e.getMessage(), 300));
            return ExitCode.UNCHECKED;
        }
        ImportReport report = new ImportReport(input, out, format, io);
        SchemaImport.Result result;
        JsonNode document;
        try {
            result = SchemaImport.convert(text, draft);
            document = header == null ? result.schema() : SchemaImport.asContract(result, header);
        } catch (SchemaImportException e) {
            return report.refused(e);
        }
        LintReport lint = header == null ? null : Contracts.lint(document.toString());
        String json = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        if (out != null) {
            try {
                write(out, json);
            } catch (IOException e) {
                io.err()
                        .println("tokencontract import: cannot write " + Terminal.safe(out.toString(), 200) + ": "
                                + Terminal.safe(e.getMessage(), 200));
                return ExitCode.UNCHECKED;
            }
        }
        int exit = lint == null || lint.passed() ? ExitCode.OK : ExitCode.REJECTED;
        report.converted(result, header, lint, document, json, exit);
        return exit;
    }

    private static SchemaImport.Header header(CommandLine line) throws UsageException {
        String name = required(line, "name");
        String version = required(line, "version");
        String owner = required(line, "owner");
        if (name.length() > 128 || !name.matches(NAME_PATTERN)) {
            throw new UsageException(
                    "--name '" + Terminal.safe(name, 80) + "' is not a contract name: lowercase letters and digits"
                            + " in groups joined by single dots or dashes, e.g. acme.crm-token");
        }
        if (!version.matches(VERSION_PATTERN)) {
            throw new UsageException(
                    "--version '" + Terminal.safe(version, 80) + "' is not a semantic version like 1.0.0");
        }
        String kindId = line.getOptionValue("kind", ContractKind.JWT_ACCESS_TOKEN.id());
        ContractKind kind = ContractKind.fromId(kindId)
                .orElseThrow(() -> new UsageException("--kind must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(ContractKind.values())
                                        .map(ContractKind::id)
                                        .toList()) + ", not '" + Terminal.safe(kindId, 60) + "'"));
        List<String> algorithms = line.hasOption("alg") ? List.of(line.getOptionValues("alg")) : List.of();
        if (kind == ContractKind.JWT_ACCESS_TOKEN && algorithms.isEmpty()) {
            throw new UsageException(
                    "a jwt-access-token contract names its signing algorithms: pass --alg (e.g. --alg RS256); there is no default");
        }
        if (kind != ContractKind.JWT_ACCESS_TOKEN && !algorithms.isEmpty()) {
            throw new UsageException("--alg applies only to --kind jwt-access-token");
        }
        return new SchemaImport.Header(name, version, kind, owner, algorithms);
    }

    private static String required(CommandLine line, String option) throws UsageException {
        String value = line.getOptionValue(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + option + " is required to make a contract (or pass --schema-only)");
        }
        return value;
    }

    private static Optional<SchemaImport.Draft> draft(CommandLine line) throws UsageException {
        if (!line.hasOption("draft")) {
            return Optional.empty();
        }
        String value = line.getOptionValue("draft");
        return Optional.of(SchemaImport.Draft.fromLabel(value)
                .orElseThrow(() -> new UsageException(
                        "--draft must be 04, 06, 07 or 2019-09, not '" + Terminal.safe(value, 40) + "'")));
    }

    private static Path path(String value, String what) throws UsageException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(what + ": '" + Terminal.safe(value, 80) + "' is not a file path");
        }
    }

    private static void write(Path target, String json) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".tokencontract-import-", ".part");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
