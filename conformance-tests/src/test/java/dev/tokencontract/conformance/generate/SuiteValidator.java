package dev.tokencontract.conformance.generate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * networknt configured as the JSON-Schema-Test-Suite expects: draft 2020-12, {@code format} an annotation
 * except for the optional/format files, remote references served from the suite's {@code remotes}
 * folder (as the suite's http://localhost:1234/ server would), nothing fetched from the network.
 */
final class SuiteValidator implements InstanceCheck {
    private static final String REMOTE = "http://localhost:1234/";
    private final Schema schema;

    private SuiteValidator(Schema schema) {
        this.schema = schema;
    }

    static SuiteValidator compile(JsonNode document, boolean formatAssertions, Path remotes) {
        return compile(document, formatAssertions, remotes, SpecificationVersion.DRAFT_2020_12);
    }

    /** networknt with {@code version}'s dialect as the default (a schema's own {@code $schema} still wins). */
    static SuiteValidator compile(
            JsonNode document, boolean formatAssertions, Path remotes, SpecificationVersion version) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(formatAssertions)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                version,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaCacheEnabled(false)
                        .schemas(iri -> remote(remotes, iri))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        String id = document.isObject() && document.path("$id").isString()
                ? document.path("$id").stringValue()
                : "https://tokencontract.invalid/suite.json";
        Schema schema = registry.getSchema(SchemaLocation.of(id), document);
        schema.initializeValidators();
        return new SuiteValidator(schema);
    }

    /** The suite's remote documents and the 2020-12 meta-schemas (networknt's bundled copies) as JSON trees. */
    static java.util.function.Function<String, JsonNode> documents(Path remotes) {
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        return uri -> {
            String text = remote(remotes, uri);
            if (text == null && uri.startsWith(META)) {
                try (java.io.InputStream in = Schema.class
                        .getClassLoader()
                        .getResourceAsStream("draft/2020-12/" + uri.substring(META.length()))) {
                    text = in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return text == null ? null : json.readTree(text);
        };
    }

    private static final String META = "https://json-schema.org/draft/2020-12/";

    private static String remote(Path remotes, String iri) {
        if (iri == null || !iri.startsWith(REMOTE)) {
            return null;
        }
        Path file = remotes.resolve(iri.substring(REMOTE.length()).replaceAll("#.*$", ""))
                .normalize();
        if (!file.startsWith(remotes) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> violations(JsonNode instance) {
        List<String> out = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            out.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return out;
    }
}
