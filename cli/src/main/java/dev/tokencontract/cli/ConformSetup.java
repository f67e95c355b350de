package dev.tokencontract.cli;

import dev.tokencontract.conformance.http.RecordingEndpoint;
import dev.tokencontract.conformance.suites.CarrierSuite;
import dev.tokencontract.conformance.suites.CompatSuite;
import dev.tokencontract.conformance.suites.ConsumerSuite;
import dev.tokencontract.conformance.suites.ProducerSuite;
import dev.tokencontract.conformance.suites.SuiteResult;
import dev.tokencontract.conformance.suites.SuiteSettings;
import dev.tokencontract.conformance.suites.TokenCarrier;
import dev.tokencontract.conformance.suites.TokenConsumer;
import dev.tokencontract.conformance.suites.TokenProducer;
import dev.tokencontract.conformance.tokens.JwksEndpoint;
import dev.tokencontract.conformance.tokens.SigningKeys;
import dev.tokencontract.contract.Contract;
import dev.tokencontract.contract.ContractException;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** Builds one suite from the command line, with the servers it needs, and closes them after the run. */
final class ConformSetup implements AutoCloseable {
    private final Function<SuiteSettings, SuiteResult> suite;
    private final List<AutoCloseable> resources;

    private ConformSetup(Function<SuiteSettings, SuiteResult> suite, List<AutoCloseable> resources) {
        this.suite = suite;
        this.resources = resources;
    }

    SuiteResult run(SuiteSettings settings) {
        return suite.apply(settings);
    }

