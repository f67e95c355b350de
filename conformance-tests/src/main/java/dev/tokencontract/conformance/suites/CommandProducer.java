package dev.tokencontract.conformance.suites;

import dev.tokencontract.finding.Redact;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a command per input: input JSON on stdin, token on stdout; stdout and stderr are capped. */
final class CommandProducer implements TokenProducer {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern COMPACT_JWS = Pattern.compile("([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.)([A-Za-z0-9_-]+)");

    private final List<String> command;
    private final Duration timeout;

    CommandProducer(List<String> command, Duration timeout) {
        if (command == null || command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("the producer command is empty");
        }
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public String mint(ProducerInput input) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new CouldNotRun("cannot start the producer command " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> capped(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> capped(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.toJson().toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command may exit without reading stdin; its exit code and output tell the rest
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new PropertyFailure(
                    "the producer command did not finish within " + timeout.toSeconds() + " s for " + input);
        }
        String stdout = new String(out.join(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new PropertyFailure("the producer command exited " + process.exitValue() + " for " + input + ": "
                    + Redact.shorten(withoutSignatures(new String(err.join(), StandardCharsets.UTF_8).strip()), 200));
        }
        return TokenText.read(stdout);
    }

    /** A producer may print the token it failed on to stderr: keep its header and payload, mask its signature. */
    static String withoutSignatures(String text) {
        return COMPACT_JWS
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + Redact.signature(m.group(2))));
    }

    private static byte[] capped(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = stream.read(buffer)) > 0) {
                if (out.size() < TokenText.MAX_CHARS + 1) {
                    out.write(buffer, 0, n);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
