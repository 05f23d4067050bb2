package dev.parley.runtime.cli;

import dev.parley.api.ConfigException;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.pipeline.PipelineAssembler;
import dev.parley.runtime.pipeline.PipelineDefinition;
import dev.parley.runtime.pipeline.PipelineFiles;
import dev.parley.runtime.pipeline.PipelineParser;
import dev.parley.runtime.metrics.MetricsHttpServer;
import dev.parley.runtime.metrics.ParleyMetrics;
import dev.parley.runtime.plugins.ComponentRegistry;
import dev.parley.runtime.recording.Recordings;
import dev.parley.runtime.plugins.RuntimeComponentContext;
import dev.parley.runtime.plugins.LoadedComponents;
import dev.parley.runtime.realtime.SessionObserver;
import dev.parley.runtime.realtime.SessionTaps;
import dev.parley.runtime.tracing.OtlpTracing;
import dev.parley.runtime.server.ServerInfo;
import java.util.Map;
import dev.parley.runtime.plugins.PluginsDirectory;
import dev.parley.runtime.routing.ExperimentDefinition;
import dev.parley.runtime.routing.ExperimentLoader;
import dev.parley.runtime.routing.RoutedPipelineSelector;
import dev.parley.runtime.server.RealtimeServer;
import dev.parley.runtime.server.KeyPolicy;
import dev.parley.runtime.server.ServerLimits;
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
 * connections. Runs until drained (SIGTERM, SIGINT or {@code POST /v1/parley/drain}): new sessions are refused,
 * responses in flight finish (up to {@code --drain-seconds}), every session is closed 1001, and it exits 0.
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
    ConnectionLimitOptions limits;

    @Option(names = "--ephemeral-key-secret", paramLabel = "SECRET",
            description = "HMAC secret that signs ek_ keys; nodes sharing it accept each other's keys. Default: "
                    + "PARLEY_EPHEMERAL_KEY_SECRET, else random per process.")
    String ephemeralKeySecret;

    @Option(names = "--ephemeral-key-uses", defaultValue = "1", paramLabel = "N",
            description = "Sessions one ek_ key may open within its expiry, counted per node (default: "
                    + "${DEFAULT-VALUE}).")
    int ephemeralKeyUses;

    @Option(names = "--admin-key", paramLabel = "KEY",
            description = "Bearer key for POST /v1/parley/drain. Default: PARLEY_ADMIN_KEY; none = endpoint refused.")
    String adminKey;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Also serve GET /metrics on this port (same --host); it is always on the server port too.")
    Integer metricsPort;

    @Mixin
    TelemetryOptions telemetry;

    @Mixin
    RecordOptions record;

    @Mixin
    GrpcServeOptions grpcOptions;

    @Mixin
    PluginsDirOption plugins;

    @Mixin
    SessionCapsOptions sessionCaps;

    @Mixin
    WebRtcServeOptions webRtc;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        telemetry.applyLogFormat();
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ConfigException("--tls-cert and --tls-key must be given together");
        }
        limits.check();
        if (ephemeralKeyUses < 1) {
            throw new ConfigException("limits: --ephemeral-key-uses must be 1 or more, got " + ephemeralKeyUses);
        }
        if (conversationAudioMb < 0) {
            throw new ConfigException("--conversation-audio-mb must be 0 or more, got " + conversationAudioMb);
        }
        sessionCaps.caps(); // bad caps exit 2 before anything loads
        sessionCaps.responseSettings();
        LoadedComponents loaded = plugins.load();
        ComponentRegistry registry = loaded.registry();
        if (registry.context() instanceof RuntimeComponentContext context) {
            context.maxSessions(limits.effectiveMaxSessions()); // engines warm per-session state (decoders) for it
        }
        PipelineDefinition definition = PipelineFiles.load(pipeline, new PipelineParser());
        ServedPipeline served = assemble(definition, registry);
        ParleyMetrics metrics = new ParleyMetrics();
        Recordings recordings = record.open(definition, ParleyCli.VERSION, loaded.plugins());
        OtlpTracing tracing = telemetry.tracing(definition);
        RealtimeServer server;
        MetricsHttpServer metricsServer = null;
        try {
            // the observer writes the experiment journal (turns, barge-ins, errors per variant)
            server = RealtimeServer.start(options(), served.selector,
                    new DefaultSessionEngineFactory(sessionCaps.responseSettings()),
                    served.observer, metrics, new ServerInfo(ParleyCli.VERSION,
                            Map.of(definition.name(), served.variants), loaded.plugins()),
                    SessionTaps.all(metrics, tracing), recordings, webRtc.options());
        } catch (IOException e) {
            metrics.close();
            TelemetryOptions.close(tracing);
            recordings.close();
            served.close();
            throw new ConfigException("cannot start the server on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        if (metricsPort != null) {
            try {
                metricsServer = MetricsHttpServer.start(host, metricsPort, metrics);
                log.info("Metrics on http://{}:{}/metrics", host, metricsServer.port());
            } catch (IOException e) {
                server.close();
                served.close();
                throw new ConfigException("cannot serve metrics on " + host + ":" + metricsPort + ": "
                        + e.getMessage(), e);
            }
        }
        dev.parley.runtime.grpc.GrpcServer grpc;
        try {
            grpc = grpcOptions.start(server.transports(), host);
        } catch (ConfigException e) {
            server.close();
            served.close();
            throw e;
        }
        dev.parley.runtime.grpc.GrpcServer grpcServer = grpc;
        MetricsHttpServer metricsHttp = metricsServer;
        CountDownLatch drained = new CountDownLatch(1);
        server.drained().thenRun(drained::countDown);
        // SIGTERM/SIGINT drain and then return 0; without this handler the JVM would run the hooks at once
        // and exit 143. The hook below still closes everything on any other way out (System.exit, a 2nd signal).
        boolean signals = DrainSignals.install(() -> server.drain("signal"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (drained.getCount() > 0 && !signals) {
                server.drain("JVM shutdown");
                awaitQuietly(drained, limits.drainSeconds + 5L);
            }
            if (metricsHttp != null) {
                metricsHttp.close();
            }
            if (grpcServer != null) {
                grpcServer.close();
            }
            server.close();
            recordings.close();
            TelemetryOptions.close(tracing);
            served.close();
        }, "parley-shutdown"));
        server.certificatePem().ifPresent(pem -> log.info("Self-signed certificate (trust it in clients): {}", pem));
        PrintWriter out = spec.commandLine().getOut();
        out.println(server.listeningLine());
        if (grpcServer != null) {
            out.println(grpcServer.listeningLine());
        }
        out.flush();
        drained.await();
        log.info("Drained: stopping (exit {})", ExitCodes.OK);
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServerOptions options() {
        ServerLimits limits = this.limits.serverLimits();
        ServerOptions o = ServerOptions.defaults().withHost(host).withPort(port).withTlsSelfSigned(tlsSelfSigned)
                .withConversationAudioBytes(conversationAudioMb * 1024L * 1024).withLimits(limits)
                .withKeyPolicy(KeyPolicy.of(ephemeralKeySecret, ephemeralKeyUses, adminKey))
                .withSessionCaps(sessionCaps.caps());
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
            return new ServedPipeline(routed, routed, routed.recorder(), routed.variants());
        }
        Pipeline assembled = new PipelineAssembler(registry).assemble(definition);
        log.info("Pipeline '{}' from {}: {}", definition.name(), definition.source(), describe(definition));
        log.info("LLM: {}", assembled.llm().describe());
        return new ServedPipeline(r -> assembled, assembled, SessionObserver.NONE, List.of());
    }

    private static String describe(PipelineDefinition definition) {
        List<String> stages = new ArrayList<>();
        definition.stages().values().forEach(s -> stages.add(s.kind().yamlKey() + "=" + s.provider()));
        return String.join(", ", stages);
    }

    /** What serves sessions, and what to close at shutdown (variants share engines: close them once). */
    private record ServedPipeline(dev.parley.runtime.realtime.PipelineSelector selector, AutoCloseable owner,
                                  SessionObserver observer, List<String> variants) {
        void close() {
            try {
                owner.close();
            } catch (Exception e) {
                log.debug("closing the pipeline failed", e);
            }
        }
    }
}
