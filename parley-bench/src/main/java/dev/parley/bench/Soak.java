package dev.parley.bench;

import dev.parley.runtime.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The bounded soak: {@code sessions} clients against a server in this JVM for {@code minutes}, each streaming
 * real-time audio with turns; a quarter barge in (pauses shorter than the answer), a quarter send bad input every
 * few seconds, a quarter pause their reading for 8 s every 30 s (below the 15 s slow-reader cut, so production
 * pauses and resumes). Every {@code sampleSeconds} it prints the live heap after a full GC, threads and open fds;
 * at the end, events sent and received, lost events and errors. The heap is the whole JVM's: server and clients.
 */
final class Soak {
    /** What a soak found; {@link #clean()} when nothing was lost and every error answered a bad input. */
    record Result(long sent, long received, int responses, int cancelled, int truncations, int commits,
                  int lostResponses, int lostTranscripts, int lostTruncations, int badSent, int unexpectedErrors,
                  int missingErrors, int unexpectedCloses, long itemsDeleted, List<long[]> samples) {
        boolean clean() {
            return lostResponses == 0 && lostTranscripts == 0 && lostTruncations == 0 && unexpectedErrors == 0
                    && missingErrors == 0 && unexpectedCloses == 0;
        }
    }

    /**
     * What to run.
     *
     * @param speech                 the question each session speaks, 24 kHz
     * @param bargeInGapMs           a barge-in session speaks again this long after it stopped
     * @param conversationAudioBytes and {@code maxConversationItems}: the server's per-session caps
     */
    record Plan(int sessions, int minutes, int sampleSeconds, short[] speech, int bargeInGapMs,
                int turnPauseMs, long conversationAudioBytes, int maxConversationItems) {
    }

    static final int SLOW_READER_PAUSE_MS = 8_000;
    static final int SLOW_READER_EVERY_MS = 30_000;
    static final int BAD_INPUT_EVERY_MS = 5_000;

    private Soak() {
    }

