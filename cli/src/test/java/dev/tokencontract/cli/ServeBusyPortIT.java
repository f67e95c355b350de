package dev.tokencontract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} on a port another process holds: one line, exit 3, and no store created or seeded. */
class ServeBusyPortIT {
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void serveWhenPortBusyThenOneLineExit3AndNoStoreCreated(@TempDir Path dir) throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            Path data = dir.resolve("data");
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Process process = new ProcessBuilder(
                            JAVA,
                            "-jar",
                            JarProcess.JAR.toString(),
                            "serve",
                            "--port",
                            String.valueOf(holder.getLocalPort()),
                            "--data",
                            data.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(Files.readString(err, StandardCharsets.UTF_8))
                    .isEqualTo("tokencontract serve: cannot listen on 127.0.0.1:" + holder.getLocalPort()
                            + ": the port is in use\n");
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
            assertThat(data).doesNotExist();
        }
    }
}
