package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.validator.DecodedToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code tokencontract decode}: header and claims, UNVERIFIED; nothing is checked but the shape. */
final class DecodeCommand implements Command {
    static final String UNVERIFIED_BANNER =
            "UNVERIFIED: decoded without checking signature, times, issuer, audience or contract. Do not trust these values.";

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public String synopsis() {
        return "[options] [TOKEN]";
    }

    @Override
    public String summary() {
        return "show a token's header and claims, UNVERIFIED";
    }

    @Override
    public String details() {
        return """
                TOKEN is read from stdin when not given (or given as -), so it stays out of shell history.
                Nothing but the token's shape is checked: use explain to judge it.
                The signature is shown as a preview only.

                Exit: 0 decoded, 1 not a readable JWT, 2 usage error.
                """;
    }

    @Override
    public Options options() {
        Options options = new Options();
        options.addOption(Common.at("show times relative to this moment instead of now"));
        return Common.withFormatAndHelp(options);
    }

    @Override
    public int run(CommandLine line, Io io) throws UsageException {
        Arguments.Format format = Arguments.format(line);
        Instant at = Arguments.at(line, io);
        String token = TokenInput.read(line.getArgList(), io);
        DecodedToken.Decoding decoding = DecodedToken.decode(token);
        Optional<DecodedToken> decoded = decoding.token();
        List<Finding> shape = decoding.findings();
        boolean readable = decoded.isPresent()
                && decoded.get().header().isPresent()
                && decoded.get().claims().isPresent();
        if (format == Arguments.Format.JSON) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            if (decoded.isPresent()) {
                root.set("token", ReportJson.token(decoded.get(), false));
            } else {
                root.putNull("token");
            }
            ArrayNode findings = root.putArray("findings");
            shape.forEach(f -> findings.add(ReportJson.toNode(f)));
            io.out().print(ReportJson.write(root));
        } else {
            Terminal term = new Terminal(io.colour());
            io.out().println(term.yellow(term.bold(UNVERIFIED_BANNER)));
            String reference = line.hasOption("at") ? "the --at time" : "now";
            decoded.ifPresent(d -> new TokenText(term, at, reference).print(d, io.out()));
            if (!shape.isEmpty()) {
                io.out().println();
                ExplainText.printFindings(shape, io.out(), term);
            }
        }
        return readable ? ExitCode.OK : ExitCode.REJECTED;
    }
}
