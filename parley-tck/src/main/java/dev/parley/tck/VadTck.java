package dev.parley.tck;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.api.vad.VadStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static dev.parley.tck.TckAudio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conformance suite for voice activity detectors ({@link VadProvider}, {@link VadEngine}, {@link VadStream}),
 * on the kit's own fixtures: two flite utterances at 1.0 s and 5.0 s in a quiet room (-60 dBFS hiss), and 5 s of
 * loud white noise and of speech-shaped, syllable-rate modulated noise (as loud as the speech, no voice in it).
 * Probabilities go through the runtime's onset/offset rule at the default threshold 0.5 ({@link VadSegments}).
 * It checks:
 * <ul>
 *   <li>a positive rate and frame size, the frame a whole number of milliseconds;</li>
 *   <li>every probability in [0, 1];</li>
 *   <li>one onset and one offset per utterance, each within {@link TckBounds#VAD_BOUNDARY_MS} of the truth;</li>
 *   <li>no onset on either noise;</li>
 *   <li>after {@code reset()} a used stream segments the track as well as a fresh one;</li>
 *   <li>streams are independent: two streams fed frame by frame in turns (one speech, one noise) give what each
 *       gives alone.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class VadTck {
    private static final int FIRST_AT_MS = 1000;
    private static final int SECOND_AT_MS = 5000;
    private static final int TRACK_MS = 9500;
    private VadEngine engine;

    /** The provider under test. */
    protected abstract VadProvider provider();

    /** The stage's {@code config:} block; empty by default. */
    protected ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** The engine, created from {@link #provider()} and {@link #config()} on first use. */
    protected final VadEngine engine() {
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
    void declaresWholeMillisecondFrames() {
        int rate = engine().sampleRate();
        int frame = engine().frameSamples();
        assertTrue(rate > 0 && frame > 0, "rate " + rate + " and frame " + frame + " must be positive");
        assertEquals(0, frame * 1000 % rate, "a frame of " + frame + " samples at " + rate
                + " Hz is not a whole number of ms");
    }

    @Test
    void findsOnsetAndOffsetOfEachUtterance() {
        VadSegments.Result r = runFresh(speechTrack());
        assertProbabilities(r);
        assertBoundaries("speech in a quiet room", r);
    }

    @Test
    void staysSilentOnLoudWhiteNoise() {
        VadSegments.Result r = runFresh(noiseTrack(WHITE_NOISE));
        assertProbabilities(r);
        assertTrue(r.segments().isEmpty(), "speech detected in white noise: " + r.segments() + " (max probability "
                + r.max() + ")");
    }

    @Test
    void staysSilentOnSpeechShapedNoise() {
        VadSegments.Result r = runFresh(noiseTrack(SPEECH_SHAPED_NOISE));
        assertProbabilities(r);
        assertTrue(r.segments().isEmpty(), "speech detected in speech-shaped noise without voice: "
                + r.segments() + " (max probability " + r.max() + ")");
    }

    @Test
    void forgetsItsHistoryOnReset() {
        try (VadStream stream = engine().open()) {
            VadSegments.run(engine(), stream, noiseTrack(WHITE_NOISE));
            VadSegments.run(engine(), stream, speechTrack());
            stream.reset();
            VadSegments.Result r = VadSegments.run(engine(), stream, speechTrack());
            assertBoundaries("speech in a quiet room after reset()", r);
        }
    }

    @Test
    void keepsEachStreamsStateApart() {
        short[] speech = speechTrack();
        short[] noise = noiseTrack(SPEECH_SHAPED_NOISE);
        VadSegments.Result aloneSpeech = runFresh(speech);
        VadSegments.Result aloneNoise = runFresh(noise);
        int frame = engine().frameSamples();
        int frames = Math.min(speech.length, noise.length) / frame;
        List<String> diffs = new ArrayList<>();
        try (VadStream a = engine().open(); VadStream b = engine().open()) {
            for (int f = 0; f < frames; f++) {
                float pa = a.speechProbability(slice(speech, f, frame));
                float pb = b.speechProbability(slice(noise, f, frame));
                if (Math.abs(pa - aloneSpeech.probabilities()[f]) > 1e-3 && diffs.size() < 5) {
                    diffs.add("speech frame " + f + ": " + pa + " interleaved vs " + aloneSpeech.probabilities()[f]);
                }
                if (Math.abs(pb - aloneNoise.probabilities()[f]) > 1e-3 && diffs.size() < 5) {
                    diffs.add("noise frame " + f + ": " + pb + " interleaved vs " + aloneNoise.probabilities()[f]);
                }
            }
        }
        assertTrue(diffs.isEmpty(), "streams share state: " + diffs);
    }

    private static short[] slice(short[] pcm, int f, int frame) {
        short[] out = new short[frame];
        System.arraycopy(pcm, f * frame, out, 0, frame);
        return out;
    }

    private VadSegments.Result runFresh(short[] pcm) {
        try (VadStream stream = engine().open()) {
            assertNotNull(stream, "open() returned null");
            return VadSegments.run(engine(), stream, pcm);
        }
    }

    private void assertProbabilities(VadSegments.Result r) {
        for (int i = 0; i < r.probabilities().length; i++) {
            float p = r.probabilities()[i];
            assertTrue(p >= 0 && p <= 1, "frame " + i + ": probability " + p + " outside [0, 1]");
        }
    }

    private void assertBoundaries(String scene, VadSegments.Result r) {
        List<VadSegments.Segment> truth = truth();
        assertEquals(truth.size(), r.segments().size(), scene + ": expected " + truth + ", detected "
                + r.segments());
        for (int i = 0; i < truth.size(); i++) {
            VadSegments.Segment t = truth.get(i);
            VadSegments.Segment d = r.segments().get(i);
            assertTrue(Math.abs(d.startMs() - t.startMs()) <= TckBounds.VAD_BOUNDARY_MS
                            && Math.abs(d.endMs() - t.endMs()) <= TckBounds.VAD_BOUNDARY_MS,
                    scene + ": utterance " + (i + 1) + " detected " + d + ", true " + t + ", beyond ±"
                            + TckBounds.VAD_BOUNDARY_MS + " ms");
        }
    }

    private List<VadSegments.Segment> truth() {
        return List.of(
                new VadSegments.Segment(FIRST_AT_MS, FIRST_AT_MS + durationMs(fixture(SPEECH_SLT))),
                new VadSegments.Segment(SECOND_AT_MS, SECOND_AT_MS + durationMs(fixture(SPEECH_RMS))));
    }

    private short[] speechTrack() {
        double[] track = quietRoom(TRACK_MS);
        add(track, fixture(SPEECH_SLT), FIRST_AT_MS);
        add(track, fixture(SPEECH_RMS), SECOND_AT_MS);
        return pcm16(resample(track, RATE, engine().sampleRate()));
    }

    private short[] noiseTrack(String noise) {
        double[] track = quietRoom(6000);
        add(track, atLevel(looped(fixture(noise), 5000), -20), 1000);
        return pcm16(resample(track, RATE, engine().sampleRate()));
    }
}
