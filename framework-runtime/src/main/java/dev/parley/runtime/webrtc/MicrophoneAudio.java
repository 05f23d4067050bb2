package dev.parley.runtime.webrtc;

import dev.parley.runtime.audio.StreamingResampler;

/**
 * The remote track's decoded audio (libwebrtc hands it over as 10 ms of PCM16 at its playout rate, usually
 * 48 kHz, mono or stereo) as the 24 kHz mono PCM16 the session's input takes. One per call, on the audio thread.
 */
final class MicrophoneAudio {
    static final int OUT_RATE = 24_000;
    private StreamingResampler resampler;

    byte[] convert(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        if (bitsPerSample != 16 || channels < 1 || frames <= 0) {
            return new byte[0];
        }
        short[] mono = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = (i * channels + c) * 2;
                sum += (short) ((data[at] & 0xff) | (data[at + 1] << 8));
            }
            mono[i] = (short) (sum / channels);
        }
        if (resampler == null || resampler.inRate() != sampleRate) {
            resampler = new StreamingResampler(sampleRate, OUT_RATE);
        }
        short[] out = resampler.isIdentity() ? mono : resampler.process(mono, 0, mono.length);
        byte[] bytes = new byte[out.length * 2];
        for (int i = 0; i < out.length; i++) {
            bytes[2 * i] = (byte) out[i];
            bytes[2 * i + 1] = (byte) (out[i] >> 8);
        }
        return bytes;
    }
}
