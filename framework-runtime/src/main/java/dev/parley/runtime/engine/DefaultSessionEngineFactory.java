package dev.parley.runtime.engine;

import dev.parley.runtime.input.SttLink;
import dev.parley.runtime.input.VadInputPipeline;
import dev.parley.runtime.engine.response.DefaultResponseGenerator;
import dev.parley.runtime.engine.response.ResponseSettings;
import dev.parley.runtime.pipeline.Pipeline;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The real session engine: {@link VadInputPipeline} for input, {@link DefaultResponseGenerator} for responses,
 * both reporting on the session's actor. One factory serves every session of a server; it owns one small
 * scheduler thread for TTS silence and STT final-transcript timeouts.
 */
public final class DefaultSessionEngineFactory implements SessionEngineFactory {
    private static final InputSettings INITIAL =
            new InputSettings(WireFormat.PCM16_24K, TurnDetection.DEFAULT, null);

    /** A recogniser that has not answered an ended utterance after this long is considered broken. */
    static final long STT_FINAL_TIMEOUT_MS = 15_000;

    private final ResponseSettings responseSettings;
    private final ScheduledExecutorService scheduler;

    public DefaultSessionEngineFactory() {
        this(ResponseSettings.DEFAULTS);
    }

    /** @param responseSettings TTS timeout and audio delta sizes for every session */
    public DefaultSessionEngineFactory(ResponseSettings responseSettings) {
        this.responseSettings = responseSettings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-engine-timers");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public SessionEngine open(Pipeline pipeline, SessionActor actor, InputListener input) {
        return open(pipeline, actor, input, OutputReadiness.ALWAYS);
    }

    @Override
    public SessionEngine open(Pipeline pipeline, SessionActor actor, InputListener input, OutputReadiness output) {
        SttLink stt = SttLink.open(pipeline.stt(), pipeline.sampleRate(), actor, input, scheduler,
                STT_FINAL_TIMEOUT_MS, pipeline.narrowband());
        InputPipeline in = new VadInputPipeline(pipeline.sampleRate(), pipeline.vad(), pipeline.denoise(),
                pipeline.vadTiming(), pipeline.earlyFinal(), pipeline.turn(), stt, actor, input, INITIAL);
        DefaultResponseGenerator out = new DefaultResponseGenerator(actor, pipeline.llm(), pipeline.tts(),
                pipeline.overlap(), pipeline.llmWaits().over(responseSettings), scheduler, output);
        return new SessionEngine() {
            @Override
            public InputPipeline input() {
                return in;
            }

            @Override
            public ResponseGenerator responses() {
                return out;
            }

            @Override
            public void close() {
                out.cancelAll();
                in.close();
            }
        };
    }
}
