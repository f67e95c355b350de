package dev.tokencontract.registry.internal;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends 304s without {@code Content-Type} and {@code Content-Length}: the servlet layer closes an empty
 * response with {@code Content-Length: 0}, which on a 304 wrongly claims the selected representation is
 * empty (RFC 9110 section 8.6), and Javalin's default {@code text/plain} is not the representation's type.
 */
final class BareNotModified extends Handler.Wrapper {
    private static final EnumSet<HttpHeader> NOISE = EnumSet.of(HttpHeader.CONTENT_LENGTH, HttpHeader.CONTENT_TYPE);

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        request.addHttpStreamWrapper(stream -> new HttpStream.Wrapper(stream) {
            @Override
            public void send(
                    MetaData.Request metaRequest,
                    MetaData.Response metaResponse,
                    boolean last,
                    ByteBuffer content,
                    Callback sent) {
                if (metaResponse != null && metaResponse.getStatus() == 304) {
                    HttpFields.Mutable fields = HttpFields.build(metaResponse.getHttpFields());
                    fields.remove(NOISE);
                    metaResponse = new MetaData.Response(
                            304, metaResponse.getReason(), metaResponse.getHttpVersion(), fields, -1);
                }
                super.send(metaRequest, metaResponse, last, content, sent);
            }
        });
        return super.handle(request, response, callback);
    }
}
