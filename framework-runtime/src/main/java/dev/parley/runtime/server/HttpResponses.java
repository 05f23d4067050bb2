package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.runtime.realtime.EventEmitter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** JSON HTTP replies in OpenAI's REST error shape {@code {"error":{message,type,code,param}}}. */
final class HttpResponses {
    private HttpResponses() {
    }

    static void json(ChannelHandlerContext ctx, HttpResponseStatus status, ObjectNode body) {
        json(ctx, status, body, 0);
    }

    /** With {@code Retry-After: retryAfterSeconds} when that is above 0. */
    static void json(ChannelHandlerContext ctx, HttpResponseStatus status, ObjectNode body, long retryAfterSeconds) {
        byte[] bytes;
        try {
            bytes = EventEmitter.MAPPER.writeValueAsBytes(body);
        } catch (Exception e) {
            bytes = "{}".getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (retryAfterSeconds > 0) {
            res.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        }
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    /** A 200 with {@code body} as {@code contentType} (e.g. a metrics scrape). */
    static void bytes(ChannelHandlerContext ctx, String contentType, byte[] body) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }

    static void error(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String code, String param,
                      String message) {
        error(ctx, status, type, code, param, message, 0);
    }

    static void error(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String code, String param,
                      String message, long retryAfterSeconds) {
        ObjectNode body = EventEmitter.MAPPER.createObjectNode();
        ObjectNode err = body.putObject("error");
        err.put("message", message).put("type", type).put("code", code).put("param", param);
        json(ctx, status, body, retryAfterSeconds);
    }
}
