package dev.parley.runtime.plugins;

import dev.parley.api.ComponentKind;
import dev.parley.api.stt.SttProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Built-ins come from META-INF/services through ServiceLoader; here a throw-away services file proves it. */
class BuiltInProvidersTest {
    @TempDir
    Path dir;

    @Test
    void serviceLoaderEntriesBecomeBuiltInProviders() throws Exception {
        try (URLClassLoader loader = withServicesFile(TestProviders.NamedStt.class.getName())) {
            ComponentRegistry.Builder builder = ComponentRegistry.builder();
            BuiltInProviders.addTo(builder, loader);
            RegisteredProvider p = builder.build().require(ComponentKind.STT, "serviceloaded-stt");
            assertTrue(p.origin().isBuiltIn());
            assertEquals(ProviderOrigin.BUILT_IN, p.origin().pluginId());
        }
    }

    @Test
    void aBrokenServicesEntryIsAClearConfigError() throws Exception {
        try (URLClassLoader loader = withServicesFile("no.such.Provider")) {
            var e = assertThrows(dev.parley.api.ConfigException.class,
                    () -> BuiltInProviders.addTo(ComponentRegistry.builder(), loader));
            assertTrue(e.getMessage().contains("META-INF/services/" + SttProvider.class.getName()), e.getMessage());
        }
    }

    private URLClassLoader withServicesFile(String className) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(SttProvider.class.getName()), className + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }
}
