package dev.parley.plugins.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.api.ConfigException;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.LongBuffer;
import java.util.Map;

/**
 * One loaded Silero v5 model shared by all sessions of a pipeline. {@link OrtSession#run} is thread-safe and
 * the model's recurrent state is an explicit input, so streams share the session and each keeps only its own
 * state and audio context ({@link SileroVadStream}).
 */
public final class SileroVadEngine implements VadEngine {
    static final int SAMPLE_RATE = 16_000;
    static final int FRAME_SAMPLES = 512;
    private static final Logger LOG = LoggerFactory.getLogger(SileroVadEngine.class);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxTensor sampleRateTensor;

    public SileroVadEngine(SileroVadConfig config) {
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.intraOpThreads());
            options.setInterOpNumThreads(1);
            this.session = env.createSession(config.modelPath().toString(), options);
            checkSignature(config);
            this.sampleRateTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {SAMPLE_RATE}),
                    new long[0]);
        } catch (OrtException e) {
            throw new ConfigException("cannot load Silero VAD model " + config.modelPath() + ": " + e.getMessage()
                    + ". Delete it and run ./parley test to fetch a fresh copy.", e);
        }
        LOG.info("Silero VAD loaded from {}", config.modelPath());
    }

    private void checkSignature(SileroVadConfig config) throws OrtException {
        var inputs = session.getInputNames();
        if (!inputs.containsAll(java.util.List.of("input", "state", "sr"))
                || !session.getOutputNames().containsAll(java.util.List.of("output", "stateN"))) {
            session.close();
            throw new ConfigException(config.modelPath() + " is not a Silero VAD v5 model (inputs " + inputs
                    + "); expected silero_vad_v5.onnx from @ricky0123/vad-web 0.0.31");
        }
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int frameSamples() {
        return FRAME_SAMPLES;
    }

    @Override
    public VadStream open() {
        return new SileroVadStream(this);
    }

    /** Runs the model; thread-safe. The caller closes the result. */
    OrtSession.Result run(OnnxTensor input, OnnxTensor state) throws OrtException {
        return session.run(Map.of("input", input, "state", state, "sr", sampleRateTensor));
    }

    OrtEnvironment environment() {
        return env;
    }

    @Override
    public void close() {
        try {
            sampleRateTensor.close();
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing the Silero session failed: {}", e.getMessage());
        }
    }
}
