package dev.parley.plugins.speexdsp;

import com.sun.jna.Pointer;
import dev.parley.api.denoise.DenoiseStream;
import dev.parley.api.denoise.NoiseProfile;

/**
 * One session's Speex preprocessor state: spectral noise suppression only (AGC, VAD and dereverberation off, so
 * the runtime's VAD and the recogniser see the speech level the caller sent). The noise estimate adapts over the
 * first few hundred milliseconds and keeps adapting; a profile change retunes the attenuation limit only.
 */
final class SpeexDenoiseStream implements DenoiseStream {
    private final SpeexNatives.SpeexDsp dsp;
    private final SpeexDenoiseConfig config;
    private final int frameSamples;
    private Pointer state;

    SpeexDenoiseStream(SpeexNatives.SpeexDsp dsp, SpeexDenoiseConfig config, int sampleRate, NoiseProfile profile) {
        this.dsp = dsp;
        this.config = config;
        this.frameSamples = sampleRate * config.frameMs() / 1000;
        this.state = dsp.speex_preprocess_state_init(frameSamples, sampleRate);
        if (state == null) {
            throw new IllegalStateException("speex_preprocess_state_init(" + frameSamples + ", " + sampleRate
                    + ") failed");
        }
        set(SpeexNatives.SET_DENOISE, 1);
        set(SpeexNatives.SET_AGC, 0);
        // The library's VAD is off by default; setting it, even to 0, prints a warning to stderr per stream.
        set(SpeexNatives.SET_DEREVERB, 0);
        profile(profile);
    }

    @Override
    public int frameSamples() {
        return frameSamples;
    }

    @Override
    public void process(short[] frame) {
        if (frame.length != frameSamples) {
            throw new IllegalArgumentException("a frame has " + frameSamples + " samples, got " + frame.length);
        }
        dsp.speex_preprocess_run(live(), frame);
    }

    @Override
    public void profile(NoiseProfile profile) {
        set(SpeexNatives.SET_NOISE_SUPPRESS, config.suppressDb(profile));
    }

    /** The attenuation limit now in effect, as the library reports it (dB). */
    int suppressDb() {
        int[] value = new int[1];
        dsp.speex_preprocess_ctl(live(), SpeexNatives.GET_NOISE_SUPPRESS, value);
        return value[0];
    }

    private void set(int request, int value) {
        dsp.speex_preprocess_ctl(live(), request, new int[] {value});
    }

    private Pointer live() {
        if (state == null) {
            throw new IllegalStateException("denoise stream closed");
        }
        return state;
    }

    @Override
    public void close() {
        if (state != null) {
            dsp.speex_preprocess_state_destroy(state);
            state = null;
        }
    }
}
