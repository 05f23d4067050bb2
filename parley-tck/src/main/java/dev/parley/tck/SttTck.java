package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.audio.AudioChunk;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttListener;
import dev.parley.api.stt.SttProvider;
import dev.parley.api.stt.SttStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance suite for speech-to-text components ({@link SttProvider}, {@link SttEngine}, {@link SttStream}).
 * Extend it in a test class, supply the provider and the stage config; the engine is created once per class and
 * closed after it. What it checks, from the SPI's javadoc:
 * <ul>
 *   <li>{@code accept}, {@code endUtterance}, {@code reset} and {@code cancel} never block the caller
 *       (each returns within {@link TckBounds#NON_BLOCKING_CALL_MS});</li>
 *   <li>{@code endUtterance()} is answered by exactly one {@code onFinal}, also for an utterance without audio,
 *       and the stream then takes the next utterance;</li>
 *   <li>no callback begins after {@code cancel()} returned, whether cancelled mid-utterance or right after
 *       {@code endUtterance()}; {@code cancel()} is idempotent;</li>
 *   <li>no callback for an utterance {@code reset()} dropped, and the stream stays usable;</li>
 *   <li>streams of one engine are independent (two sessions at once each get their own final);</li>
 *   <li>no non-daemon thread the stream started outlives {@code cancel()} (a forgotten stream must not keep the
 *       JVM alive);</li>
 *   <li>no {@code onError} on the kit's well-formed speech; optionally, the final contains a word you name.</li>
 * </ul>
 * Audio is the kit's flite speech ({@link TckAudio#SPEECH_SLT}, {@link TckAudio#SPEECH_RMS}) in 20 ms chunks at
 * the engine's rate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SttTck {
    private static final int CHUNK_MS = 20;
    private SttEngine engine;

    /** The provider under test. */
    protected abstract SttProvider provider();

    /** The stage's {@code config:} block; empty by default. */
    protected ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /**
     * A word the final of {@link TckAudio#SPEECH_SLT} ("Hello there, I would like to book a table for two
     * tonight.") must contain, lower case; empty (the default) skips the check, for recognisers whose model the
     * fixture does not suit.
     */
    protected Optional<String> wordRecognisedInSpeech() {
        return Optional.empty();
    }

    /** The engine, created from {@link #provider()} and {@link #config()} on first use. */
    protected final SttEngine engine() {
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
    void declaresAPositiveSampleRate() {
        assertTrue(engine().sampleRate() > 0, "sampleRate() must be positive, is " + engine().sampleRate());
    }

    @Test
    void answersEndUtteranceWithExactlyOneFinal() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        try {
            feed(stream, TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, engine().sampleRate()));
            Calls.quick("endUtterance()", stream::endUtterance);
            CallbackLog.Entry fin = awaitFinal(log);
            Calls.sleep(TckBounds.QUIET_WINDOW_MS);
            assertEquals(1, log.count("final"), "one endUtterance() must give one onFinal: " + log.names());
            assertNoErrors(log);
            wordRecognisedInSpeech().ifPresent(word -> assertTrue(
                    fin.detail().toLowerCase(Locale.ROOT).contains(word),
                    "final '" + fin.detail() + "' should contain '" + word + "'"));
        } finally {
            stream.cancel();
        }
    }

    @Test
    void answersAnUtteranceWithoutAudioWithAFinal() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        try {
            Calls.quick("endUtterance()", stream::endUtterance);
            awaitFinal(log);
            assertNoErrors(log);
        } finally {
            stream.cancel();
        }
    }

    @Test
    void takesTheNextUtteranceAfterAFinal() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        try {
            int rate = engine().sampleRate();
            feed(stream, TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, rate));
            Calls.quick("endUtterance()", stream::endUtterance);
            awaitFinal(log);
            feed(stream, TckAudio.padded(TckAudio.SPEECH_RMS, 300, 300, rate));
            Calls.quick("endUtterance()", stream::endUtterance);
            assertNotNull(log.await(e -> e.name().equals("final") && log.count("final") >= 2, TckBounds.ANSWER_MS),
                    "no second onFinal for the second utterance: " + log.names());
            assertNoErrors(log);
        } finally {
            stream.cancel();
        }
    }

    @Test
    void deliversNothingAfterCancelReturnsMidUtterance() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        short[] speech = TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, engine().sampleRate());
        feed(stream, Arrays.copyOf(speech, speech.length / 2));
        Calls.quick("cancel()", stream::cancel);
        log.close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(log.violations().isEmpty(), "callbacks after cancel(): " + log.violations());
    }

    @Test
    void deliversNothingAfterCancelReturnsRightAfterEndUtterance() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        feed(stream, TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, engine().sampleRate()));
        Calls.quick("endUtterance()", stream::endUtterance);
        Calls.quick("cancel()", stream::cancel);
        log.close("cancel()");
        Calls.sleep(TckBounds.QUIET_WINDOW_MS);
        assertTrue(log.violations().isEmpty(), "callbacks after cancel(): " + log.violations());
        Calls.quick("second cancel()", stream::cancel);
    }

    @Test
    void deliversNothingForAnUtteranceResetDroppedAndStaysUsable() {
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        try {
            int rate = engine().sampleRate();
            feed(stream, TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, rate));
            Calls.quick("reset()", stream::reset);
            log.close("reset()");
            Calls.sleep(TckBounds.QUIET_WINDOW_MS);
            assertTrue(log.violations().isEmpty(), "callbacks for the utterance reset() dropped: "
                    + log.violations());
            log.reopen();
            feed(stream, TckAudio.padded(TckAudio.SPEECH_RMS, 300, 300, rate));
            Calls.quick("endUtterance()", stream::endUtterance);
            awaitFinal(log);
            Calls.sleep(TckBounds.QUIET_WINDOW_MS);
            assertEquals(1, log.count("final"), "only the utterance after reset() gets a final: " + log.names());
            assertNoErrors(log);
        } finally {
            stream.cancel();
        }
    }

    @Test
    void servesTwoStreamsAtOnceIndependently() throws Exception {
        CallbackLog logA = new CallbackLog();
        CallbackLog logB = new CallbackLog();
        SttStream a = open(logA);
        SttStream b = open(logB);
        try {
            short[] speech = TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, engine().sampleRate());
            AtomicReference<Throwable> otherFailed = new AtomicReference<>();
            Thread other = Thread.ofPlatform().name("tck-second-session").start(() -> {
                try {
                    feed(b, speech);
                    Calls.quick("endUtterance()", b::endUtterance);
                } catch (Throwable t) {
                    otherFailed.set(t);
                }
            });
            feed(a, speech);
            Calls.quick("endUtterance()", a::endUtterance);
            other.join(TckBounds.ANSWER_MS);
            if (otherFailed.get() != null) {
                fail("second session: " + otherFailed.get().getMessage(), otherFailed.get());
            }
            CallbackLog.Entry finA = awaitFinal(logA);
            CallbackLog.Entry finB = awaitFinal(logB);
            Calls.sleep(TckBounds.QUIET_WINDOW_MS / 2);
            assertEquals(1, logA.count("final"), "stream A: " + logA.names());
            assertEquals(1, logB.count("final"), "stream B: " + logB.names());
            assertNoErrors(logA);
            assertNoErrors(logB);
            wordRecognisedInSpeech().ifPresent(word -> {
                assertTrue(finA.detail().toLowerCase(Locale.ROOT).contains(word), "stream A final " + finA);
                assertTrue(finB.detail().toLowerCase(Locale.ROOT).contains(word), "stream B final " + finB);
            });
        } finally {
            a.cancel();
            b.cancel();
        }
    }

    @Test
    void leavesNoNonDaemonThreadRunningAfterCancel() {
        Set<Long> before = liveThreadIds();
        CallbackLog log = new CallbackLog();
        SttStream stream = open(log);
        feed(stream, TckAudio.padded(TckAudio.SPEECH_SLT, 300, 300, engine().sampleRate()));
        Calls.quick("endUtterance()", stream::endUtterance);
        awaitFinal(log);
        stream.cancel();
        List<Thread> left = List.of();
        for (int i = 0; i < 20; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t.threadId()))
                    .collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            Calls.sleep(100);
        }
        fail("non-daemon threads still running 2 s after cancel(): "
                + left.stream().map(Thread::getName).toList());
    }

    private static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
    }

    private SttStream open(CallbackLog log) {
        // open() may take time (a decoder per session); the SPI asks only the stream's calls not to block.
        SttStream stream = engine().open(new SttListener() {
            @Override
            public void onPartial(String text) {
                log.record("partial", text);
            }

            @Override
            public void onFinal(String text) {
                log.record(text == null ? "null-final" : "final", text);
            }

            @Override
            public void onError(Throwable error) {
                log.record("error", String.valueOf(error));
            }
        });
        assertNotNull(stream, "open() returned null");
        return stream;
    }

    private void feed(SttStream stream, short[] pcm) {
        int rate = engine().sampleRate();
        int chunk = rate / 1000 * CHUNK_MS;
        for (int at = 0; at < pcm.length; at += chunk) {
            short[] part = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + chunk));
            Calls.quick("accept()", () -> stream.accept(new AudioChunk(part, rate)));
        }
    }

    private static CallbackLog.Entry awaitFinal(CallbackLog log) {
        CallbackLog.Entry fin = log.await(e -> !e.name().equals("partial"),
                TckBounds.ANSWER_MS);
        assertNotNull(fin, "no onFinal within " + TckBounds.ANSWER_MS + " ms of endUtterance(): " + log.names());
        assertEquals("final", fin.name(), "expected onFinal with a text (possibly empty, never null), got " + fin);
        return fin;
    }

    private static void assertNoErrors(CallbackLog log) {
        List<String> errors = log.entries().stream().filter(e -> e.name().equals("error")).map(Object::toString)
                .toList();
        assertTrue(errors.isEmpty(), "onError on well-formed speech: " + errors);
    }
}
