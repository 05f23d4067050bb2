package dev.parley.plugins.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.api.vad.VadStream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One session's Silero v5 state: the 2×1×128 recurrent state and the last 64 samples of the previous frame,
 * which v5 expects in front of each 512-sample frame (the model sees 576 samples per call). About 3.4 KB of
 * direct buffers; the model itself is shared through the {@link SileroVadEngine}. Fed from one thread.
 */
final class SileroVadStream implements VadStream {
    private static final int CONTEXT = 64;
    private static final int STATE = 2 * 128;
    private static final long[] INPUT_SHAPE = {1, CONTEXT + SileroVadEngine.FRAME_SAMPLES};
    private static final long[] STATE_SHAPE = {2, 1, 128};

    private final SileroVadEngine engine;
    // Direct buffers: onnxruntime reads them in place instead of copying Java arrays on every frame.
    private final FloatBuffer input = direct(CONTEXT + SileroVadEngine.FRAME_SAMPLES);
    private final FloatBuffer state = direct(STATE);
    private boolean closed;

    SileroVadStream(SileroVadEngine engine) {
        this.engine = engine;
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public float speechProbability(short[] frame) {
        if (closed) {
            throw new IllegalStateException("Silero VAD stream is closed");
        }
        if (frame.length != SileroVadEngine.FRAME_SAMPLES) {
            throw new IllegalArgumentException("Silero VAD expects frames of " + SileroVadEngine.FRAME_SAMPLES
                    + " samples at 16 kHz, got " + frame.length);
        }
        // input = [context (last 64 samples of the previous frame) | this frame], scaled to [-1, 1).
        for (int i = 0; i < frame.length; i++) {
            input.put(CONTEXT + i, frame[i] / 32768f);
        }
        try (OnnxTensor in = OnnxTensor.createTensor(engine.environment(), input.rewind(), INPUT_SHAPE);
             OnnxTensor st = OnnxTensor.createTensor(engine.environment(), state.rewind(), STATE_SHAPE);
             OrtSession.Result result = engine.run(in, st)) {
            float probability = ((OnnxTensor) result.get("output").orElseThrow()).getFloatBuffer().get(0);
            FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer();
            state.rewind();
            state.put(next);
            for (int i = 0; i < CONTEXT; i++) {
                input.put(i, input.get(SileroVadEngine.FRAME_SAMPLES + i));
            }
            return probability;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reset() {
        for (int i = 0; i < STATE; i++) {
            state.put(i, 0f);
        }
        for (int i = 0; i < CONTEXT; i++) {
            input.put(i, 0f);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
