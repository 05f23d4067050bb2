package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.vad.testing.VadAudio;
import dev.parley.runtime.vad.testing.VadScenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built PF4J zip, loaded the way the runtime loads it: PF4J finds the {@code silero} extension, onnxruntime
 * and its native library come from the plugin's own lib/ (this JVM's classpath holds neither the plugin's
 * classes nor onnxruntime — see the failsafe configuration), and the real model scores real speech.
 * Runs after {@code package} (failsafe), on {@code build/plugins/vad-silero-*.zip}.
 */
class SileroPluginZipIT {
    @Test
    void zipLoadsThroughPf4jAndDetectsSpeech(@TempDir Path pluginsDir) throws Exception {
        Path built;
        try (var zips = Files.list(VadAudio.repoRoot().resolve("build/plugins"))) {
            built = zips.filter(p -> p.getFileName().toString().matches("vad-silero-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no vad-silero zip in build/plugins: run mvn verify"));
        }
        Files.copy(built, pluginsDir.resolve(built.getFileName()));
        PluginManager pf4j = new DefaultPluginManager(pluginsDir);
        pf4j.loadPlugins();
        pf4j.startPlugins();
        try {
            List<VadProvider> providers = pf4j.getExtensions(VadProvider.class);
            VadProvider silero = providers.stream().filter(p -> p.id().equals("silero")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'silero' VadProvider among " + providers));
            assertNotSame(getClass().getClassLoader(), silero.getClass().getClassLoader(),
                    "the provider must come from the plugin's classloader");
            short[] pcm = VadScenes.speechInQuiet().pcm();
            try (VadEngine engine = silero.create(ComponentConfig.empty()); VadStream stream = engine.open()) {
                assertEquals(512, engine.frameSamples());
                float max = 0;
                short[] frame = new short[512];
                for (int f = 0; f + 512 <= pcm.length; f += 512) {
                    System.arraycopy(pcm, f, frame, 0, 512);
                    max = Math.max(max, stream.speechProbability(frame));
                }
                assertTrue(max > 0.9f, "speech should score > 0.9 through the plugin, got " + max);
            }
        } finally {
            pf4j.unloadPlugins(); // stops each plugin first (PF4J 3.15's stopPlugins() trips over its own list)
        }
    }
}
