package dev.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.VoiceSettings;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.RegisteredProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

/**
 * The {@code marytts} TTS provider loaded from build/plugins by the runtime's own loader speaks. MaryTTS is on no
 * classpath here, so it starts inside the plugin's PF4J classloader: that only works because the plugin points
 * the thread context classloader at itself while MaryTTS starts (and restores it, checked here).
 */
class MaryTtsThroughRuntimeIT {
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @Test
    void speaksFromThePluginZip() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("marytts.LocalMaryInterface"));
        RegisteredProvider p = loaded.registry().require(ComponentKind.TTS, "marytts");
        assertInstanceOf(PluginClassLoader.class, p.provider().getClass().getClassLoader());

        ClassLoader before = Thread.currentThread().getContextClassLoader();
        TtsEngine engine = (TtsEngine) p.provider().create(ComponentConfig.empty());
        assertSame(before, Thread.currentThread().getContextClassLoader(), "context classloader restored");
        assertEquals(48_000, engine.sampleRate());

        AtomicInteger samples = new AtomicInteger();
        AtomicInteger chunks = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.synthesize("**Hello** from the MaryTTS plugin.", new VoiceSettings("echo", 1.0, 0), new TtsListener() {
            @Override
            public void onAudio(AudioChunk chunk) {
                samples.addAndGet(chunk.samples().length);
                chunks.incrementAndGet();
            }

            @Override
            public void onDone() {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        done.get(60, TimeUnit.SECONDS);
        assertTrue(samples.get() > 48_000, "over a second of speech: " + samples.get());
        assertTrue(chunks.get() > 50, "streamed in 20 ms chunks: " + chunks.get());
        engine.close();
    }
}
