package dev.parley.runtime.plugins;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ComponentKind;
import dev.parley.api.ConfigException;
import dev.parley.api.context.ComponentContext;
import dev.parley.api.context.CpuPriority;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads plugin zips built at test time through PF4J, exactly as the server loads build/plugins. */
class PluginZipLoadingTest {
    @TempDir
    Path dir;

    @Test
    void providersOfARealZipAreLoadedByAPf4jPluginClassLoader() throws Exception {
        FixturePlugins.voice().buildInto(dir);
        try (LoadedComponents loaded = ComponentLoader.load(dir)) {
            RegisteredProvider vad = loaded.registry().require(ComponentKind.VAD, "fixture-vad");
            assertInstanceOf(PluginClassLoader.class, vad.provider().getClass().getClassLoader(),
                    "the provider must come from the plugin's own classloader, not the test classpath");
            assertEquals(new ProviderOrigin("fixture-voice", "1.2.3", vad.origin().path()), vad.origin());
            assertEquals("fixture fixture-vad", vad.description());
            for (String id : new String[] {"fixture-stt", "fixture-llm", "fixture-tts"}) {
                assertTrue(loaded.registry().all().stream().anyMatch(p -> p.id().equals(id)), id);
            }

            VadEngine engine = (VadEngine) vad.provider().create(new ComponentConfig(Map.of("rate", 8000), "test"));
            assertEquals(8000, engine.sampleRate(), "config crosses the plugin boundary");

            PluginSummary summary = loaded.plugins().getFirst();
            assertEquals("fixture-voice", summary.id());
            assertTrue(summary.started());
        }
    }

    @Test
    void aPluginProviderReceivesTheRunsContextWhichClosesWithTheLoadedSet() throws Exception {
        FixturePlugin.named("fixture-context")
                .contextProvider("fixture.context", "ContextVad", VadProvider.class, "context-vad",
                        "return new Engine(context, context.cpu().submit(dev.parley.api.context.CpuPriority.URGENT,"
                                + " () -> { }));",
                        "  public static final class Engine implements dev.parley.api.vad.VadEngine {\n"
                                + "    public final dev.parley.api.context.ComponentContext context;\n"
                                + "    public final java.util.concurrent.Future<?> ranOnPool;\n"
                                + "    Engine(dev.parley.api.context.ComponentContext c,\n"
                                + "        java.util.concurrent.Future<?> f) {\n"
                                + "      context = c; ranOnPool = f;\n    }\n"
                                + "    public int sampleRate() { return 16000; }\n"
                                + "    public int frameSamples() { return 512; }\n"
                                + "    public dev.parley.api.vad.VadStream open() {\n"
                                + "      throw new UnsupportedOperationException();\n    }\n"
                                + "  }")
                .buildInto(dir);
        RuntimeComponentContext context;
        try (LoadedComponents loaded = ComponentLoader.load(dir)) {
            context = loaded.context();
            assertSame(context, loaded.registry().context());
            RegisteredProvider vad = loaded.registry().require(ComponentKind.VAD, "context-vad");
            Object engine = loaded.registry().create(vad, ComponentConfig.empty());
            assertSame(context, engine.getClass().getField("context").get(engine),
                    "the provider inside the plugin got the run's context");
            ((Future<?>) engine.getClass().getField("ranOnPool").get(engine)).get(5, TimeUnit.SECONDS);
            assertEquals(ComponentContext.defaultHome(), context.home());
        }
        assertThrows(RejectedExecutionException.class, () -> context.cpu().submit(CpuPriority.URGENT, () -> { }),
                "closing the loaded set shuts the context's pool down");
    }

    @Test
    void pf4jAnnotationProcessorWroteTheExtensionIndex() throws Exception {
        FixturePlugins.voice().buildInto(dir);
        try (LoadedComponents loaded = ComponentLoader.load(dir)) {
            Path jar = loaded.plugins().getFirst().path().resolve("lib/fixture-voice.jar");
            try (JarFile file = new JarFile(jar.toFile())) {
                String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes());
                assertTrue(index.contains("fixture.voice.FixtureVad"), index);
            }
        }
    }

    @Test
    void twoPluginsClaimingOneProviderIdFailNamingBoth() throws Exception {
        FixturePlugins.singleStt("first-plugin", "first", "shared-stt").buildInto(dir);
        FixturePlugins.singleStt("second-plugin", "second", "shared-stt").buildInto(dir);
        ConfigException e = assertThrows(ConfigException.class, () -> ComponentLoader.load(dir));
        assertTrue(e.getMessage().contains("two providers claim stt id 'shared-stt'"), e.getMessage());
        assertTrue(e.getMessage().contains("plugin first-plugin") && e.getMessage().contains("plugin second-plugin"),
                e.getMessage());
        assertTrue(e.getMessage().contains("first.Stt") && e.getMessage().contains("second.Stt"), e.getMessage());
    }

    @Test
    void samePluginIdInTwoFilesFailsNamingBothPaths() throws Exception {
        FixturePlugins.singleStt("twin", "a", "a-stt").version("1.0.0").buildInto(dir);
        FixturePlugins.singleStt("twin", "b", "b-stt").version("2.0.0").buildInto(dir);
        ConfigException e = assertThrows(ConfigException.class, () -> ComponentLoader.load(dir));
        assertTrue(e.getMessage().contains("plugin id 'twin' is claimed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("twin-1.0.0") && e.getMessage().contains("twin-2.0.0"), e.getMessage());
    }

    @Test
    void aMissingPluginsDirectorySaysHowToFixIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> ComponentLoader.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("plugins directory") && e.getMessage().contains("--plugins-dir"),
                e.getMessage());
    }

    @Test
    void aPluginThatFailsToStartIsReportedAndItsProvidersAreMissing() throws Exception {
        FixturePlugin.named("broken")
                .source("broken.BrokenPlugin", "package broken;\n"
                        + "public class BrokenPlugin extends org.pf4j.Plugin {\n"
                        + "  public void start() { throw new IllegalStateException(\"model file missing\"); }\n}\n")
                .pluginClass("broken.BrokenPlugin")
                .provider("broken", "Stt", dev.parley.api.stt.SttProvider.class, "broken-stt", "return null;")
                .buildInto(dir);
        try (LoadedComponents loaded = ComponentLoader.load(dir)) {
            PluginSummary summary = loaded.plugins().getFirst();
            assertEquals("FAILED", summary.state());
            assertNotNull(summary.failure());
            assertTrue(loaded.registry().find(ComponentKind.STT, "broken-stt").isEmpty());
            String available = loaded.registry().describeAvailable(ComponentKind.STT);
            assertTrue(available.contains("failed to start: broken"), available);
        }
    }

    @Test
    void sharedLoadingReturnsTheSameInstanceSoPluginsAreNeverLoadedTwice() throws Exception {
        FixturePlugins.voice().buildInto(dir);
        LoadedComponents first = ComponentLoader.shared(dir);
        LoadedComponents second = ComponentLoader.shared(dir.resolve(".").resolve("..").resolve(dir.getFileName()));
        assertTrue(first == second);
        first.close(); // a no-op for the shared set
        assertTrue(Files.isDirectory(dir.resolve("fixture-voice-1.2.3")));
        assertNotNull(second.registry().require(ComponentKind.VAD, "fixture-vad").provider().create(ComponentConfig.empty()));
    }
}
