package dev.tokencontract.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SDK's JSON mapper, except for {@link McpError}: SDK 2.1.0's servlet transport answers its own HTTP
 * errors (no session, unknown session, wrong Accept) by serializing the exception as a bean, which sends the
 * client its cause and a full Java stack trace. Here such an error becomes a JSON-RPC error response
 * ({@code {"jsonrpc":"2.0","id":null,"error":{"code":..,"message":..}}}) and nothing else.
 */
public final class TransportErrorJsonMapper implements McpJsonMapper {
    private final McpJsonMapper delegate;

    public TransportErrorJsonMapper(McpJsonMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object from, Class<T> type) {
        return delegate.convertValue(from, type);
    }

    @Override
    public <T> T convertValue(Object from, TypeRef<T> type) {
        return delegate.convertValue(from, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return delegate.writeValueAsString(safe(value));
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return delegate.writeValueAsString(safe(value)).getBytes(StandardCharsets.UTF_8);
    }

    private static Object safe(Object value) {
        if (!(value instanceof McpError error)) {
            return value;
        }
        McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", rpc != null && rpc.code() != null ? rpc.code() : McpSchema.ErrorCodes.INTERNAL_ERROR);
        body.put("message", rpc != null && rpc.message() != null ? rpc.message() : "internal error");
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        response.put("id", null); // the transport answers before it knows the request's id
        response.put("error", body);
        return response;
    }
}
