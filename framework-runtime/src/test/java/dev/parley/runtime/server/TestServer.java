package dev.parley.runtime.server;

import dev.parley.api.ComponentConfig;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.realtime.PipelineSelector;
import dev.parley.runtime.realtime.SessionObserver;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts a real server on 127.0.0.1 with a free port and the scripted engine. */
final class TestServer implements AutoCloseable {
    final ScriptedEngineFactory engines = new ScriptedEngineFactory();
    final RealtimeServer server;

    static final Pipeline PIPELINE = new Pipeline("test", "A", 16000, true, null, null, null, null, null,
            new ComponentConfig(Map.of("instructions", "Be brief."), "test pipeline"));

    TestServer(ServerOptions options) throws Exception {
        server = RealtimeServer.start(options, r -> PIPELINE, engines);
    }

    TestServer(ServerOptions options, PipelineSelector selector, SessionObserver observer) throws Exception {
        server = RealtimeServer.start(options, selector, engines, observer);
    }

    TestServer(ServerOptions options, dev.parley.runtime.webrtc.WebRtcOptions webRtc) throws Exception {
        server = RealtimeServer.start(options, r -> PIPELINE, engines, SessionObserver.NONE,
                new dev.parley.runtime.metrics.ParleyMetrics(), ServerInfo.minimal(), webRtc);
    }

    TestServer() throws Exception {
        this(options(List.of()));
    }

    static ServerOptions options(List<String> keys) {
        return new ServerOptions("127.0.0.1", 0, null, null, false, keys, null, null, Duration.ofSeconds(2),
                dev.parley.runtime.realtime.SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES);
    }

    String url() {
        return server.url() + "?model=gpt-realtime";
    }

    @Override
    public void close() {
        server.close();
    }
}
