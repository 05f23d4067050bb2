package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.tts.TtsEngine;
import dev.parley.api.tts.TtsListener;
import dev.parley.api.tts.TtsProvider;
import dev.parley.api.tts.TtsSynthesis;
import dev.parley.api.tts.VoiceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance suite for speech synthesizers ({@link TtsProvider}, {@link TtsEngine}, {@link TtsSynthesis}).
 * Extend it, supply the provider and the stage config; the engine is created once per class. It checks:
 * <ul>
 *   <li>{@code synthesize} returns at once (within {@link TckBounds#NON_BLOCKING_CALL_MS});</li>
 *   <li>audio streams: a long clause arrives in more than one chunk, the first well before {@code onDone}
 *       (before 75 % of the time to {@code onDone});</li>
 *   <li>every chunk is non-empty and at the declared {@link TtsEngine#sampleRate()}; the clause yields at least
 *       half a second of audio;</li>
 *   <li>exactly one {@code onDone}, last, and no {@code onError}, for plain text and for each of the first
 *       voices {@link TtsEngine#voices()} lists;</li>
 *   <li>{@code cancel()} returns within the bound and nothing at all is reported after it returned — cancelled
 *       while audio flows, and cancelled before the first chunk; {@code cancel()} is idempotent;</li>
 *   <li>two syntheses at once (the runtime overlaps clauses) both complete with their own audio.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TtsTck {
    /** Long enough that any streaming engine produces audio before it finishes. */
    protected static final String LONG_CLAUSE = "Hello there, this is the conformance kit speaking, and I am going"
            + " to keep talking for a little while so that the audio has to arrive in pieces, one after another,"
            + " while the rest of this rather long sentence is still being synthesized.";
    protected static final String SHORT_CLAUSE = "Sure, here it is.";
    private TtsEngine engine;

    /** The provider under test. */
    protected abstract TtsProvider provider();

    /** The stage's {@code config:} block; empty by default. */
    protected ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** The engine, created from {@link #provider()} and {@link #config()} on first use. */
    protected final TtsEngine engine() {
        if (engine == null) {
            engine = provider().create(config());
            assertNotNull(engine, provider().id() + ": create() returned null");
        }
        return engine;
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void declaresASampleRateAndItsVoices() {
        assertTrue(engine().sampleRate() > 0, "sampleRate() must be positive, is " + engine().sampleRate());
        assertNotNull(engine().voices(), "voices() must not be null (empty when there is no choice)");
    }

    @Test
    void streamsAudioAtTheDeclaredRateBeforeSynthesisEnds() {
        long t0 = System.nanoTime();
        Recorded r = synthesize(LONG_CLAUSE, VoiceSettings.DEFAULT);
        CallbackLog.Entry done = awaitEnd(r.log);
        assertEquals("done", done.name(), "expected onDone, got " + done + "; all: " + r.log.names());
        List<CallbackLog.Entry> audio = r.log.entries().stream().filter(e -> e.name().equals("audio")).toList();
        assertTrue(audio.size() >= 2, "a long clause must stream in several chunks, got " + audio.size());
        long toFirst = audio.get(0).atNanos() - t0;
        long toDone = done.atNanos() - t0;
        assertTrue(toFirst < toDone * 3 / 4, "first audio after " + toFirst / 1_000_000 + " ms, onDone after "
                + toDone / 1_000_000 + " ms: audio must stream while synthesis goes on, not all at the end");
        assertTrue(r.samples.get() >= engine().sampleRate() / 2, "only " + r.samples.get() + " samples of audio");
        assertTrue(r.rateErrors.isEmpty(), "chunks not at the declared rate or empty: " + r.rateErrors);
    }

    @Test
    void endsWithExactlyOneDoneAndNothingAfterIt() {
        Recorded r = synthesize(SHORT_CLAUSE, VoiceSettings.DEFAULT);
        awaitEnd(r.log);
        r.log.close("onDone()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS / 2);
        List<String> names = r.log.names();
        assertEquals(1, r.log.count("done"), "exactly one onDone: " + names);
        assertEquals(0, r.log.count("error"), "onError on plain text: " + r.log.entries());
        assertEquals("done", names.get(names.size() - 1), "onDone must come last: " + names);
        assertTrue(r.log.violations().isEmpty(), "reported after onDone: " + r.log.violations());
        assertTrue(r.rateErrors.isEmpty(), "chunks not at the declared rate or empty: " + r.rateErrors);
    }

    @Test
    void speaksWithEachOfTheFirstVoicesItLists() {
        for (String voice : engine().voices().stream().limit(2).toList()) {
            Recorded r = synthesize(SHORT_CLAUSE, new VoiceSettings(voice, 1.0, 0.0));
            CallbackLog.Entry end = awaitEnd(r.log);
            assertEquals("done", end.name(), "voice " + voice + ": " + end);
            assertTrue(r.samples.get() > 0, "voice " + voice + " gave no audio");
        }
    }

    @Test
    void reportsNothingAfterCancelReturnsWhileAudioFlows() {
        Recorded r = synthesize(LONG_CLAUSE, VoiceSettings.DEFAULT);
        assertNotNull(r.log.await("audio", TckBounds.ANSWER_MS), "no audio: " + r.log.names());
        Calls.quick("cancel()", r.synthesis::cancel);
        r.log.close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(r.log.violations().isEmpty(), r.log.violations().size() + " callbacks after cancel(): "
                + r.log.violations().stream().limit(5).toList());
        Calls.quick("second cancel()", r.synthesis::cancel);
    }

    @Test
    void reportsNothingAfterCancelBeforeTheFirstChunk() {
        Recorded r = synthesize(LONG_CLAUSE, VoiceSettings.DEFAULT);
        Calls.quick("cancel()", r.synthesis::cancel);
        r.log.close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(r.log.violations().isEmpty(), r.log.violations().size() + " callbacks after cancel(): "
                + r.log.violations().stream().limit(5).toList());
    }

    @Test
    void synthesizesTwoClausesAtOnce() {
        Recorded a = synthesize(LONG_CLAUSE, VoiceSettings.DEFAULT);
        Recorded b = synthesize(SHORT_CLAUSE, VoiceSettings.DEFAULT);
        assertEquals("done", awaitEnd(a.log).name(), "first clause: " + a.log.names());
        assertEquals("done", awaitEnd(b.log).name(), "second clause: " + b.log.names());
        assertTrue(a.samples.get() > b.samples.get(), "the long clause gave less audio (" + a.samples.get()
                + " samples) than the short one (" + b.samples.get() + "): outputs mixed up?");
        assertFalse(a.log.count("audio") == 0 || b.log.count("audio") == 0, "a clause gave no audio");
    }

    /** One synthesis' callbacks, sample count and chunks that broke the format rule. */
    private record Recorded(TtsSynthesis synthesis, CallbackLog log, AtomicLong samples, List<String> rateErrors) {
    }

    private Recorded synthesize(String text, VoiceSettings settings) {
        CallbackLog log = new CallbackLog();
        AtomicLong samples = new AtomicLong();
        List<String> rateErrors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        int rate = engine().sampleRate();
        TtsSynthesis s = Calls.quick("synthesize()", () -> engine().synthesize(text, settings, new TtsListener() {
            @Override
            public void onAudio(AudioChunk chunk) {
                log.record("audio", chunk.samples().length + "@" + chunk.sampleRate());
                samples.addAndGet(chunk.samples().length);
                if (chunk.sampleRate() != rate || chunk.samples().length == 0) {
                    rateErrors.add(chunk.samples().length + " samples at " + chunk.sampleRate() + " Hz (declared "
                            + rate + ")");
                }
            }

            @Override
            public void onDone() {
                log.record("done", "");
            }

            @Override
            public void onError(Throwable error) {
                log.record("error", String.valueOf(error));
            }
        }));
        assertNotNull(s, "synthesize() returned null");
        return new Recorded(s, log, samples, rateErrors);
    }

    private static CallbackLog.Entry awaitEnd(CallbackLog log) {
        CallbackLog.Entry end = log.await(e -> !e.name().equals("audio"), TckBounds.ANSWER_MS);
        assertNotNull(end, "neither onDone nor onError within " + TckBounds.ANSWER_MS + " ms");
        return end;
    }
}
