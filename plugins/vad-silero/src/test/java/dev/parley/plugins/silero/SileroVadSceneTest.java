package dev.parley.plugins.silero;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.vad.VadTiming;
import dev.parley.runtime.vad.testing.SegmentCheck;
import dev.parley.runtime.vad.testing.VadRun;
import dev.parley.runtime.vad.testing.VadScenes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Silero v5 through the real ONNX model (build/models/silero_vad_v5.onnx, fetched by ./parley test) on flite
 * speech placed at known offsets, segmented by the runtime's SpeechSegmenter at threshold 0.5 with the default
 * timing (min speech 100 ms, hangover 300 ms).
 */
class SileroVadSceneTest {
    private static final double THRESHOLD = 0.5;
    private static VadEngine engine;

    @BeforeAll
    static void load() {
        engine = new SileroVadProvider().create(ComponentConfig.empty());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static VadRun.Result run(VadScenes.Scene scene) {
        return VadRun.run(engine, scene.pcm(), THRESHOLD, VadTiming.DEFAULTS);
    }

    @Test
    void findsOnsetAndOffsetOfSpeechInQuietWithin100ms() {
        VadScenes.Scene scene = VadScenes.speechInQuiet();
        SegmentCheck.assertBoundaries("silero", scene, run(scene), 100);
    }

    /**
     * In noise Silero's recurrent state keeps the probability above the release threshold for 2–4 frames after
     * the last word, so offsets come ~100–140 ms late here (onsets stay within ~60 ms): both utterances must
     * be found, with boundaries within 150 ms; the printed errors are the measured figures.
     */
    @Test
    void findsSpeechInWhiteNoiseAt10dbSnr() {
        VadScenes.Scene scene = VadScenes.speechInWhiteNoise(10);
        SegmentCheck.assertBoundaries("silero", scene, run(scene), 150);
    }

    @Test
    void staysSilentOnLoudWhiteNoise() {
        VadScenes.Scene scene = VadScenes.whiteNoise();
        SegmentCheck.assertSilent("silero", scene, run(scene));
    }

    @Test
    void staysSilentOnSpeechShapedModulatedNoise() {
        VadScenes.Scene scene = VadScenes.speechShapedNoise();
        SegmentCheck.assertSilent("silero", scene, run(scene));
    }
}
