package dev.parley.runtime.builtin.vad;

import dev.parley.api.ComponentConfig;
import dev.parley.api.ConfigException;
import dev.parley.api.vad.VadEngine;
import dev.parley.api.vad.VadProvider;
import dev.parley.api.vad.VadStream;
import dev.parley.runtime.vad.testing.VadAudio;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyVadProviderTest {
    @Test
    void isFoundThroughServiceLoaderAsEnergy() {
        VadProvider p = ServiceLoader.load(VadProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(v -> v.id().equals("energy")).findFirst().orElseThrow();
        try (VadEngine e = p.create(ComponentConfig.empty())) {
            assertEquals(16_000, e.sampleRate());
            assertEquals(320, e.frameSamples());
        }
    }

    @Test
    void frameMsSetsTheFrameSize() {
        VadEngine e = new EnergyVadProvider().create(new ComponentConfig(Map.of("frame_ms", 30), "t"));
        assertEquals(480, e.frameSamples());
    }

    @Test
    void badConfigNamesKeyAndSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> new EnergyVadProvider().create(
                new ComponentConfig(Map.of("frame_ms", 5), "pipelines/a.yaml:3 stages.vad.config")));
        assertTrue(e.getMessage().contains("frame_ms") && e.getMessage().contains("pipelines/a.yaml:3"),
                e.getMessage());
        assertThrows(ConfigException.class, () -> new EnergyVadProvider().create(
                new ComponentConfig(Map.of("unvoiced_weight", "lots"), "t")));
    }

    @Test
    void wrongFrameLengthIsRejectedAndTheStreamGoesOn() {
        try (VadStream s = new EnergyVadProvider().create(ComponentConfig.empty()).open()) {
            assertThrows(IllegalArgumentException.class, () -> s.speechProbability(new short[512]));
            assertTrue(s.speechProbability(new short[320]) < 0.01f, "digital silence must score ~0");
        }
    }

    @Test
    void voicedSpeechScoresHighAndResetReplaysIdentically() {
        short[] speech = VadAudio.pcm16(VadAudio.fixture("speech_slt.wav"));
        short[] quiet = VadAudio.pcm16(VadAudio.atLevel(VadAudio.fixture("white_noise.wav"), -60));
        try (VadStream s = new EnergyVadProvider().create(ComponentConfig.empty()).open()) {
            float[] first = run(s, quiet, speech);
            s.reset();
            float[] again = run(s, quiet, speech);
            assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(again));
            float max = 0;
            for (float p : first) {
                max = Math.max(max, p);
            }
            assertTrue(max > 0.9f, "voiced speech 40 dB above the room should score > 0.9, got " + max);
        }
    }

    private static float[] run(VadStream s, short[] lead, short[] speech) {
        short[] frame = new short[320];
        for (int f = 0; f + 320 <= lead.length; f += 320) {
            System.arraycopy(lead, f, frame, 0, 320);
            s.speechProbability(frame);
        }
        float[] out = new float[speech.length / 320];
        for (int f = 0; f < out.length; f++) {
            System.arraycopy(speech, f * 320, frame, 0, 320);
            out[f] = s.speechProbability(frame);
        }
        return out;
    }
}