    static Result run(Pipeline pipeline, Plan plan, PrintWriter out) throws Exception {
        int sessions = plan.sessions();
        int sampleSeconds = plan.sampleSeconds();
        long endAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(plan.minutes());
        List<SoakSession> all = new ArrayList<>();
        List<long[]> samples = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-timer");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "soak-client");
            t.setDaemon(true);
            return t;
        })).build();
        List<AudioPacer.Playback> playing = new ArrayList<>();
        try (BenchServer srv = BenchServer.start(pipeline, plan.conversationAudioBytes(), plan.maxConversationItems());
             AudioPacer pacer = new AudioPacer()) {
            AudioTrack talk = AudioTrack.of(plan.speech(), 0, plan.turnPauseMs(), 20); // the answer finishes
            AudioTrack interrupt = AudioTrack.of(plan.speech(), 0, plan.bargeInGapMs(), 20); // over the answer
            out.printf(Locale.ROOT, "soak: %d sessions, %d min; question %d ms, pause %d ms, barge-in gap %d ms; "
                    + "server keeps %.1f MiB of conversation audio and %d items per session%n", sessions, plan.minutes(),
                    plan.speech().length * 1000L / AudioTrack.RATE, plan.turnPauseMs(), plan.bargeInGapMs(),
                    plan.conversationAudioBytes() / 1048576.0, plan.maxConversationItems());
            Random random = new Random(sessions);
            long t0 = System.nanoTime();
            sample(out, samples, t0, 0);
            for (int i = 0; i < sessions; i++) {
                SoakSession.Role role = SoakSession.Role.values()[i % 4];
                RealtimeClient c = BenchSessions.open(http, srv.url(), 200,
                        type -> !type.startsWith("response.output_audio"));
                c.send(TRANSCRIBE);
                c.tapOnly();
                SoakSession s = new SoakSession(role, c);
                all.add(s);
                playing.add(pacer.play(c, role == SoakSession.Role.BARGE_IN ? interrupt : talk, true,
                        random.nextInt(2000)));
                long phase = random.nextInt(SLOW_READER_EVERY_MS);
                switch (role) {
                    case BAD_INPUT -> timer.scheduleAtFixedRate(s::sendBadInput, random.nextInt(BAD_INPUT_EVERY_MS),
                            BAD_INPUT_EVERY_MS, TimeUnit.MILLISECONDS);
                    case SLOW_READER -> timer.scheduleAtFixedRate(() -> {
                        c.pauseReading();
                        timer.schedule(c::resumeReading, SLOW_READER_PAUSE_MS, TimeUnit.MILLISECONDS);
                    }, phase, SLOW_READER_EVERY_MS, TimeUnit.MILLISECONDS);
                    default -> {
                    }
                }
            }
            out.printf(Locale.ROOT, "soak: %d sessions open (%d each: turns, barge-in, bad input, slow reader)%n",
                    sessions, (sessions + 3) / 4);
            out.flush();
            while (System.nanoTime() < endAt) {
                Thread.sleep(Math.min(sampleSeconds * 1000L, Math.max(1, (endAt - System.nanoTime()) / 1_000_000)));
                sample(out, samples, t0, srv.liveSessions());
            }
            // stop talking, stop the faults, let every slow reader read again, and wait for the answers in flight
            timer.shutdownNow();
            playing.forEach(AudioPacer.Playback::stop);
            all.forEach(s -> s.client.resumeReading());
            long graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < graceEnd
                    && all.stream().anyMatch(s -> s.lostResponses() + s.lostTranscripts() + s.lostTruncations() > 0)) {
                Thread.sleep(200);
            }
            Result r = result(all, samples);
            all.parallelStream().forEach(s -> s.client.close());
            report(out, r, all);
            return r;
        } finally {
            timer.shutdownNow();
        }
    }

    /** Turns input transcription on, so each commit owes a transcript. */
    static final String TRANSCRIBE = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"audio\":"
            + "{\"input\":{\"transcription\":{\"model\":\"whisper-1\"}}}}}";

    private static Result result(List<SoakSession> all, List<long[]> samples) {
        int unexpectedCloses = (int) all.stream().filter(s -> s.closeCode() != null).count();
        return new Result(all.stream().mapToLong(s -> s.client.sent()).sum(),
                all.stream().mapToLong(s -> s.client.received()).sum(),
                all.stream().mapToInt(SoakSession::responses).sum(),
                all.stream().mapToInt(SoakSession::cancelled).sum(),
                all.stream().mapToInt(SoakSession::truncations).sum(),
                all.stream().mapToInt(SoakSession::commits).sum(),
                all.stream().mapToInt(SoakSession::lostResponses).sum(),
                all.stream().mapToInt(SoakSession::lostTranscripts).sum(),
                all.stream().mapToInt(SoakSession::lostTruncations).sum(),
                all.stream().mapToInt(SoakSession::badSent).sum(),
                all.stream().mapToInt(SoakSession::unexpectedErrors).sum(),
                all.stream().mapToInt(SoakSession::missingErrors).sum(), unexpectedCloses,
                all.stream().mapToLong(SoakSession::itemsDeleted).sum(), samples);
    }

    /** One line: seconds since start, live heap after a full GC (MB), threads, open fds, live sessions. */
    private static void sample(PrintWriter out, List<long[]> samples, long t0, int live) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds = openFds();
        long s = (System.nanoTime() - t0) / 1_000_000_000L;
        samples.add(new long[] {s, heap, threads, fds});
        out.printf(Locale.ROOT, "  t=%4d s  heap after GC %6.1f MB  threads %4d  fds %5d  sessions %d  load %s%n", s,
                heap / 1e6, threads, fds, live, loadAverage());
        out.flush();
    }

    /** The machine's 1-minute load average: the soak shares its cores with whatever else runs. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void report(PrintWriter out, Result r, List<SoakSession> all) {
        out.printf(Locale.ROOT, "soak result: events sent %d, received %d; responses %d (%d cancelled by barge-in, "
                + "%d truncated after it), commits %d; lost: %d responses without response.done, %d commits "
                + "without a transcript, %d truncates unanswered; bad inputs %d, errors beyond them %d, bad inputs "
                + "left unanswered %d; connections the server closed %d; items the server deleted (item cap) %d%n",
                r.sent(), r.received(), r.responses(),
                r.cancelled(), r.truncations(), r.commits(), r.lostResponses(), r.lostTranscripts(),
                r.lostTruncations(), r.badSent(), r.unexpectedErrors(), r.missingErrors(), r.unexpectedCloses(),
                r.itemsDeleted());
        List<long[]> later = r.samples().subList(Math.min(r.samples().size() - 1, Math.max(1,
                r.samples().size() / 3)), r.samples().size());
        double mean = later.stream().mapToLong(x -> x[1]).average().orElse(0);
        long min = later.stream().mapToLong(x -> x[1]).min().orElse(0);
        long max = later.stream().mapToLong(x -> x[1]).max().orElse(0);
        out.printf(Locale.ROOT, "heap after GC from t=%d s: %.1f-%.1f MB, mean %.1f MB, %+.1f %% / %+.1f %% of the "
                + "mean; threads %d-%d, fds %d-%d%n", later.get(0)[0], min / 1e6, max / 1e6, mean / 1e6,
                100 * (min - mean) / mean, 100 * (max - mean) / mean,
                later.stream().mapToLong(x -> x[2]).min().orElse(0),
                later.stream().mapToLong(x -> x[2]).max().orElse(0),
                later.stream().mapToLong(x -> x[3]).min().orElse(0),
                later.stream().mapToLong(x -> x[3]).max().orElse(0));
        all.stream().map(SoakSession::firstUnexpectedError).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(e -> out.println("first unexpected error: " + e));
        out.println(r.clean() ? "soak: clean" : "soak: FAILED");
        out.flush();
    }
}
