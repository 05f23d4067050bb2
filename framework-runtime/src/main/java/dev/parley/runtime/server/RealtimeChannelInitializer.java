package dev.parley.runtime.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;

/**
 * The handler chain of a new connection: {@link HandshakeDeadline} → [TLS] → HTTP codec → aggregator (small:
 * upgrade requests and key-minting bodies only) → {@link AddressThrottleHandler} → {@link RealtimeHandshakeHandler}
 * → {@link ClientSecretsHttpHandler} → {@link RealtimeCallsHttpHandler} → {@link OpsHttpHandler} → {@link PlaygroundHttpHandler}
 * → {@link NotFoundHttpHandler}.
 * After an upgrade the HTTP handlers give way to WebSocket frame handling.
 */
final class RealtimeChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final int MAX_HTTP_BODY = 1024 * 1024;

    private final ServerContext server;
    private final SslContext ssl;

    RealtimeChannelInitializer(ServerContext server, SslContext ssl) {
        this.server = server;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast(HandshakeDeadline.NAME, new HandshakeDeadline(server.options().limits().handshakeTimeout()
                .toMillis(), server.counters()));
        if (ssl != null) {
            p.addLast("tls", ssl.newHandler(ch.alloc()));
        }
        // room for an ephemeral key (which carries its session settings) in a header or the query
        p.addLast("http", new HttpServerCodec(EphemeralKeyCodec.MAX_TOKEN_CHARS + 4096,
                EphemeralKeyCodec.MAX_HEADER_BYTES, 8192));
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_BODY));
        p.addLast("address-throttle", new AddressThrottleHandler(server));
        p.addLast("realtime-handshake", new RealtimeHandshakeHandler(server));
        p.addLast("client-secrets", new ClientSecretsHttpHandler(server));
        p.addLast("realtime-calls", new RealtimeCallsHttpHandler(server));
        p.addLast("ops", new OpsHttpHandler(server));
        p.addLast("playground", new PlaygroundHttpHandler());
        p.addLast("not-found", new NotFoundHttpHandler());
    }
}
