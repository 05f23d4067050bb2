package dev.parley.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events leave in the order the session sent them, whichever thread sent them: the actor runs on a carrier
 * thread or, for an inline audio append, on the channel's own event loop.
 */
class ChannelEventSinkTest {
    private final EventLoopGroup group = new DefaultEventLoopGroup(2);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch arrived = new CountDownLatch(3);
    private Channel server;
    private Channel channel;

    @BeforeEach
    void connect() throws InterruptedException {
        LocalAddress address = new LocalAddress("sink-" + System.nanoTime());
        server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame f) {
                                received.add(f.text());
                                arrived.countDown();
                            }
                        });
                    }
                }).bind(address).sync().channel();
        channel = new Bootstrap().group(group).channel(LocalChannel.class)
                .handler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                    }
                }).connect(address).sync().channel();
    }

    @AfterEach
    void close() {
        channel.close();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void anEventSentOnTheEventLoopDoesNotOvertakeOnesSentBeforeFromAnotherThread() throws Exception {
        ChannelEventSink sink = new ChannelEventSink(channel);
        CountDownLatch actorSent = new CountDownLatch(1);
        // the event loop is busy (e.g. reading an append) while the actor, on its carrier, sends two events
        channel.eventLoop().execute(() -> {
            await(actorSent);
            sink.send("speech_started"); // the inline append found the onset
        });
        sink.send("delta-1");
        sink.sendUtf8("delta-2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        actorSent.countDown();

        assertTrue(arrived.await(5, TimeUnit.SECONDS), "all three events arrive: " + received);
        assertEquals(List.of("delta-1", "delta-2", "speech_started"), received);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
