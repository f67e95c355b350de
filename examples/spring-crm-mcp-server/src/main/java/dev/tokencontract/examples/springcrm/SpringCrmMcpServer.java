package dev.tokencontract.examples.springcrm;

import dev.tokencontract.examples.crm.Crm;
import dev.tokencontract.examples.crm.CrmTools;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The CRM of {@code examples/crm-mcp-server} as a Spring AI MCP server (WebMVC, Streamable HTTP at {@code /mcp}).
 * There is no security code here: the Tokencontract starter and the {@code tokencontract.*} lines of
 * {@code application.yml} validate every token against the contract, answer the MCP challenges, serve the
 * metadata document and decide each tool call from the contract's {@code x-authorization}.
 * {@code examples/run spring-crm-mcp-server [--server.port=9090] [--tokencontract.issuer-uri=...]}.
 */
@SpringBootApplication
public class SpringCrmMcpServer {

    public static void main(String[] args) {
        SpringApplication.run(SpringCrmMcpServer.class, args);
    }

    @Bean
    Crm crm() {
        return new Crm(Clock.systemUTC(), System.out);
    }

    /** Spring AI registers every tool specification bean; the handlers read the caller Tokencontract verified. */
    @Bean
    List<SyncToolSpecification> crmTools(Crm crm) {
        return new CrmTools(crm).all();
    }
}
