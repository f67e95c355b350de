package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example servers, as built jars, on a port another process holds: one line on stderr and exit 3. */
class BusyPortIT {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @ParameterizedTest
    @ValueSource(strings = {"legacy-login", "crm-mcp-server"})
    void startWhenPortBusyThenOneLineAndExit3(String server, @TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty(server + ".jar"));
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            Path err = dir.resolve("err");
            ProcessBuilder builder = new ProcessBuilder(
                            JAVA, "-jar", jar.toString(), "--port", String.valueOf(holder.getLocalPort()))
                    .redirectOutput(dir.resolve("out").toFile())
                    .redirectError(err.toFile());
            builder.environment().put("HUB_CLIENT_SECRET", "a-test-secret-that-is-long-enough-0123456789");
            Process process = builder.start();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(Files.readString(err, StandardCharsets.UTF_8))
                    .isEqualTo(server + ": cannot listen on 127.0.0.1:" + holder.getLocalPort()
                            + ": the port is in use\n");
        }
    }
}
