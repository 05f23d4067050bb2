package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.vad.VadEngine;
import dev.parley.runtime.vad.VadTiming;
import dev.parley.runtime.vad.testing.SegmentCheck;
import dev.parley.runtime.vad.testing.VadRun;
import dev.parley.runtime.vad.testing.VadScenes;
import org.junit.jupiter.api.Test;

/**
 * The energy VAD on real flite speech placed at known offsets (testdata/vad), through the runtime's
 * SpeechSegmenter with the default threshold 0.5 and default timing (min speech 100 ms, hangover 200 ms).
 */
class EnergyVadSceneTest {
    private static final double THRESHOLD = 0.5;
    private final VadEngine engine = new EnergyVadProvider().create(ComponentConfig.empty());

    private VadRun.Result run(VadScenes.Scene scene) {
        return VadRun.run(engine, scene.pcm(), THRESHOLD, VadTiming.DEFAULTS);
    }

    @Test
    void findsOnsetAndOffsetOfSpeechInQuietWithin100ms() {
        VadScenes.Scene scene = VadScenes.speechInQuiet();
        SegmentCheck.assertBoundaries("energy", scene, run(scene), 100);
    }

    @Test
    void findsSpeechInWhiteNoiseAt10dbSnr() {
        VadScenes.Scene scene = VadScenes.speechInWhiteNoise(10);
        SegmentCheck.assertBoundaries("energy", scene, run(scene), 100);
    }

    @Test
    void staysSilentOnLoudWhiteNoise() {
        VadScenes.Scene scene = VadScenes.whiteNoise();
        SegmentCheck.assertSilent("energy", scene, run(scene));
    }

    @Test
    void staysSilentOnSpeechShapedModulatedNoise() {
        VadScenes.Scene scene = VadScenes.speechShapedNoise();
        SegmentCheck.assertSilent("energy", scene, run(scene));
    }
}
