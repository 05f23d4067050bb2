package dev.parley.runtime.plugins;

import dev.parley.api.ComponentProvider;
import org.pf4j.Extension;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin zip at test time: compiles Java sources with javax.tools (running pf4j's own
 * annotation processor, which writes META-INF/extensions.idx), jars the classes and zips the jar with
 * plugin.properties in the layout the bundled plugins use ({@code plugin.properties}, {@code lib/*.jar}).
 */
public final class FixturePlugin {
    private final String id;
    private String version = "1.0.0";
    private String pluginClass;
    private final Map<String, String> sources = new LinkedHashMap<>();

    private FixturePlugin(String id) {
        this.id = id;
    }

    public static FixturePlugin named(String id) {
        return new FixturePlugin(id);
    }

    public FixturePlugin version(String v) {
        this.version = v;
        return this;
    }

    /** Adds a class; {@code fqcn} like {@code fixture.MyProvider}. */
    public FixturePlugin source(String fqcn, String code) {
        sources.put(fqcn, code);
        return this;
    }

    /** The plugin's {@code org.pf4j.Plugin} subclass (one of the sources). */
    public FixturePlugin pluginClass(String fqcn) {
        this.pluginClass = fqcn;
        return this;
    }

    /** A provider source: {@code @Extension public class NAME implements TYPE} with the given id and body. */
    public FixturePlugin provider(String pkg, String name, Class<? extends ComponentProvider<?>> type, String id,
                                  String createBody) {
        String code = "package " + pkg + ";\n"
                + "@org.pf4j.Extension\n"
                + "public class " + name + " implements " + type.getName() + " {\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String description() { return \"fixture " + id + "\"; }\n"
                + "  public " + engineType(type) + " create(dev.parley.api.ComponentConfig config) {\n"
                + "    " + createBody + "\n  }\n}\n";
        return source(pkg + "." + name, code);
    }

    /**
     * A provider that overrides {@code create(config, context)} with {@code createBody} (it sees {@code config} and
     * {@code context}) and has {@code members}; its {@code create(config)} fails, so only the runtime's call works.
     */
    public FixturePlugin contextProvider(String pkg, String name, Class<? extends ComponentProvider<?>> type,
                                         String id, String createBody, String members) {
        String code = "package " + pkg + ";\n"
                + "@org.pf4j.Extension\n"
                + "public class " + name + " implements " + type.getName() + " {\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public " + engineType(type) + " create(dev.parley.api.ComponentConfig config,\n"
                + "      dev.parley.api.context.ComponentContext context) {\n"
                + "    " + createBody + "\n  }\n"
                + "  public " + engineType(type) + " create(dev.parley.api.ComponentConfig config) {\n"
                + "    throw new IllegalStateException(\"fixture: needs the runtime's context\");\n  }\n"
                + members + "\n}\n";
        return source(pkg + "." + name, code);
    }

    private static String engineType(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "VadProvider" -> "dev.parley.api.vad.VadEngine";
            case "SttProvider" -> "dev.parley.api.stt.SttEngine";
            case "TurnDetectorProvider" -> "dev.parley.api.turn.TurnDetector";
            case "LlmProvider" -> "dev.parley.api.llm.LlmEngine";
            case "TtsProvider" -> "dev.parley.api.tts.TtsEngine";
            case "RouterProvider" -> "dev.parley.api.router.Router";
            default -> throw new IllegalArgumentException(type.getName());
        };
    }

    /** Compiles, jars and zips the plugin into {@code dir}; returns the zip. */
    public Path buildInto(Path dir) throws IOException {
        Path work = Files.createTempDirectory("fixture-plugin-" + id);
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(classes);
        Path zip = dir.resolve(id + "-" + version + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("plugin.properties"));
            out.write(properties().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/" + id + ".jar"));
            writeJar(classes, out);
            out.closeEntry();
        }
        return zip;
    }

    private String properties() {
        return "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.provider=Parley tests\n"
                + "plugin.description=Fixture plugin " + id + "\n"
                + (pluginClass == null ? "" : "plugin.class=" + pluginClass + "\n");
    }

    private void compile(Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((fqcn, code) -> units.add(new Source(fqcn, code)));
        List<String> options = List.of("--release", "21", "-d", classes.toString(), "-classpath", classpath(),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-Xlint:-options");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("fixture plugin " + id + " does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }

    /** The SPI, pf4j and slf4j, as a plugin compiles against them (provided by the runtime). */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(ComponentProvider.class, Extension.class, Logger.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void writeJar(Path classes, OutputStream zipEntry) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream jar = new java.util.jar.JarOutputStream(bytes); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
        zipEntry.write(bytes.toByteArray());
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String fqcn, String code) {
            super(URI.create("string:///" + fqcn.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
