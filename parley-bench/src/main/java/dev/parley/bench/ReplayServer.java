package dev.parley.bench;

import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.EnvInterpolator;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineFiles;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.realtime.PipelineSelector;
import dev.parley.runtime.realtime.SessionLimits;
import dev.parley.runtime.routing.ExperimentDefinition;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import dev.parley.runtime.server.RealtimeServer;
import dev.parley.runtime.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The server a replay talks to: {@code parley serve}'s server and engine factory in this JVM on 127.0.0.1, serving
 * one pipeline (or every variant of an A/B experiment, with its journal in a throw-away folder). The offline
 * responder always: the environment that would select a remote LLM is hidden, as in the bench.
 */
final class ReplayServer implements AutoCloseable {
    private static final Set<String> HIDDEN_ENV = Set.of("PARLEY_LLM_BASE_URL", "OPENAI_API_KEY");

    private final RealtimeServer server;
    private final AutoCloseable owner;
    private final String name;
    private final boolean experiment;

    private ReplayServer(RealtimeServer server, AutoCloseable owner, String name, boolean experiment) {
        this.server = server;
        this.owner = owner;
        this.name = name;
        this.experiment = experiment;
    }

    static ReplayServer start(String nameOrFile, ComponentRegistry registry) {
        EnvInterpolator env = new EnvInterpolator(k -> HIDDEN_ENV.contains(k) ? null : System.getenv(k));
        PipelineDefinition definition = PipelineFiles.load(nameOrFile, new PipelineParser(env));
        PipelineSelector selector;
        AutoCloseable owner;
        boolean experiment = ExperimentDefinition.of(definition) != null;
        if (experiment) {
            try {
                Path journal = Files.createTempDirectory("parley-replay-journal");
                RoutedPipelineSelector routed = new ExperimentLoader(registry, env).load(definition, journal);
                selector = routed;
                owner = () -> {
                    routed.close();
                    deleteQuietly(journal);
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            Pipeline p = new PipelineAssembler(registry).assemble(definition);
            selector = r -> p;
            owner = p;
        }
        ServerOptions options = new ServerOptions("127.0.0.1", 0, null, null, false, List.of(), null, null, null,
                SessionLimits.DEFAULT_CONVERSATION_AUDIO_BYTES);
        try {
            return new ReplayServer(RealtimeServer.start(options, selector, new DefaultSessionEngineFactory()),
                    owner, definition.name(), experiment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replay's own experiment journal is not a result: it goes with the server. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder: the OS cleans it eventually
        }
    }

    String name() {
        return name;
    }

    /** The URL of a session on {@code variant} (null: the router decides, or the pipeline has none). */
    String url(String variant) {
        if (variant != null && !experiment) {
            throw new IllegalArgumentException("--variant " + variant + ": pipeline " + name
                    + " is not an A/B experiment (it has no variants)");
        }
        return server.url() + "?model=gpt-realtime" + (variant == null ? ""
                : "&variant=" + URLEncoder.encode(variant, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
        try {
            owner.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }
}
