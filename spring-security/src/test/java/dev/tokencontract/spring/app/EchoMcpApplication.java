package dev.tokencontract.spring.app;

import dev.tokencontract.mcp.CallerIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the MCP transport at {@code /mcp}: it answers with the identity the security chain handed
 * over (never the token) and opens a "session" on {@code initialize}, as Spring AI's transport does. Secured
 * by nothing but the starter and the test's properties.
 */
@SpringBootApplication
public class EchoMcpApplication {

    @RestController
    static class Endpoint {
        @PostMapping(path = "/mcp", produces = "application/json")
        Map<String, Object> post(HttpServletRequest request, HttpServletResponse response) throws Exception {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("\"initialize\"")) {
                response.setHeader("Mcp-Session-Id", UUID.randomUUID().toString());
            }
            CallerIdentity caller = (CallerIdentity) request.getAttribute(CallerIdentity.CONTEXT_KEY);
            return Map.of(
                    "sub",
                    caller.subject(),
                    "tenant",
                    caller.tenant(),
                    "actor",
                    caller.actor().orElse("-"),
                    "authorization_seen",
                    request.getHeader("Authorization") != null,
                    "body_bytes",
                    body.length());
        }

        @DeleteMapping("/mcp")
        Map<String, Object> delete() {
            return Map.of("closed", true);
        }
    }
}
