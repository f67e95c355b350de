package dev.tokencontract.cli;

import dev.tokencontract.finding.Finding;
import dev.tokencontract.finding.FindingCode;
import dev.tokencontract.finding.Severity;
import dev.tokencontract.idp.IdpChecks;
import dev.tokencontract.idp.IdpReport;
import dev.tokencontract.validator.KeySource;
import dev.tokencontract.validator.KeySourceException;
import dev.tokencontract.validator.TokenValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import tools.jackson.databind.JsonNode;

/** {@code explain --idp ISSUER-URL}: the expected issuer and the keys, taken from the IdP's discovered metadata. */
final class IdpKeys {
    static final String OPTION = "idp";

    private IdpKeys() {}

    static Option option() {
        return Option.builder()
                .longOpt(OPTION)
                .hasArg()
                .argName("ISSUER-URL")
                .desc("discover the IdP's metadata; take the expected issuer and jwks_uri keys from it")
                .get();
    }

    static void refuseCombinations(CommandLine line) throws UsageException {
        if (!line.hasOption(OPTION)) {
            return;
        }
        for (String keyOption : List.of("jwks", "pem", "secret-file", "secret-env")) {
            if (line.hasOption(keyOption)) {
                throw new UsageException("--idp takes the keys from the IdP's jwks_uri; leave out --" + keyOption);
            }
        }
        if (!IdpOptions.isUrl(line.getOptionValue(OPTION))) {
            throw new UsageException("--idp takes the issuer's https URL");
        }
    }

    /**
     * Discovers the metadata, sets the expected issuer (unless {@code --issuer} overrides it) and returns the
     * JWKS URL key source. Metadata warnings go to stderr; no usable metadata or jwks_uri means "keys unavailable".
     */
    static KeySource from(CommandLine line, TokenValidator.Builder builder, Io io)
            throws KeySourceException, UsageException {
        IdpReport report;
        try {
            report = IdpChecks.withDefaults().discover(line.getOptionValue(OPTION));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--idp: " + Terminal.safe(e.getMessage(), 200));
        }
        for (Finding finding : report.findings()) {
            if (finding.severity() != Severity.INFO) {
                io.err()
                        .println("tokencontract explain: idp "
                                + finding.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + finding.code()
                                + " " + Terminal.safe(finding.message(), 300));
            }
        }
        if (report.document().isEmpty()) {
            throw new KeySourceException("no metadata discovered for " + line.getOptionValue(OPTION));
        }
        if (report.has(FindingCode.ISSUER_MISMATCH)) {
            // RFC 8414 section 3.3: "If these values are not identical, the data contained in the response MUST NOT be
            // used."
            throw new KeySourceException("the metadata's issuer is not " + line.getOptionValue(OPTION)
                    + ", so it must not be used (RFC 8414 section 3.3)");
        }
        if (report.has(FindingCode.JWK_PRIVATE_PARAMETERS)) {
            // a token verified with a key whose private half is public proves nothing: fail closed
            throw new KeySourceException(
                    "the IdP's JWK set publishes private key material, so anyone can mint tokens it verifies");
        }
        JsonNode metadata = report.document().get();
        String issuer = metadata.path("issuer").asString("");
        if (!line.hasOption("issuer")) {
            if (issuer.isEmpty() || issuer.contains("{")) {
                throw new UsageException("the IdP's issuer is "
                        + (issuer.isEmpty() ? "absent" : "a template (" + Terminal.safe(issuer, 120) + ")")
                        + ": pass --issuer with the issuer your tokens carry");
            }
            builder.expectIssuer(issuer);
        }
        String jwksUri = metadata.path("jwks_uri").asString("");
        try {
            URI uri = new URI(jwksUri);
            if (jwksUri.isEmpty() || !IdpChecks.fetchable(uri)) {
                throw new KeySourceException("the IdP's jwks_uri is "
                        + (jwksUri.isEmpty() ? "absent" : "not an https URL: " + Terminal.safe(jwksUri, 120)));
            }
            return KeySource.jwksUrl(uri);
        } catch (URISyntaxException e) {
            throw new KeySourceException("the IdP's jwks_uri is not a URL");
        }
    }
}
