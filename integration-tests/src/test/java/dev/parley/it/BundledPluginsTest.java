package dev.parley.it;

import dev.parley.runtime.cli.ParleyCli;
import dev.parley.runtime.plugins.ComponentLoader;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.plugins.PluginSummary;
import dev.parley.runtime.plugins.RegisteredProvider;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the real zips the build wrote to build/plugins through PF4J, as {@code parley serve} does, and checks that
 * every plugin module loads and that every {@code @Extension} it declares is a listed provider. Nothing here names
 * a provider: as the plugins gain providers, this test covers them.
 */
class BundledPluginsTest {
    private final LoadedComponents loaded = ComponentLoader.shared(RepoPaths.plugins());

    @Test
    void everyPluginModuleLoadsAndStarts() throws IOException {
        Set<String> modules = pluginModules();
        Set<String> loadedIds = loaded.plugins().stream().map(PluginSummary::id).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(loadedIds.containsAll(modules), "plugin modules " + modules + " but loaded " + loadedIds);
        for (PluginSummary plugin : loaded.plugins()) {
            assertTrue(plugin.started(), plugin.id() + " is " + plugin.state() + ": " + plugin.failure());
        }
    }

    @Test
    void everyDeclaredExtensionIsAProviderFromItsPluginsClassLoader() throws IOException {
        List<String> table = new ArrayList<>();
        for (PluginSummary plugin : loaded.plugins()) {
            Set<String> declared = declaredExtensions(plugin.path());
            Set<String> registered = loaded.registry().all().stream()
                    .filter(p -> p.origin().pluginId().equals(plugin.id()))
                    .map(p -> p.provider().getClass().getName())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(declared, registered, plugin.id() + ": every @Extension in its extensions.idx is a provider");
            table.add(plugin.id() + " " + plugin.version() + ": " + (registered.isEmpty() ? "(no providers yet)" : registered));
        }
        for (RegisteredProvider p : loaded.registry().all()) {
            if (!p.origin().isBuiltIn()) {
                assertInstanceOf(PluginClassLoader.class, p.provider().getClass().getClassLoader(), p.id());
                String version = loaded.plugins().stream().filter(s -> s.id().equals(p.origin().pluginId()))
                        .findFirst().orElseThrow().version();
                assertEquals(version, p.origin().version());
            }
        }
        System.out.println("Bundled plugins:\n  " + String.join("\n  ", table));
    }

    @Test
    void parleyPluginsListsEveryPluginAndProvider() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCli.run(new PrintWriter(out), new PrintWriter(err), "plugins", "--plugins-dir",
                RepoPaths.plugins().toString());
        assertEquals(0, code, err.toString());
        for (PluginSummary plugin : loaded.plugins()) {
            assertTrue(out.toString().contains(plugin.id()), plugin.id() + " missing from\n" + out);
        }
        for (RegisteredProvider p : loaded.registry().all()) {
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith(p.kind().yamlKey()) && l.contains(" " + p.id() + " ")),
                    p.kind().yamlKey() + " " + p.id() + " missing from\n" + out);
        }
    }

    /** Plugin module ids: the directories under plugins/ holding a plugin.properties (dir name = plugin.id). */
    private static Set<String> pluginModules() throws IOException {
        try (Stream<Path> dirs = Files.list(RepoPaths.root().resolve("plugins"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("plugin.properties")))
                    .map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The class names in the extensions.idx files of a loaded (expanded) plugin's jars. */
    private static Set<String> declaredExtensions(Path pluginDir) throws IOException {
        Set<String> names = new TreeSet<>();
        Path lib = pluginDir.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return names;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var entry = file.getEntry("META-INF/extensions.idx");
                    if (entry != null) {
                        new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).lines()
                                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
                    }
                }
            }
        }
        return names;
    }
}