    static ConformSetup open(String name, ConformArguments args, List<String> rest, Io io)
            throws UsageException, ContractException, KeySourceException {
        if (!name.equals("producer") && !rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + Terminal.safe(rest.get(0), 60) + "'");
        }
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return switch (name) {
                case "consumer" -> consumer(args, io, resources);
                case "producer" -> producer(args, rest, io);
                case "carrier" -> carrier(args, io, resources);
                default -> compat(args, io);
            };
        } catch (UsageException | ContractException | KeySourceException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static ConformSetup consumer(ConformArguments args, Io io, List<AutoCloseable> resources)
            throws UsageException, ContractException {
        args.allowOnly("endpoint", "issuer", "audience", "signing-keys", "serve-jwks", "jwks-out", "mcp-session");
        var endpoint = args.url("endpoint");
        String issuer = args.required("issuer");
        String audience = args.required("audience");
        Contract contract = ContractSource.load(args.required("contract"), args.line(), io, "conform");
        SigningKeys keys = keys(args, io, resources);
        boolean session = args.line().hasOption("mcp-session");
        ConsumerSuite suite = ConsumerSuite.builder()
                .contract(contract)
                .keys(keys)
                .issuer(issuer)
                .audience(audience)
                .clock(io.clock())
                .consumer(session ? TokenConsumer.mcpSession(endpoint) : TokenConsumer.http(endpoint))
                .subject(endpoint + (session ? " (MCP session)" : "") + " against " + contract.reference())
                .build();
        return new ConformSetup(suite::run, resources);
    }

    private static ConformSetup producer(ConformArguments args, List<String> command, Io io)
            throws UsageException, ContractException, KeySourceException {
        args.allowOnly("token-endpoint", "issuer", "audience", "jwks", "pem", "secret-file", "secret-env");
        boolean http = args.line().hasOption("token-endpoint");
        if (http == !command.isEmpty()) {
            throw new UsageException("producer needs --token-endpoint URL or a command after '--', not both");
        }
        if (!args.hasKeyOption()) {
            throw new UsageException(
                    "producer needs the producer's keys: --jwks, --pem, --secret-file or --secret-env");
        }
        TokenProducer producer = http ? TokenProducer.http(args.url("token-endpoint")) : TokenProducer.command(command);
        String issuer = args.required("issuer");
        String audience = args.required("audience");
        Contract contract = ContractSource.load(args.required("contract"), args.line(), io, "conform");
        KeySource keys = KeyOptions.from(args.line());
        ProducerSuite suite = ProducerSuite.builder()
                .contract(contract)
                .keys(keys)
                .issuer(issuer)
                .audience(audience)
                .clock(io.clock())
                .producer(producer)
                .subject(producer + " against " + contract.reference())
                .build();
        return new ConformSetup(suite::run, List.of());
    }

    private static ConformSetup carrier(ConformArguments args, Io io, List<AutoCloseable> resources)
            throws UsageException, ContractException, KeySourceException {
        args.allowOnly(
                "hub",
                "issuer",
                "hub-audience",
                "downstream-audience",
                "downstream-port",
                "downstream-issuer",
                "signing-keys",
                "serve-jwks",
                "jwks-out",
                "jwks",
                "pem",
                "secret-file",
                "secret-env");
        var hub = args.url("hub");
        String issuer = args.required("issuer");
        String hubAudience = args.required("hub-audience");
        String downstreamAudience = args.required("downstream-audience");
        if (hubAudience.equals(downstreamAudience)) {
            throw new UsageException(
                    "--hub-audience and --downstream-audience must differ, or passthrough cannot be told apart");
        }
        int port = args.port("downstream-port");
        if (args.line().hasOption("downstream-issuer") && !args.hasKeyOption()) {
            throw new UsageException(
                    "--downstream-issuer needs the downstream token keys: --jwks, --pem, --secret-file or --secret-env");
        }
        Contract contract = ContractSource.load(args.required("contract"), args.line(), io, "conform");
        SigningKeys keys = keys(args, io, resources);
        RecordingEndpoint downstream = RecordingEndpoint.start(Math.max(port, 0));
        resources.add(downstream);
        io.out().println("Recording downstream MCP server at " + downstream.uri());
        CarrierSuite.Builder builder = CarrierSuite.builder()
                .contract(contract)
                .keys(keys)
                .issuer(issuer)
                .carrierAudience(hubAudience)
                .downstreamAudience(downstreamAudience)
                .carrier(TokenCarrier.http(hub))
                .downstream(downstream)
                .clock(io.clock())
                .subject(hub + " against " + contract.reference());
        if (args.hasKeyOption()) {
            KeySource downstreamKeys = KeyOptions.from(args.line());
            // keys of whoever mints the tokens the hub presents (its token exchange): verify them fully
            TokenValidator.Builder judge = TokenValidator.builder()
                    .contract(contract)
                    .keys(downstreamKeys)
                    .expectAudience(downstreamAudience)
                    .clock(io.clock())
                    .checkContractEvenIfSignatureFails();
            String downstreamIssuer = args.line().getOptionValue("downstream-issuer");
            builder.downstreamJudge(
                    (downstreamIssuer == null ? judge.ignoreIssuer() : judge.expectIssuer(downstreamIssuer)).build());
        }
        CarrierSuite suite = builder.build();
        return new ConformSetup(suite::run, resources);
    }

    private static ConformSetup compat(ConformArguments args, Io io) throws UsageException, ContractException {
        args.allowOnly("against");
        Contract older = ContractSource.load(args.required("contract"), args.line(), io, "conform");
        Contract newer = ContractSource.load(args.required("against"), args.line(), io, "conform");
        return new ConformSetup(settings -> CompatSuite.check(older, newer, settings), List.of());
    }

    /** The signing keys: loaded from --signing-keys, or generated with a fresh kid prefix (so JWKS caches refresh). */
    private static SigningKeys keys(ConformArguments args, Io io, List<AutoCloseable> resources) throws UsageException {
        Path file = args.optionalPath("signing-keys");
        SigningKeys keys = file != null
                ? SigningKeys.fromPrivateJwksFile(file)
                : SigningKeys.generate("tc-"
                        + HexFormat.of()
                                .formatHex(java.nio.ByteBuffer.allocate(4)
                                        .putInt(new java.security.SecureRandom().nextInt())
                                        .array()));
        Path jwksOut = args.optionalPath("jwks-out");
        if (jwksOut != null) {
            keys.writePublicJwks(jwksOut);
            io.out().println("Public JWKS written to " + Terminal.safe(jwksOut.toString(), 200));
        }
        int port = args.port("serve-jwks");
        if (port >= 0) {
            JwksEndpoint endpoint = JwksEndpoint.start(keys, port);
            resources.add(endpoint);
            io.out().println("Serving the public JWKS at " + endpoint.uri());
        }
        return keys;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing a loopback server: nothing useful to report
            }
        }
    }
}
