package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.engine.InputSettings;
import dev.parley.runtime.engine.TurnDetection;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session's noise_reduction decides what VAD sees: the pipeline's denoise stage runs on the decoded audio
 * before the VAD frames only while the setting is non-null, a session.update switches it from the next append on,
 * and with whole 10 ms appends it adds no delay to onsets and turn ends. The suppressor is a scaling test double
 * (the scripted VAD calls a frame speech above RMS 1000; the harness tone has RMS ~5660).
 */
class InputDenoiseTest {
    private static final TurnDetection VAD = InputHarness.serverVad(300, 200, null);

    private static InputHarness harness(ScalingDenoise denoise, String noiseReduction) throws Exception {
        return new InputHarness(WireFormat.PCM16_24K, VAD, null, EarlyFinalPolicy.OFF, denoise, noiseReduction);
    }

    private static List<String> turns(InputHarness h) {
        return h.listener.events.stream().filter(e -> e.startsWith("st")).toList();
    }

    @Test
    void nullNoiseReductionLeavesTheAudioAlone() throws Exception {
        ScalingDenoise denoise = new ScalingDenoise(0.05, 0.05);
        InputHarness h = harness(denoise, null);
        h.append(500, false);
        h.append(500, true);
        h.append(500, false);
        assertEquals(List.of("started:1:200", "stopped:1:1220"), turns(h));
        assertEquals(List.of(), denoise.log, "no stream opened while noise_reduction is null");
    }

    @Test
    void nearFieldRunsTheSuppressorBeforeVad() throws Exception {
        ScalingDenoise denoise = new ScalingDenoise(0.05, 0.05); // tone RMS ~283 after it: below the VAD's 1000
        InputHarness h = harness(denoise, "near_field");
        h.append(500, false);
        h.append(500, true);
        h.append(500, false);
        assertEquals(List.of(), turns(h), "VAD saw the suppressed tone");
        assertEquals(List.of("open:near_field"), denoise.log);
        assertEquals(160, denoise.frameLength, "10 ms frames at the 16 kHz pipeline rate");
    }

    @Test
    void denoisingAddsNoDelayToOnsetAndTurnEnd() throws Exception {
        ScalingDenoise denoise = new ScalingDenoise(0.9, 0.9); // the tone stays speech
        InputHarness h = harness(denoise, "far_field");
        h.append(1000, false);
        h.append(1000, true);
        h.append(1000, false);
        // the same times as InputPathTest.onsetOffsetAndTurnEndTimesIncludePaddingAndAccumulate without denoising
        assertEquals(List.of("started:1:700", "stopped:1:2220"), turns(h));
        assertEquals(3000, h.input.audioMs());
    }

    @Test
    void aSessionUpdateSwitchesItOnTheNextAppend() throws Exception {
        ScalingDenoise denoise = new ScalingDenoise(0.05, 0.9);
        InputHarness h = harness(denoise, null);
        h.append(300, false);
        configure(h, "near_field");
        h.append(500, true); // suppressed: no onset
        assertEquals(List.of(), turns(h));
        configure(h, "far_field"); // retuned, same stream: the tone passes
        h.append(500, true);
        h.append(400, false);
        assertEquals(1, h.listener.starting("started").size(), turns(h).toString());
        configure(h, null);
        h.append(500, true);
        h.append(400, false);
        assertEquals(2, h.listener.starting("started").size(), turns(h).toString());
        assertEquals(List.of("open:near_field", "profile:far_field", "closed"), denoise.log);
        assertEquals(2600, h.input.audioMs(), "no audio lost or added across the switches");
    }

    @Test
    void withoutADenoiseStageTheSettingIsAcceptedAndHasNoEffect() throws Exception {
        InputHarness h = harness(null, "far_field");
        h.append(500, false);
        h.append(500, true);
        h.append(500, false);
        assertEquals(List.of("started:1:200", "stopped:1:1220"), turns(h));
    }

    @Test
    void oddAppendSizesLoseNoSamples() throws Exception {
        ScalingDenoise denoise = new ScalingDenoise(1.0, 1.0);
        InputDenoiser d = new InputDenoiser(denoise, 16000);
        d.align(16);
        long in = 0;
        long out = 0;
        int[] sizes = {7, 333, 160, 1, 999, 45};
        for (int round = 0; round < 20; round++) {
            if (round == 3) {
                d.configure(dev.parley.api.denoise.NoiseProfile.NEAR_FIELD);
            } else if (round == 11) {
                d.configure(null);
            } else if (round == 14) {
                d.configure(dev.parley.api.denoise.NoiseProfile.FAR_FIELD);
            }
            short[] chunk = new short[sizes[round % sizes.length]];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (short) (in + i);
            }
            short[] result = d.apply(chunk);
            for (int i = 0; i < result.length; i++) {
                assertEquals((short) (out + i), result[i], "sample " + (out + i) + " in order, unchanged at gain 1");
            }
            in += chunk.length;
            out += result.length;
            assertTrue(in - out >= 0 && in - out < 160, "held back less than one frame: " + (in - out));
        }
        d.close();
    }

    private static void configure(InputHarness h, String noiseReduction) throws Exception {
        h.onActor(() -> {
            h.input.configure(new InputSettings(h.format, VAD, noiseReduction));
            return null;
        });
    }
}
