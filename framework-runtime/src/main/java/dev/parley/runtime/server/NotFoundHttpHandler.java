package dev.parley.runtime.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The end of the HTTP chain: anything no handler took gets a JSON 404 that says what is served here. */
final class NotFoundHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        HttpResponses.error(ctx, HttpResponseStatus.NOT_FOUND, "invalid_request_error", "not_found", null,
                "Nothing at " + req.method() + " " + req.uri() + ". This server serves the OpenAI Realtime API: "
                        + "WebSocket GET /v1/realtime, POST /v1/realtime/client_secrets, POST /v1/realtime/sessions, POST /v1/realtime/calls (WebRTC); the playground at GET /.");
    }
}
