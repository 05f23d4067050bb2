package dev.parley.plugins.whisper;

import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperJNI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded whisper.cpp model shared by the pipeline's sessions; each stream gets its own decoding state, so
 * sessions decode concurrently over one copy of the weights.
 */
public final class WhisperEngine implements SttEngine {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperEngine.class);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final WhisperJNI jni;
    private final WhisperContext context;
    private final WhisperConfig config;
    private final CpuExecutor cpu;
    private final Set<WhisperStream> open = ConcurrentHashMap.newKeySet();

    WhisperEngine(WhisperJNI jni, WhisperContext context, WhisperConfig config, CpuExecutor cpu) {
        this.jni = jni;
        this.cpu = cpu;
        this.context = context;
        this.config = config;
    }

    @Override
    public int sampleRate() {
        return WhisperConfig.SAMPLE_RATE;
    }

    @Override
    public SttStream open(SttListener listener) {
        WhisperStream[] self = new WhisperStream[1];
        self[0] = new WhisperStream(new WhisperDecoder(jni, context, config), config, listener, cpu,
                "whisper-" + THREAD_IDS.incrementAndGet(), () -> open.remove(self[0]));
        open.add(self[0]);
        return self[0];
    }

    /** Cancels every stream, waits for in-flight decodes (they cannot be aborted), then frees the model. */
    @Override
    public void close() {
        Set<WhisperStream> streams = Set.copyOf(open);
        streams.forEach(SttStream::cancel);
        try {
            for (WhisperStream s : streams) {
                if (!s.awaitStopped(30_000)) {
                    LOG.warn("a whisper decode is still running after 30 s; leaving the model in memory");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        WhisperNative.HANDLES.writeLock().lock();
        try {
            jni.free(context);
        } finally {
            WhisperNative.HANDLES.writeLock().unlock();
        }
    }
}
