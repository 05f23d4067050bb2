package dev.parley.runtime.webrtc;

import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output the session can have reaches the 48 kHz track as the same sound: one second of a 440 Hz tone, fed
 * in uneven chunks as a response's audio arrives, comes out as one second at 48 kHz (within the resampler's 1 ms),
 * at 440 Hz and at its level, whether it started as PCM16 at 8, 16, 24 or 48 kHz or as G.711 μ-law / A-law.
 */
class TrackAudioTest {
    private static final int TONE_HZ = 440;
    private static final double AMPLITUDE = 8000;

    private static short[] tone(int rate) {
        short[] s = new short[rate];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / rate));
        }
        return s;
    }

    private static TrackAudio converter(String source, int rate) {
        return switch (source) {
            case "pcmu" -> TrackAudio.of(WireFormat.PCMU);
            case "pcma" -> TrackAudio.of(WireFormat.PCMA);
            default -> TrackAudio.pcm16(rate);
        };
    }

    private static byte[] encode(String source, short[] pcm) {
        return switch (source) {
            case "pcmu" -> WireCodec.encode(WireFormat.PCMU, pcm, 0, pcm.length);
            case "pcma" -> WireCodec.encode(WireFormat.PCMA, pcm, 0, pcm.length);
            default -> WireCodec.encode(WireFormat.PCM16_24K, pcm, 0, pcm.length); // little-endian PCM16
        };
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @CsvSource({"pcm16, 8000", "pcm16, 16000", "pcm16, 24000", "pcm16, 48000", "pcmu, 8000", "pcma, 8000"})
    void oneSecondOfToneBecomesOneSecondAt48kHzAtTheSamePitchAndLevel(String source, int rate) throws Exception {
        TrackAudio track = converter(source, rate);
        assertEquals(rate, track.sourceRate());
        byte[] wire = encode(source, tone(rate));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bytesPerSample = source.equals("pcm16") ? 2 : 1;
        int at = 0;
        for (int chunk = 0; at < wire.length; chunk++) {
            int ms = 7 + (chunk * 13) % 40; // uneven chunks, as TTS clauses arrive
            int n = Math.min(wire.length - at, rate / 1000 * ms * bytesPerSample);
            byte[] piece = java.util.Arrays.copyOfRange(wire, at, at + n);
            out.write(track.toTrack(piece));
            at += n;
        }
        out.write(track.flush());
        byte[] b = out.toByteArray();
        short[] s = new short[b.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
        }
        assertTrue(Math.abs(s.length - TrackAudio.TRACK_RATE) <= 48, s.length + " samples for 1 s");

        // the middle 0.8 s (away from the filter's edges): pitch by zero crossings, level by RMS
        int from = TrackAudio.TRACK_RATE / 10;
        int to = s.length - TrackAudio.TRACK_RATE / 10;
        int crossings = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            if ((s[i - 1] < 0) != (s[i] < 0)) {
                crossings++;
            }
            sum += (double) s[i] * s[i];
        }
        double seconds = (to - from) / (double) TrackAudio.TRACK_RATE;
        double hz = crossings / 2.0 / seconds;
        double rms = Math.sqrt(sum / (to - from));
        double expectedRms = AMPLITUDE / Math.sqrt(2);
        System.out.printf("track audio %s %d Hz → 48 kHz: %d samples, %.1f Hz, rms %.0f (expected %.0f)%n",
                source, rate, s.length, hz, rms, expectedRms);
        assertEquals(TONE_HZ, hz, 3, "pitch");
        assertEquals(expectedRms, rms, expectedRms * 0.05, "level");
    }

    @ParameterizedTest(name = "{0} at {1} Hz")
    @CsvSource({"pcm16, 8000", "pcm16, 16000", "pcm16, 24000", "pcmu, 8000"})
    void thePlayoutHandsTheTrack10msFramesAt48kHzAndCountsPlayedTimeInMs(String source, int rate) {
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        AudioPlayout playout = new AudioPlayout(frames::add, new PlayoutListener() {
            @Override
            public void started(String responseId) {
            }

            @Override
            public void stopped(String responseId) {
            }
        });
        TrackAudio track = converter(source, rate);
        playout.enqueue("resp_1", "item_1", track.toTrack(encode(source, tone(rate))));
        for (int i = 0; i < 25; i++) {
            byte[] f = playout.nextFrame();
            assertEquals(480 * 2, f.length, "10 ms at 48 kHz, PCM16 mono");
        }
        assertEquals(250, playout.clear().playedMs(), "250 ms heard, whatever the source rate");
    }
}
