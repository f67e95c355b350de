package dev.tokencontract.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's runnable jar as a real process against the real servers: it must finish on its own. Its main
 * returns without System.exit on success, so a leaked non-daemon thread (the SDK client's or ours) would hang
 * it and fail this test.
 */
class AgentProcessIT {
    private static Trio trio;

    @BeforeAll
    static void start() throws Exception {
        trio = Trio.start();
    }

    @AfterAll
    static void stop() {
        trio.close();
    }

    private static Process agent(String password, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("agent.jar"));
        assertThat(jar).exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--mcp",
                trio.crm().resource(),
                "--legacy-password-grant"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AGENT_PASSWORD", password);
        builder.environment().remove("HUB_CLIENT_SECRET");
        return builder.start();
    }

    @Test
    void agentProcessWhenDoneThenExitsOnItsOwnWithZero() throws Exception {
        Process process = agent(
                "alice-demo",
                "--user",
                "alice",
                "--hub",
                "--call",
                "getCustomer",
                "--args",
                "{\"customerId\":\"c-100\"}");
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished)
                .as("the agent process exited by itself; output:\n" + output)
                .isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("hub:   exchanged it (RFC 8693) for sub=alice")
                .contains("getCustomer          -> ok: c-100");
    }

    @Test
    void agentProcessWhenPasswordWrongThenExitsOne() throws Exception {
        Process process = agent("wrong", "--user", "alice");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("invalid_grant");
    }

    @Test
    void runScriptWhenNoExampleNamedThenUsageAndExit2() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../run").normalize();
        assertThat(Files.isExecutable(script)).isTrue();
        Process process = new ProcessBuilder(script.toString(), "nonsense")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("usage: examples/run legacy-login|crm-mcp-server|agent");
    }
}
