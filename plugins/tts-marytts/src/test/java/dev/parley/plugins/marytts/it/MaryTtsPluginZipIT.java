package dev.parley.plugins.marytts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.tts.VoiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Loads the built {@code tts-marytts} zip with PF4J's {@link DefaultPluginManager}, as the runtime does, and
 * speaks through it. MaryTTS is not on this test's classpath, so everything runs inside a real
 * {@link PluginClassLoader}: that MaryTTS starts at all proves the context-classloader fix in MaryRuntime, and
 * a bare start without the fix is shown to fail.
 */
class MaryTtsPluginZipIT {
    private PluginManager manager;

    @AfterEach
    void stop() {
        if (manager != null) {
            manager.unloadPlugins(); // stops them first
        }
    }

    @Test
    void speaksThroughTheZipInsideAPluginClassLoader(@TempDir Path plugins) throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("marytts.LocalMaryInterface"),
                "MaryTTS must not be on the test classpath, or this test proves nothing");
        manager = startPlugin(plugins);
        List<TtsProvider> providers = manager.getExtensions(TtsProvider.class);
        TtsProvider provider = providers.stream().filter(p -> p.id().equals("marytts")).findFirst()
                .orElseThrow(() -> new AssertionError("no marytts provider among " + providers));
        assertInstanceOf(PluginClassLoader.class, provider.getClass().getClassLoader());

        ClassLoader before = Thread.currentThread().getContextClassLoader();
        TtsEngine engine = provider.create(ComponentConfig.empty());
        assertSame(before, Thread.currentThread().getContextClassLoader(), "context classloader restored");
        assertEquals(48_000, engine.sampleRate());
        assertTrue(engine.voices().containsAll(List.of("cmu-slt-hsmm", "alloy", "echo")), engine.voices().toString());

        AtomicInteger samples = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        engine.synthesize("Hello from inside the plugin.", new VoiceSettings("alloy", 1, 0), new TtsListener() {
            @Override
            public void onAudio(AudioChunk chunk) {
                samples.addAndGet(chunk.samples().length);
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
        assertTrue(samples.get() > 48_000, "over a second of speech: " + samples.get() + " samples");
        engine.close();
    }

    @Test
    void withoutTheContextClassLoaderFixMaryTtsCannotStartInAPlugin(@TempDir Path plugins) throws Exception {
        manager = startPlugin(plugins); // a fresh PluginClassLoader, so MaryTTS' statics are fresh too
        ClassLoader pluginLoader = manager.getPluginClassLoader("tts-marytts");
        Class<?> mary = pluginLoader.loadClass("marytts.LocalMaryInterface");
        Thread t = Thread.currentThread();
        assertTrue(t.getContextClassLoader() == null || t.getContextClassLoader() != pluginLoader);
        Throwable failure = assertThrows(Throwable.class, () -> mary.getConstructor().newInstance());
        System.out.println("bare MaryTTS start inside the plugin failed as expected: " + rootCause(failure));
    }

    private static PluginManager startPlugin(Path root) throws Exception {
        Path zip = Path.of(System.getProperty("parley.plugin.zip", "missing"));
        assertTrue(Files.isRegularFile(zip), zip + " missing: build it with mvn -pl plugins/tts-marytts -am verify");
        Files.copy(zip, root.resolve(zip.getFileName()));
        PluginManager m = new DefaultPluginManager(root);
        m.loadPlugins();
        m.startPlugins();
        assertEquals(PluginState.STARTED, m.getPlugin("tts-marytts").getPluginState());
        assertNull(m.getPlugin("tts-marytts").getFailedException());
        return m;
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getName() + ": " + c.getMessage();
    }
}
