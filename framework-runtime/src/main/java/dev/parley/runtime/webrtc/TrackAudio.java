package dev.parley.runtime.webrtc;

import dev.parley.runtime.audio.StreamingResampler;
import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;

/**
 * The agent's audio, in whatever the session's output is (PCM16 at 24 kHz, G.711 μ-law or A-law at 8 kHz, or PCM16
 * at another rate), as the 48 kHz mono PCM16 the call's Opus track is fed: Opus codes at 48 kHz, so pushing 48 kHz
 * leaves libwebrtc no resampling of its own and makes the track's rate independent of the pipeline's. One stream at
 * a time: the resampler's history carries across chunks of one response and is {@link #reset} between responses.
 */
public final class TrackAudio {
    /** The track's rate: Opus's native rate. */
    public static final int TRACK_RATE = 48_000;

    private final WireFormat format;
    private final int sourceRate;
    private final StreamingResampler resampler;

    private TrackAudio(WireFormat format, int sourceRate) {
        this.format = format;
        this.sourceRate = sourceRate;
        this.resampler = new StreamingResampler(sourceRate, TRACK_RATE);
    }

    /** Audio in one of the protocol's wire formats, at that format's rate. */
    public static TrackAudio of(WireFormat format) {
        return new TrackAudio(format, format.sampleRate());
    }

    /** PCM16 little-endian mono at {@code sampleRate} (a pipeline's raw TTS rate, e.g. 16 kHz). */
    public static TrackAudio pcm16(int sampleRate) {
        return new TrackAudio(WireFormat.PCM16_24K, sampleRate);
    }

    public int sourceRate() {
        return sourceRate;
    }

    public WireFormat format() {
        return format;
    }

    /** Whether this converts {@code f} at its own rate (no new converter is needed when the session's is that). */
    public boolean converts(WireFormat f) {
        return format == f && sourceRate == f.sampleRate();
    }

    /** One chunk of source audio as 48 kHz PCM16 bytes (a trailing odd PCM16 byte is dropped). */
    public byte[] toTrack(byte[] source) {
        short[] pcm = WireCodec.decode(format, source);
        return bytes(resampler.isIdentity() ? pcm : resampler.process(pcm, 0, pcm.length));
    }

    /** The resampler's held-back tail (about 1 ms) at the end of a stream; empty at 48 kHz. */
    public byte[] flush() {
        return resampler.isIdentity() ? new byte[0] : bytes(resampler.flush());
    }

    /** Forgets the previous stream (a new response, or after a barge-in threw the rest away). */
    public void reset() {
        resampler.reset();
    }

    private static byte[] bytes(short[] s) {
        byte[] b = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            b[2 * i] = (byte) s[i];
            b[2 * i + 1] = (byte) (s[i] >> 8);
        }
        return b;
    }
}
