package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.runtime.plugins.ComponentRegistry;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;

/**
 * {@code parley bench}: starts servers in this JVM, drives them over real WebSockets with recorded speech at
 * real-time pace, and prints the latency and capacity tables (Markdown). Returns the number of sections that
 * failed to run (0 = every table printed).
 */
public final class Bench {
    private Bench() {
    }

    /** A section of the report. */
    private interface Section {
        void run() throws Exception;
    }

    /** Section names, in run order (for {@code --only}). */
    public static final java.util.List<String> SECTIONS =
            java.util.List.of("ttfa", "ttfa-ab", "cpu", "speakers", "overlap", "bargein", "capacity", "capacity-real", "heap",
                    "telemetry", "telemetry-zero", "grpc", "webrtc");

    /** Sections run only when named in {@code --only}. */
    static final java.util.Set<String> OPT_IN = java.util.Set.of("ttfa-ab", "cpu", "webrtc", "telemetry-zero");

    public static int run(BenchSettings settings, ComponentRegistry registry, Path home, PrintWriter out)
            throws Exception {
        Path speechDir = home.resolve("testdata/speech");
        if (!Files.isDirectory(speechDir)) {
            throw new IllegalStateException(speechDir + " is missing: run the bench from a Parley checkout");
        }
        header(out, settings);
        int failed = 0;
        try (Pipeline main = BenchServer.assemble(settings.pipeline(), registry);
             Pipeline zero = BenchServer.assemble(settings.capacityPipeline(), registry);
             AudioPacer pacer = new AudioPacer()) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "bench-client");
                t.setDaemon(true);
                return t;
            })).build();
            BenchContext ctx = new BenchContext(out, http, pacer, speechDir, registry, settings);
            java.util.Map<String, Section> sections = new java.util.LinkedHashMap<>();
            sections.put("ttfa", () -> TtfaBench.run(ctx, main));
            sections.put("ttfa-ab", () -> TtfaCompareBench.run(ctx, settings.variants()));
            sections.put("cpu", () -> CpuBench.run(ctx, main));
            sections.put("speakers", () -> SpeakersBench.run(ctx, settings.realSessions()));
            sections.put("overlap", () -> OverlapBench.run(ctx, main));
            sections.put("bargein", () -> BargeInBench.run(ctx, main));
            sections.put("capacity", () -> CapacityBench.run(ctx, zero, settings.sessions(), AudioTrack.tone(1000),
                    1500, true));
            sections.put("capacity-real", () -> CapacityBench.run(ctx, main, settings.realSessions(),
                    ctx.speech("weather-slt.wav"), 2500, false));
            sections.put("heap", () -> IdleHeapBench.run(ctx, main));
            sections.put("telemetry", () -> TelemetryOverheadBench.run(ctx, main));
            sections.put("telemetry-zero", () -> TelemetryOverheadBench.runZeroCost(ctx, zero));
            sections.put("grpc", () -> TransportTtfaBench.run(ctx, main));
            sections.put("webrtc", () -> WebRtcTtfaBench.run(ctx, main));
            for (var entry : sections.entrySet()) {
                boolean wanted = settings.sections().isEmpty() ? !OPT_IN.contains(entry.getKey())
                        : settings.sections().contains(entry.getKey());
                if (!wanted) {
                    continue;
                }
                long start = System.nanoTime();
                try {
                    entry.getValue().run();
                } catch (Exception | AssertionError e) {
                    failed++;
                    out.println();
                    out.println("SECTION FAILED: " + e);
                    out.flush();
                }
                // what each section costs, so a shorter --quick or CI run can be chosen from figures
                out.printf(java.util.Locale.ROOT, "(section %s: %.1f s)%n%n", entry.getKey(),
                        (System.nanoTime() - start) / 1e9);
                out.flush();
            }
        }
        return failed;
    }

    private static void header(PrintWriter out, BenchSettings s) {
        Runtime rt = Runtime.getRuntime();
        out.println("## Parley benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        out.println();
        out.println("- machine: " + rt.availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "; JVM " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", max heap " + rt.maxMemory() / 1048576 + " MB");
        out.println("- settings: " + s);
        out.println("- server and load client in one JVM; the client paces all audio from one scheduler thread and"
                + " receives on a 2-thread pool");
        out.flush();
    }
}
