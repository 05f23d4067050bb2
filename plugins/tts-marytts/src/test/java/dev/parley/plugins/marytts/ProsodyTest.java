package dev.parley.plugins.marytts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.tts.VoiceSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Speed, pitch and voice choices measurably change the audio MaryTTS produces. */
class ProsodyTest {
    private static final String TEXT = "The quick brown fox jumps over the lazy dog near the river bank.";
    private static final int RATE = 48_000;
    private static double baseSeconds;
    private static double baseF0;

    private final MaryTtsEngine engine = TestEngines.standard();

    @BeforeAll
    static void baseline() throws Exception {
        short[] s = TestEngines.speak(TestEngines.standard(), TEXT, VoiceSettings.DEFAULT).samples();
        baseSeconds = AudioAnalysis.speechSeconds(s, RATE);
        baseF0 = AudioAnalysis.medianF0(s, RATE);
        System.out.printf("baseline: %.2f s, F0 %.1f Hz%n", baseSeconds, baseF0);
        assertTrue(baseSeconds > 2 && baseF0 > 120 && baseF0 < 260, "cmu-slt-hsmm is a female voice: " + baseF0);
    }

    @Test
    void fasterSpeechIsShorter() throws Exception {
        double fast = seconds(new VoiceSettings(null, 1.5, 0));
        System.out.printf("speed 1.5: %.2f s (%.0f %% of 1.0)%n", fast, 100 * fast / baseSeconds);
        assertTrue(fast < 0.8 * baseSeconds, fast + " vs " + baseSeconds);
    }

    @Test
    void slowerSpeechIsLonger() throws Exception {
        double slow = seconds(new VoiceSettings(null, 0.5, 0));
        double slowest = seconds(new VoiceSettings(null, 0.25, 0));
        System.out.printf("speed 0.5: %.2f s, speed 0.25: %.2f s (1.0: %.2f s)%n", slow, slowest, baseSeconds);
        assertTrue(slow > 1.5 * baseSeconds, slow + " vs " + baseSeconds);
        assertTrue(slowest > 1.3 * slow, slowest + " vs " + slow);
    }

    @Test
    void pitchShiftMovesTheFundamentalBySemitones() throws Exception {
        double up = f0(new VoiceSettings(null, 1, 4));
        double down = f0(new VoiceSettings(null, 1, -4));
        double expected = Math.pow(2, 4 / 12.0); // 1.26
        System.out.printf("pitch +4 st: %.1f Hz (x%.3f), -4 st: %.1f Hz (x%.3f), expected x%.3f / x%.3f%n",
                up, up / baseF0, down, down / baseF0, expected, 1 / expected);
        assertTrue(Math.abs(up / baseF0 - expected) < 0.08, "up ratio " + up / baseF0);
        assertTrue(Math.abs(down / baseF0 - 1 / expected) < 0.06, "down ratio " + down / baseF0);
    }

    @Test
    void maleAliasSpeaksLowerThanFemaleAlias() throws Exception {
        double coral = f0(new VoiceSettings("coral", 1, 0));
        double echo = f0(new VoiceSettings("echo", 1, 0));
        System.out.printf("voice coral: %.1f Hz, echo: %.1f Hz (x%.3f)%n", coral, echo, echo / coral);
        assertTrue(echo < 0.75 * coral, echo + " vs " + coral);
        assertTrue(echo > 85 && echo < 140, "echo in a male F0 range: " + echo);
    }

    @Test
    void lowVoiceHasLowerFormantsNotOnlyLowerPitch() throws Exception {
        // Same pitch (-7 st) on both sides, so only the spectral envelope differs.
        short[] slt = TestEngines.speak(engine, TEXT, new VoiceSettings("cmu-slt-hsmm", 1, -7)).samples();
        short[] low = TestEngines.speak(engine, TEXT, new VoiceSettings("cmu-slt-hsmm-low", 1, 0)).samples();
        double sltF0 = AudioAnalysis.medianF0(slt, RATE);
        double lowF0 = AudioAnalysis.medianF0(low, RATE);
        double sltCentroid = AudioAnalysis.spectralCentroid(slt, RATE);
        double lowCentroid = AudioAnalysis.spectralCentroid(low, RATE);
        System.out.printf("at -7 st: cmu-slt-hsmm F0 %.1f Hz centroid %.0f Hz; cmu-slt-hsmm-low F0 %.1f Hz centroid %.0f Hz (x%.3f)%n",
                sltF0, sltCentroid, lowF0, lowCentroid, lowCentroid / sltCentroid);
        assertTrue(Math.abs(lowF0 / sltF0 - 1) < 0.08, "same pitch: " + lowF0 + " vs " + sltF0);
        assertTrue(lowCentroid < 0.97 * sltCentroid, lowCentroid + " vs " + sltCentroid);
    }

    private double seconds(VoiceSettings s) throws Exception {
        return AudioAnalysis.speechSeconds(TestEngines.speak(engine, TEXT, s).samples(), RATE);
    }

    private double f0(VoiceSettings s) throws Exception {
        return AudioAnalysis.medianF0(TestEngines.speak(engine, TEXT, s).samples(), RATE);
    }
}
