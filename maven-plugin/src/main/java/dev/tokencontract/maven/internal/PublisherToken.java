package dev.tokencontract.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The publisher's bearer token, from a file or an environment variable only: a token written into a pom ends up
 * in version control and in every build log, so there is no parameter that takes the token itself.
 */
public final class PublisherToken {
    static final long MAX_FILE_BYTES = 16 * 1024 + 2;

    private PublisherToken() {}

    /**
     * The token from {@code file} when given, else from the environment variable {@code envName}.
     *
     * @throws IllegalArgumentException with a message that names where it looked, never the token
     */
    public static String read(Path file, String envName, Map<String, String> env) {
        String token;
        String where;
        if (file != null) {
            where = "the token file " + file;
            try {
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("no token file at " + file);
                }
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(where + " is larger than a token can be (16 KiB)");
                }
                token = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + where + ": " + e.getMessage());
            }
        } else {
            if (envName == null || envName.isBlank()) {
                throw new IllegalArgumentException("publish needs a token: set <tokenFile> or <tokenEnv>");
            }
            where = "the environment variable " + envName;
            token = env.get(envName);
            if (token == null) {
                throw new IllegalArgumentException(where + " is not set (or set <tokenFile>)");
            }
        }
        String trimmed = token.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty");
        }
        if (!trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(where + " holds more than one token or non-ASCII characters");
        }
        return trimmed;
    }
}
