package dev.parley.runtime.vad.testing;

import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.input.vad.VadTiming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What every VAD must do on the real-audio scenes ({@link VadScenes}), judged through the runtime's
 * SpeechSegmenter with the default timing (min speech 100 ms, hangover 300 ms). A VAD's test class extends this
 * and supplies its engine; the energy VAD and Silero are held to the same checks. Speech boundaries must be
 * within ±100 ms where the audio is clean; in noise a VAD may state a looser offset bound, with the measured
 * errors printed.
 */
public abstract class VadSceneContract {
    protected static final double DEFAULT_THRESHOLD = 0.5;

    /** The engine under test (shared by the tests of the class). */
    protected abstract VadEngine engine();

    /** Short name for the printed results. */
    protected abstract String vadName();

    /** Offset tolerance in white noise at 10 dB SNR. */
    protected int whiteNoiseOffsetToleranceMs() {
        return 100;
    }

    /** Offset tolerance in speech-shaped noise at 10 dB SNR. */
    protected int speechShapedNoiseOffsetToleranceMs() {
        return 100;
    }

    private VadRun.Result run(VadScenes.Scene scene, double threshold) {
        return VadRun.run(engine(), scene.pcm(), threshold, VadTiming.DEFAULTS);
    }

    @Test
    void findsOnsetAndOffsetOfSpeechInQuietWithin100ms() {
        VadScenes.Scene scene = VadScenes.speechInQuiet();
        SegmentCheck.assertBoundaries(vadName(), scene, run(scene, DEFAULT_THRESHOLD), 100);
    }

    @Test
    void findsSpeechThatStartsAtTheFirstSampleWithin100ms() {
        VadScenes.Scene scene = VadScenes.speechAtStart();
        SegmentCheck.assertBoundaries(vadName(), scene, run(scene, DEFAULT_THRESHOLD), 100);
    }

    @Test
    void findsSpeechInWhiteNoiseAt10dbSnr() {
        VadScenes.Scene scene = VadScenes.speechInWhiteNoise(10);
        SegmentCheck.assertBoundaries(vadName(), scene, run(scene, DEFAULT_THRESHOLD), 100,
                whiteNoiseOffsetToleranceMs());
    }

    @Test
    void findsSpeechInSpeechShapedNoiseAt10dbSnr() {
        VadScenes.Scene scene = VadScenes.speechInSpeechShapedNoise(10);
        SegmentCheck.assertBoundaries(vadName(), scene, run(scene, DEFAULT_THRESHOLD), 100,
                speechShapedNoiseOffsetToleranceMs());
    }

    @Test
    void staysSilentOnLoudWhiteNoise() {
        VadScenes.Scene scene = VadScenes.whiteNoise();
        SegmentCheck.assertSilent(vadName(), scene, run(scene, DEFAULT_THRESHOLD));
    }

    @Test
    void staysSilentOnSpeechShapedModulatedNoise() {
        VadScenes.Scene scene = VadScenes.speechShapedNoise();
        SegmentCheck.assertSilent(vadName(), scene, run(scene, DEFAULT_THRESHOLD));
    }

    /** The protocol threshold keeps its meaning across its useful range: speech found, noise ignored. */
    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(doubles = {0.4, 0.6, 0.7, 0.8, 0.9})
    void thresholdsFrom04To09KeepSpeechAndRejectNoise(double threshold) {
        VadScenes.Scene speech = VadScenes.speechInQuiet();
        SegmentCheck.assertBoundaries(vadName() + "@" + threshold, speech, run(speech, threshold), 100);
        for (VadScenes.Scene noise : new VadScenes.Scene[] {VadScenes.whiteNoise(), VadScenes.speechShapedNoise()}) {
            SegmentCheck.assertSilent(vadName() + "@" + threshold, noise, run(noise, threshold));
        }
    }
}
