package dev.parley.bench;

import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineFiles;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.server.RealtimeServer;
import dev.parley.runtime.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * A Realtime server started in this JVM the way {@code parley serve} starts one (same server, same engine
 * factory), on 127.0.0.1 with a free port, serving one assembled pipeline.
 */
final class BenchServer implements AutoCloseable {
    /** Environment hidden from the pipeline file: the bench always measures the offline responder. */
    private static final Set<String> HIDDEN_ENV = Set.of("PARLEY_LLM_BASE_URL", "OPENAI_API_KEY");

    private final RealtimeServer server;

    private BenchServer(RealtimeServer server) {
        this.server = server;
    }

    /** Loads and assembles pipeline {@code nameOrFile} (a name under pipelines/ or a YAML path). */
    static Pipeline assemble(String nameOrFile, ComponentRegistry registry) {
        PipelineParser parser = new PipelineParser(
                new EnvInterpolator(k -> HIDDEN_ENV.contains(k) ? null : System.getenv(k)));
        PipelineDefinition definition = PipelineFiles.load(nameOrFile, parser);
        return new PipelineAssembler(registry).assemble(definition);
    }

    /** The same engines run turn-based ({@code overlap: false}) or streaming. */
    static Pipeline withOverlap(Pipeline p, boolean overlap) {
        return new Pipeline(p.name(), p.variant(), p.sampleRate(), overlap, p.vad(), p.stt(), p.turn(), p.llm(),
                p.tts(), p.session(), p.vadTiming(), p.earlyFinal());
    }

    static BenchServer start(Pipeline pipeline) {
        return start(pipeline, dev.parley.runtime.realtime.SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES,
                dev.parley.runtime.realtime.SessionCaps.DEFAULT_MAX_ITEMS);
    }

    /** As {@link #start(Pipeline)}, with each session's conversation audio budget and item cap. */
    static BenchServer start(Pipeline pipeline, long conversationAudioBytes, int maxConversationItems) {
        ServerOptions options = new ServerOptions("127.0.0.1", 0, null, null, false, List.of(), null, null, null,
                conversationAudioBytes).withSessionCaps(
                        dev.parley.runtime.realtime.SessionCaps.defaults().withMaxItems(maxConversationItems));
        try {
            return new BenchServer(RealtimeServer.start(options, r -> pipeline, new DefaultSessionEngineFactory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start(Pipeline)}, with {@code taps} observing each session and {@code metrics} at /metrics. */
    static BenchServer start(Pipeline pipeline, dev.parley.runtime.metrics.ParleyMetrics metrics,
                             dev.parley.runtime.realtime.SessionTaps taps) {
        ServerOptions options = new ServerOptions("127.0.0.1", 0, null, null, false, List.of(), null, null, null,
                dev.parley.runtime.realtime.SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES);
        try {
            return new BenchServer(RealtimeServer.start(options, r -> pipeline, new DefaultSessionEngineFactory(),
                    dev.parley.runtime.realtime.SessionObserver.NONE, metrics,
                    dev.parley.runtime.server.ServerInfo.minimal(), taps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #start(Pipeline)}, answering WebRTC calls ({@code POST /v1/realtime/calls}) with candidates on
     * 127.0.0.1 only (libwebrtc still opens its UDP sockets on every interface: docs/webrtc.md).
     */
    static BenchServer startWithWebRtc(Pipeline pipeline) {
        ServerOptions options = new ServerOptions("127.0.0.1", 0, null, null, false, List.of(), null, null, null,
                dev.parley.runtime.realtime.SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES);
        try {
            return new BenchServer(RealtimeServer.start(options, r -> pipeline, new DefaultSessionEngineFactory(),
                    dev.parley.runtime.realtime.SessionObserver.NONE, new dev.parley.runtime.metrics.ParleyMetrics(),
                    dev.parley.runtime.server.ServerInfo.minimal(),
                    dev.parley.runtime.webrtc.WebRtcOptions.defaults().withIceAddresses(List.of("127.0.0.1"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    /** For another transport on the same server (the gRPC row). */
    dev.parley.runtime.server.TransportAccess transports() {
        return server.transports();
    }

    int liveSessions() {
        return server.liveSessions();
    }

    String url() {
        return server.url() + "?model=gpt-realtime";
    }

    @Override
    public void close() {
        server.close();
    }
}
