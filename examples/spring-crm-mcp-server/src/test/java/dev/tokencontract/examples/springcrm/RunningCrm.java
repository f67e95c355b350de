package dev.tokencontract.examples.springcrm;

import dev.tokencontract.examples.crm.Crm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Spring application on a free loopback port, configured as {@code application.yml} plus what the test
 * overrides (issuers, keys). The audience names the port, so the port is chosen before the start.
 */
final class RunningCrm implements AutoCloseable {
    final ConfigurableApplicationContext context;
    final int port;

    private RunningCrm(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    static RunningCrm start(Map<String, String> properties) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port));
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(SpringCrmMcpServer.class).run(args.toArray(String[]::new));
        return new RunningCrm(context, port);
    }

    /** The MCP endpoint as clients reach it (and as the default audience names it). */
    String resource() {
        return "http://localhost:" + port + "/mcp";
    }

    Crm crm() {
        return context.getBean(Crm.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
