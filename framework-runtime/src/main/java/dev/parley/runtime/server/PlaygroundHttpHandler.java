package dev.parley.runtime.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The browser playground: {@code GET /} is {@code playground/index.html} from the classpath, and
 * {@code GET /playground/NAME} one of its assets. NAME must be one plain file name (letters, digits, dots and dashes,
 * no slash), so no request can climb out of the resource folder; anything else passes on (and ends in the 404).
 * Files are read once and kept: the whole playground is a few tens of KB.
 */
final class PlaygroundHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String ASSETS = "/playground/";
    private static final String RESOURCES = "/playground/";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** Absent files are cached as empty arrays so a scan of names costs no repeated classpath look-ups. */
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        String path = new QueryStringDecoder(req.uri()).path();
        String name = path.equals("/") || path.equals("/playground") || path.equals(ASSETS) ? "index.html"
                : path.startsWith(ASSETS) ? path.substring(ASSETS.length()) : null;
        boolean read = HttpMethod.GET.equals(req.method()) || HttpMethod.HEAD.equals(req.method());
        byte[] body = name != null && read && FILE_NAME.matcher(name).matches() ? load(name) : null;
        if (body == null || body.length == 0) {
            ctx.fireChannelRead(req.retain());
            return;
        }
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                HttpMethod.HEAD.equals(req.method()) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        res.headers().set("X-Content-Type-Options", "nosniff");
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = PlaygroundHttpHandler.class.getResourceAsStream(RESOURCES + n)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
