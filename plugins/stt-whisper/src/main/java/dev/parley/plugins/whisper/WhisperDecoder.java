package dev.parley.plugins.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;

/**
 * One session's whisper.cpp decoding state over the shared model context. Not thread-safe: used by one stream
 * worker. Input: 16 kHz mono float samples in [-1, 1]; output: the transcript without whisper's bracketed
 * non-speech markers such as {@code [BLANK_AUDIO]}.
 */
final class WhisperDecoder implements AutoCloseable {
    /** whisper.cpp returns nothing for less than one second of audio, so shorter input is padded with silence. */
    static final int MIN_SAMPLES = WhisperConfig.SAMPLE_RATE * 105 / 100;

    private final WhisperJNI jni;
    private final WhisperContext context;
    private final WhisperConfig config;
    private WhisperState state;

    WhisperDecoder(WhisperJNI jni, WhisperContext context, WhisperConfig config) {
        this.jni = jni;
        this.context = context;
        this.config = config;
    }

    /** Decodes {@code samples[0..count)} from scratch. */
    String transcribe(float[] samples, int count) {
        if (state == null) {
            WhisperNative.HANDLES.writeLock().lock();
            try {
                state = jni.initState(context);
            } finally {
                WhisperNative.HANDLES.writeLock().unlock();
            }
            if (state == null) {
                throw new IllegalStateException("whisper could not allocate a decoding state (out of memory?)");
            }
        }
        float[] input = samples;
        int n = count;
        if (n < MIN_SAMPLES) {
            input = java.util.Arrays.copyOf(samples, MIN_SAMPLES);
            n = MIN_SAMPLES;
        }
        StringBuilder text = new StringBuilder();
        WhisperNative.HANDLES.readLock().lock();
        try {
            int rc = jni.fullWithState(context, state, params(), input, n);
            if (rc != 0) {
                throw new IllegalStateException("whisper decode failed (" + rc + ")");
            }
            int segments = jni.fullNSegmentsFromState(state);
            for (int i = 0; i < segments; i++) {
                text.append(jni.fullGetSegmentTextFromState(state, i));
            }
        } finally {
            WhisperNative.HANDLES.readLock().unlock();
        }
        return clean(text.toString());
    }

    static String clean(String raw) {
        return raw.replaceAll("\\[[^\\]]*\\]", " ").replaceAll("\\s+", " ").strip();
    }

    private WhisperFullParams params() {
        WhisperFullParams p = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        p.language = config.language();
        p.nThreads = config.threads();
        p.noContext = true;
        p.noTimestamps = true;
        p.printProgress = false;
        p.printRealtime = false;
        p.printSpecial = false;
        p.printTimestamps = false;
        p.suppressBlank = true;
        p.suppressNonSpeechTokens = true;
        return p;
    }

    @Override
    public void close() {
        if (state != null) {
            WhisperNative.HANDLES.writeLock().lock();
            try {
                jni.free(state);
            } finally {
                WhisperNative.HANDLES.writeLock().unlock();
            }
            state = null;
        }
    }
}
