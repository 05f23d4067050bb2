package dev.parley.it.speech;

import dev.parley.api.denoise.NoiseProfile;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.CommittedAudio;
import dev.parley.runtime.engine.DefaultSessionEngineFactory;
import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.NoInputListener;
import dev.parley.runtime.engine.SessionActor;
import dev.parley.runtime.engine.SessionEngine;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.pipeline.Pipeline;
import dev.parley.testing.SpeechFixtures.Fixture;
import dev.parley.testkit.WordErrorRate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The spoken fixtures, one after another in one session, over one continuous noise, through a session's real input
 * path (decode, resample, denoise when noise_reduction is set, the pipeline's VAD and segmenter with the default
 * server_vad settings, the pipeline's recogniser): the turns the session makes of them. Per fixture: the words the
 * session heard (the transcripts of every utterance that began in its window, joined: a false onset in the noise
 * around it adds its words), whether any utterance covered its speech (else a missed onset), and the end-of-turn
 * delay on the audio clock, from its last speech sample (last 20 ms frame with RMS ≥ 100) to the speech_stopped
 * of the utterance holding it, which is where the session commits.
 */
final class NoisyTurns {
    static final int RATE = 16_000;
    /** Noise before the first fixture (the suppressor converges in about 1 s) and between fixtures. */
    private static final int LEAD = RATE;
    private static final int GAP = RATE * 5 / 2;
    /** How many times real time the turns are sent ({@code -Dnoise.pace}); see {@link #run}. */
    private static final double PACE = Double.parseDouble(System.getProperty("noise.pace", "2"));

    /** What one pass measured. {@code eotMs} has one entry per fixture whose turn ended before the next began. */
    record Result(double wer, int words, int missed, int heldOpen, List<Long> eotMs, List<String> heard,
                  int failedFinals) {
    }

    private record Utterance(long startMs, long endMs) {
    }

    private NoisyTurns() {
    }

    /**
     * The default server_vad settings, with {@code -Dnoise.threshold} as the VAD threshold when given (the session's
     * {@code turn_detection.threshold}: what a client can change without touching the pipeline).
     */
    static TurnDetection turnDetection() {
        TurnDetection d = TurnDetection.DEFAULT;
        String t = System.getProperty("noise.threshold");
        return t == null ? d : new TurnDetection(d.type(), Double.parseDouble(t), d.prefixPaddingMs(),
                d.silenceDurationMs(), d.idleTimeoutMs(), d.createResponse(), d.interruptResponse(), d.eagerness());
    }

    /** One pass over {@code fixtures}, with {@code noise} at {@code noiseRms} (silence when noise is null). */
    static Result run(Pipeline pipeline, NoiseProfile profile, NoisySpeech.Noise noise, double noiseRms,
                      List<Fixture> fixtures) throws Exception {
        int[] at = new int[fixtures.size()];
        int total = LEAD;
        for (int i = 0; i < fixtures.size(); i++) {
            at[i] = total;
            total += fixtures.get(i).samples().length + GAP;
        }
        short[] audio = new short[total];
        for (int i = 0; i < fixtures.size(); i++) {
            short[] s = fixtures.get(i).samples();
            System.arraycopy(s, 0, audio, at[i], s.length);
        }
        if (noise != null) {
            audio = NoisySpeech.mix(audio, NoisySpeech.noise(noise, total, noiseRms, 23), 0);
        }
        Map<Long, Long> starts = new ConcurrentHashMap<>();
        Map<Long, Long> ends = new ConcurrentHashMap<>();
        Map<Long, String> transcripts = new ConcurrentHashMap<>();
        java.util.Set<Long> failed = ConcurrentHashMap.newKeySet();
        NoInputListener listener = new NoInputListener() {
            @Override
            public void speechStarted(long utterance, long audioStartMs) {
                starts.put(utterance, audioStartMs);
            }

            @Override
            public void speechStopped(long utterance, long audioEndMs, CommittedAudio committed) {
                ends.put(utterance, audioEndMs);
            }

            @Override
            public void transcriptCompleted(long utterance, String transcript) {
                transcripts.put(utterance, transcript);
            }

            @Override
            public void transcriptFailed(long utterance, String message) {
                failed.add(utterance);
                transcripts.put(utterance, "");
            }
        };
        // Fed fixture by fixture, each with the noise after it, at PACE × real time, waiting for the finals of its
        // turns before the next: fed all at once the recogniser fell behind and the last turns' finals timed out
        // (15 s), as no caller who waits for the answer would make it; at full speed long turns in babble did too.
        try (Session session = new Session(pipeline, profile, listener)) {
            short[] at24k = TelephoneSpeech.resample(audio, RATE, 24_000);
            for (int i = 0; i < fixtures.size(); i++) {
                int to = Math.min(at24k.length, (i + 1 < at.length ? at[i + 1] : total) * 3 / 2);
                long t0 = System.nanoTime();
                int segmentStart = session.sent;
                while (session.sent + 480 <= to) {
                    session.send(at24k, Math.min(to, session.sent + 2400)); // 100 ms at a time
                    double aheadMs = (session.sent - segmentStart) / 24.0 / PACE - (System.nanoTime() - t0) / 1e6;
                    if (aheadMs >= 1) {
                        Thread.sleep((long) aheadMs);
                    }
                }
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!transcripts.keySet().containsAll(ends.keySet()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
        }
        return score(fixtures, at, starts, ends, transcripts, failed.size());
    }

    private static Result score(List<Fixture> fixtures, int[] at, Map<Long, Long> starts, Map<Long, Long> ends,
                                Map<Long, String> transcripts, int failedFinals) {
        double errors = 0;
        int words = 0;
        int missed = 0;
        int heldOpen = 0;
        List<Long> eot = new ArrayList<>();
        List<String> heard = new ArrayList<>();
        List<Long> ids = starts.keySet().stream().sorted().toList();
        for (int i = 0; i < fixtures.size(); i++) {
            short[] s = fixtures.get(i).samples();
            long windowStart = i == 0 ? 0 : ms(at[i] - GAP / 2);
            long windowEnd = i + 1 < at.length ? ms(at[i + 1] - GAP / 2) : Long.MAX_VALUE;
            long speechStart = ms(at[i] + NoisySpeech.speechStart(s));
            long speechEnd = ms(at[i] + NoisySpeech.speechEnd(s));
            StringBuilder text = new StringBuilder();
            boolean covered = false;
            Utterance last = null;
            for (long id : ids) {
                Utterance u = new Utterance(starts.get(id), ends.getOrDefault(id, Long.MAX_VALUE));
                if (u.startMs >= windowStart && u.startMs < windowEnd) {
                    text.append(' ').append(transcripts.getOrDefault(id, ""));
                }
                covered |= u.startMs <= speechEnd && u.endMs >= speechStart;
                if (u.startMs <= speechEnd) {
                    last = u;
                }
            }
            if (!covered) {
                missed++;
            } else if (last.endMs >= windowEnd) {
                heldOpen++; // the noise kept the turn open into the next fixture's window
            } else {
                eot.add(last.endMs - speechEnd);
            }
            String said = text.toString().trim().replaceAll("\\s+", " ");
            heard.add(said);
            int n = fixtures.get(i).text().split(" ").length;
            errors += WordErrorRate.of(fixtures.get(i).text(), said) * n;
            words += n;
        }
        return new Result(errors / words, words, missed, heldOpen, eot, heard, failedFinals);
    }

    private static long ms(int samples) {
        return samples * 1000L / RATE;
    }

    /** A fresh session of a pipeline, sent 24 kHz pcm16 in 20 ms appends, as the OpenAI facade's clients do. */
    static final class Session implements AutoCloseable {
        private final SessionActor actor =
                new SessionActor("noisy-turns", Executors.newVirtualThreadPerTaskExecutor());
        private final SessionEngine engine;
        private int sent;

        Session(Pipeline pipeline, NoiseProfile profile, NoInputListener listener) throws Exception {
            engine = new DefaultSessionEngineFactory().open(pipeline, actor, listener);
            call(() -> engine.input().configure(new InputSettings(WireFormat.PCM16_24K, turnDetection(),
                    profile == null ? null : profile.wireName())));
        }

        /** The samples of {@code at24k} not sent yet up to {@code to}, in whole 20 ms appends. */
        void send(short[] at24k, int to) throws Exception {
            call(() -> {
                for (; sent + 480 <= to; sent += 480) {
                    engine.input().append(WireCodec.encode(WireFormat.PCM16_24K, at24k, sent, 480));
                }
            });
        }

        private void call(Runnable r) throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            actor.execute(() -> {
                try {
                    r.run();
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(10, TimeUnit.MINUTES);
        }

        @Override
        public void close() throws Exception {
            call(engine::close);
        }
    }

    static String eotSummary(List<Long> eot) {
        if (eot.isEmpty()) {
            return "–";
        }
        long[] sorted = eot.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2] + " / " + sorted[sorted.length - 1];
    }

    static String words(Result r) {
        return Arrays.toString(r.heard.toArray());
    }
}
