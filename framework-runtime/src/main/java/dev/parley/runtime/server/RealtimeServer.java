package dev.parley.runtime.server;

import dev.parley.runtime.engine.SessionEngineFactory;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.realtime.SessionTaps;
import dev.parley.runtime.realtime.PipelineSelector;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.recording.Recordings;
import dev.parley.runtime.webrtc.WebRtcMedia;
import dev.parley.runtime.webrtc.WebRtcOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-Realtime-compatible server: WebSocket {@code /v1/realtime} plus the key-minting REST endpoints.
 * Netty's event loops do I/O only; each session runs on its own actor over virtual threads.
 *
 * <pre>{@code
 * try (RealtimeServer s = RealtimeServer.start(options, selector, engines)) {
 *     System.out.println(s.listeningLine());   // Parley listening on ws://127.0.0.1:8080/v1/realtime
 * }
 * }</pre>
 */
public final class RealtimeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RealtimeServer.class);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService carrier;
    private final ScheduledExecutorService timers;
    private final Channel listener;
    private final ServerOptions options;
    private final TlsContextFactory.Tls tls;
    private final ServerContext ctx;

    private RealtimeServer(EventLoopGroup boss, EventLoopGroup workers, ExecutorService carrier,
                           ScheduledExecutorService timers, Channel listener, ServerOptions options,
                           TlsContextFactory.Tls tls, ServerContext ctx) {
        this.ctx = ctx;
        this.boss = boss;
        this.workers = workers;
        this.carrier = carrier;
        this.timers = timers;
        this.listener = listener;
        this.options = options;
        this.tls = tls;
    }

    /**
     * Binds and starts serving; returns once listening.
     *
     * @throws IOException when the port cannot be bound or the TLS files are unusable (message says which)
     */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines)
            throws IOException {
        return start(options, selector, engines,
                selector instanceof SessionObserver o ? o : SessionObserver.NONE);
    }

    /**
     * As {@link #start(ServerOptions, PipelineSelector, SessionEngineFactory)}, with an observer of every session's
     * turns, barge-ins and failures (experiment metrics per variant).
     */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer) throws IOException {
        return start(options, selector, engines, observer, new ParleyMetrics(), ServerInfo.minimal());
    }

    /**
     * As above, with the server's metrics ({@code GET /metrics}; the server owns and closes them) and what the
     * status endpoint describes.
     */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer, ParleyMetrics metrics, ServerInfo info)
            throws IOException {
        return start(options, selector, engines, observer, metrics, info, metrics, Recordings.OFF, WebRtcOptions.defaults());
    }

    /** As above, recording sessions with {@code recordings} (the caller closes it after the server). */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer, ParleyMetrics metrics, ServerInfo info,
                                       Recordings recordings) throws IOException {
        return start(options, selector, engines, observer, metrics, info, metrics, recordings, WebRtcOptions.defaults());
    }

    /** As below, with how WebRTC calls ({@code POST /v1/realtime/calls}) reach the network. */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer, ParleyMetrics metrics, ServerInfo info,
                                       WebRtcOptions webRtc) throws IOException {
        return start(options, selector, engines, observer, metrics, info, metrics, Recordings.OFF, webRtc);
    }

    /** As below, recording nothing. */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer, ParleyMetrics metrics, ServerInfo info,
                                       SessionTaps taps) throws IOException {
        return start(options, selector, engines, observer, metrics, info, taps, Recordings.OFF, WebRtcOptions.defaults());
    }

    /**
     * As above, with what observes each session's events: {@code SessionTaps.all(metrics, traces)} for metrics
     * and traces, {@code metrics} alone for metrics only, {@link SessionTaps#NONE} for no telemetry observer at all
     * (the overhead benchmark's baseline; {@code /metrics} then shows the JVM only), and {@code recordings} for
     * session recording (or {@link Recordings#OFF}). The caller owns and closes every tap factory but
     * {@code metrics}, and {@code recordings} after the server; {@code webRtc}: how WebRTC calls
     * ({@code POST /v1/realtime/calls}) reach the network.
     */
    public static RealtimeServer start(ServerOptions options, PipelineSelector selector, SessionEngineFactory engines,
                                       SessionObserver observer, ParleyMetrics metrics, ServerInfo info,
                                       SessionTaps taps, Recordings recordings, WebRtcOptions webRtc)
            throws IOException {
        TlsContextFactory.Tls tls = null;
        if (options.tls()) {
            try {
                tls = TlsContextFactory.create(options);
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
            }
        }
        ApiKeyStore keys = new ApiKeyStore(options.apiKeys(), Clock.systemUTC(), options.keyPolicy());
        if (keys.open()) {
            log.warn("No API keys configured (--api-key or {}): the server accepts every client. Configure keys "
                    + "before exposing it beyond this machine.", ServerOptions.API_KEYS_ENV);
        }
        ExecutorService carrier = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-session-timers");
            t.setDaemon(true);
            return t;
        });
        ServerCounters counters = new ServerCounters();
        metrics.bindRefusals(counters.byReason());
        Admission admission = new Admission(options.limits(), counters);
        SampledLog failedLogins = new SampledLog(log, "Refused login", 100);
        SampledLog throttled = new SampledLog(log, "Throttled address (HTTP 429)", 100);
        ServerContext ctx = new ServerContext(options, selector, engines, keys,
                new SessionSetupFactory(Clock.systemUTC()), carrier, timers, observer, counters, admission,
                new AddressThrottle(options.limits(), System::nanoTime), failedLogins, throttled,
                new Drain(admission, options.limits().drainTimeout(), timers), metrics, info,
                taps == null ? SessionTaps.NONE : taps, recordings,
                new WebRtcCalls(new WebRtcMedia(webRtc)));
        timers.scheduleAtFixedRate(() -> {
            failedLogins.summarize();
            throttled.summarize();
        }, 60, 60, TimeUnit.SECONDS);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_SNDBUF, ServerLimits.SEND_BUFFER)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                            ServerLimits.WRITE_LOW_WATER, ServerLimits.WRITE_HIGH_WATER))
                    .childHandler(new RealtimeChannelInitializer(ctx, tls == null ? null : tls.context()))
                    .bind(options.host(), options.port()).sync().channel();
            RealtimeServer server = new RealtimeServer(boss, workers, carrier, timers, ch, options, tls, ctx);
            // the CLI prints listeningLine() itself: logging it too would show the line twice
            log.debug("Realtime server bound to {}", server.url());
            return server;
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            carrier.shutdownNow();
            timers.shutdownNow();
            metrics.close();
            throw new IOException("Cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                    + " (is another server using the port? choose one with --port)", e);
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** {@code ws://HOST:PORT/v1/realtime}, or {@code wss://…} under TLS. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return (options.tls() ? "wss://" : "ws://") + host + ":" + port() + RealtimeHandshakeHandler.PATH;
    }

    /** The one line to print when ready: {@code Parley listening on ws://HOST:PORT/v1/realtime}. */
    public String listeningLine() {
        return "Parley listening on " + url();
    }

    /** The PEM of the certificate served under TLS (the generated one with --tls-self-signed). */
    public Optional<Path> certificatePem() {
        return tls == null ? Optional.empty() : Optional.ofNullable(tls.certificatePem());
    }

    /**
     * Starts a graceful drain (see {@link Drain}); the future completes when the last session has gone. The
     * listener stays open meanwhile so probes and late clients get clear answers.
     */
    public CompletableFuture<Void> drain(String why) {
        ctx.drain().start(why);
        return ctx.drain().finished();
    }

    /** Completes when a drain, however started, has seen the last session go. */
    public CompletableFuture<Void> drained() {
        return ctx.drain().finished();
    }

    public ServerState state() {
        return ctx.admission().state();
    }

    public int liveSessions() {
        return ctx.admission().liveSessions();
    }

    /** Refusals and cut connections since start. */
    public ServerCounters counters() {
        return ctx.counters();
    }

    /** What another transport (gRPC) uses to run its sessions as this server's sessions. */
    public TransportAccess transports() {
        return new TransportAccess(ctx, tls == null ? null : tls.keys());
    }

    /** WebRTC calls answered and not yet over. */
    public int liveCalls() {
        return ctx.calls().size();
    }

    /** The metrics served at {@code /metrics}. */
    public ParleyMetrics metrics() {
        return ctx.metrics();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        // calls first, while the session actors' carrier and the event loops still run: each call's going-away
        // error and the response.done of a cancelled answer cross oai-events before its peer connection closes
        // (closed after the carrier, the session's close was refused and the client saw the call just drop)
        ctx.calls().close();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        timers.shutdownNow();
        carrier.shutdown();
        ctx.metrics().close();
    }
}
