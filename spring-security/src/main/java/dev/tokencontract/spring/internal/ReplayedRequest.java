package dev.tokencontract.spring.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The request as the MCP transport gets it: without its {@code Authorization} header (the token never reaches a
 * tool handler) and, when the body was already read, with that body served again.
 */
public final class ReplayedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    /** {@code body} null: the original body stream, unread. */
    public ReplayedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body == null ? null : body.clone();
    }

    @Override
    public String getHeader(String name) {
        return "Authorization".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
        return "Authorization".equalsIgnoreCase(name)
                ? java.util.Collections.emptyEnumeration()
                : super.getHeaders(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaderNames() {
        java.util.List<String> names = java.util.Collections.list(super.getHeaderNames());
        names.removeIf("Authorization"::equalsIgnoreCase);
        return java.util.Collections.enumeration(names);
    }

    @Override
    public ServletInputStream getInputStream() throws java.io.IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() throws java.io.IOException {
        if (body == null) {
            return super.getReader();
        }
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body == null ? super.getContentLength() : body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body == null ? super.getContentLengthLong() : body.length;
    }
}
