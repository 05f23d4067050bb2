package dev.parley.runtime.input;

import dev.parley.api.denoise.DenoiseEngine;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double for the wiring of the denoise stage: each 10 ms frame is scaled by the profile's gain, so a test can
 * tell from what the (scripted) VAD sees whether and how the frames went through it. The real suppressor is tested
 * in plugins/denoise-speexdsp.
 */
final class ScalingDenoise implements DenoiseEngine {
    final double nearGain;
    final double farGain;
    /** Every profile a stream was opened with or retuned to, in order; "closed" when one closed. */
    final List<String> log = new CopyOnWriteArrayList<>();
    volatile int frameLength = -1;

    ScalingDenoise(double nearGain, double farGain) {
        this.nearGain = nearGain;
        this.farGain = farGain;
    }

    @Override
    public DenoiseStream open(int sampleRate, NoiseProfile profile) {
        log.add("open:" + profile.wireName());
        int frameSamples = sampleRate / 100;
        return new DenoiseStream() {
            private double gain = gain(profile);

            @Override
            public int frameSamples() {
                return frameSamples;
            }

            @Override
            public void process(short[] frame) {
                frameLength = frame.length;
                if (frame.length != frameSamples) {
                    throw new IllegalArgumentException("frame of " + frame.length);
                }
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = (short) Math.round(frame[i] * gain);
                }
            }

            @Override
            public void profile(NoiseProfile next) {
                log.add("profile:" + next.wireName());
                gain = gain(next);
            }

            @Override
            public void close() {
                log.add("closed");
            }
        };
    }

    private double gain(NoiseProfile p) {
        return p == NoiseProfile.NEAR_FIELD ? nearGain : farGain;
    }
}
