package dev.parley.plugins.vosk;

import dev.parley.api.context.CpuExecutor;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttStream;
import org.vosk.Model;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A loaded Vosk model (shared, thread-safe in Vosk) and the per-session streams opened on it. */
public final class VoskEngine implements SttEngine {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final Model model;
    private final VoskConfig config;
    private final CpuExecutor cpu;
    private final Set<SttStream> open = ConcurrentHashMap.newKeySet();

    VoskEngine(Model model, VoskConfig config, CpuExecutor cpu) {
        this.model = model;
        this.cpu = cpu;
        this.config = config;
    }

    @Override
    public int sampleRate() {
        return config.sampleRate();
    }

    @Override
    public SttStream open(SttListener listener) {
        SttStream[] self = new SttStream[1];
        self[0] = new VoskStream(model, config, listener, cpu, "vosk-" + THREAD_IDS.incrementAndGet(),
                () -> open.remove(self[0]));
        open.add(self[0]);
        return self[0];
    }

    @Override
    public void close() {
        open.forEach(SttStream::cancel);
        // Recognisers keep their own reference to the model's native data, so freeing it now is safe.
        model.close();
    }
}
