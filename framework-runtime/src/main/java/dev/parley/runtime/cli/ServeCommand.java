package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineFiles;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.plugins.PluginsDirectory;
import dev.parley.runtime.routing.ExperimentDefinition;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import dev.parley.runtime.server.RealtimeServer;
import dev.parley.runtime.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley serve}: loads the plugins, assembles the pipeline (or every variant of an A/B experiment), starts
 * the OpenAI Realtime server and prints {@code Parley listening on ws://HOST:PORT/v1/realtime} once it accepts
 * connections. Runs until the process is stopped; a shutdown hook closes the server, then the engines.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a pipeline over the OpenAI Realtime protocol (WebSocket).")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--pipeline", defaultValue = PipelineFiles.DEFAULT, paramLabel = "NAME|FILE",
            description = "Pipeline name (pipelines/NAME.yaml) or YAML file (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM); serve wss://.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key (PKCS#8 PEM) for --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-self-signed",
            description = "Serve wss:// with a throw-away self-signed certificate (development; openai-node needs wss).")
    boolean tlsSelfSigned;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Accepted API key (repeatable). Default: PARLEY_API_KEYS (comma-separated); none = open server.")
    List<String> apiKeys = new ArrayList<>();

    @Option(names = "--conversation-audio-mb", defaultValue = "8", paramLabel = "MB",
            description = "Item audio each session keeps for conversation.item.retrieve, in MiB; older items keep "
                    + "their transcript but lose their audio. Worst-case heap is sessions x this "
                    + "(default: ${DEFAULT-VALUE}).")
    int conversationAudioMb;

    @Mixin
    PluginsDirOption plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ConfigException("--tls-cert and --tls-key must be given together");
        }
        if (conversationAudioMb < 0) {
            throw new ConfigException("--conversation-audio-mb must be 0 or more, got " + conversationAudioMb);
        }
        ComponentRegistry registry = plugins.load().registry();
        PipelineDefinition definition = PipelineFiles.load(pipeline, new PipelineParser());
        ServedPipeline served = assemble(definition, registry);
        RealtimeServer server;
        try {
            server = RealtimeServer.start(options(), served.selector, new DefaultSessionEngineFactory());
        } catch (IOException e) {
            served.close();
            throw new ConfigException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            served.close();
            stopped.countDown();
        }, "parley-shutdown"));
        server.certificatePem().ifPresent(pem -> log.info("Self-signed certificate (trust it in clients): {}", pem));
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.listeningLine());
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private ServerOptions options() {
        ServerOptions o = ServerOptions.defaults().withHost(host).withPort(port).withTlsSelfSigned(tlsSelfSigned)
                .withConversationAudioBytes(conversationAudioMb * 1024L * 1024);
        if (tlsCert != null) {
            o = o.withTls(tlsCert, tlsKey);
        }
        return apiKeys.isEmpty() ? o : o.withApiKeys(apiKeys);
    }

    /** A plain pipeline, or every variant of an experiment behind its router. */
    private static ServedPipeline assemble(PipelineDefinition definition, ComponentRegistry registry) {
        if (ExperimentDefinition.of(definition) != null) {
            RoutedPipelineSelector routed = new ExperimentLoader(registry)
                    .load(definition, PluginsDirectory.home().resolve("build/experiments"));
            log.info("Pipeline '{}' from {}: A/B experiment '{}' with variants {}", definition.name(),
                    definition.source(), routed.experiment(), routed.variants());
            return new ServedPipeline(routed, routed);
        }
        Pipeline assembled = new PipelineAssembler(registry).assemble(definition);
        log.info("Pipeline '{}' from {}: {}", definition.name(), definition.source(), describe(definition));
        log.info("LLM: {}", assembled.llm().describe());
        return new ServedPipeline(r -> assembled, assembled);
    }

    private static String describe(PipelineDefinition definition) {
        List<String> stages = new ArrayList<>();
        definition.stages().values().forEach(s -> stages.add(s.kind().yamlKey() + "=" + s.provider()));
        return String.join(", ", stages);
    }

    /** What serves sessions, and what to close at shutdown (variants share engines: close them once). */
    private record ServedPipeline(dev.parley.runtime.realtime.PipelineSelector selector, AutoCloseable owner) {
        void close() {
            try {
                owner.close();
            } catch (Exception e) {
                log.debug("closing the pipeline failed", e);
            }
        }
    }
}
