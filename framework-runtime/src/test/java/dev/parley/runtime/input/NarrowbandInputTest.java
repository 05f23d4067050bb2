package dev.parley.runtime.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.audio.WireCodec;
import dev.parley.runtime.engine.WireFormat;
import dev.parley.runtime.input.turn.EarlyFinalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code narrowband: zero_insertion} through the real input path (wire → decode → resampler → VAD frames →
 * {@link SttLink}): the recogniser gets the decoded 8 kHz samples zero-inserted, the VAD still segments as with
 * the ordinary resampler.
 */
class NarrowbandInputTest {

    @Test
    void theRecogniserGetsTheDecodedWireSamplesZeroInserted() throws Exception {
        short[] fed = fed(NarrowbandInput.ZERO_INSERTION);
        int offset = zeroInsertedFrom(fed);
        assertTrue(offset >= 0, "the even samples fed are not 2 × a run of the decoded wire samples");
        // the utterance starts 300 ms before the onset at 600 ms (±1 frame of the 1 ms resampler lag)
        assertTrue(Math.abs(offset - 2400) <= 160, "starts at wire sample " + offset);
    }

    /** zero_insertion_noise: the same zero-inserted samples plus the 4–8 kHz floor of RMS 71. */
    @Test
    void withNoiseTheDifferenceIsTheImageBandFloor() throws Exception {
        short[] clean = fed(NarrowbandInput.ZERO_INSERTION);
        short[] noisy = fed(NarrowbandInput.ZERO_INSERTION_NOISE);
        assertEquals(clean.length, noisy.length);
        double sum = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = noisy[i] - clean[i];
            sum += d * d;
        }
        double rms = Math.sqrt(sum / clean.length);
        assertTrue(Math.abs(rms - NarrowbandInput.IMAGE_NOISE_RMS) < 0.1 * NarrowbandInput.IMAGE_NOISE_RMS,
                "added RMS " + rms);
    }

    /** What the recogniser was fed for 600 ms silence, 500 ms tone, 400 ms silence; checks the VAD's events. */
    private static short[] fed(NarrowbandInput option) throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCMU, InputHarness.serverVad(300, 200, null), null,
                EarlyFinalPolicy.OFF, null, null, option);
        h.append(600, false);
        h.append(500, true);
        h.append(400, false);
        assertEquals(List.of("started:1:300", "stopped:1:1320", "completed:1:"),
                h.listener.events.stream().filter(e -> !e.startsWith("delta")).toList(), "VAD as with lowpass");
        short[] fed = concat(h.stt.fedAudio);
        assertTrue(fed.length > 16000, "fed " + fed.length);
        return fed;
    }

    private static int zeroInsertedFrom(short[] fed) {
        short[] wire = decodedWire();
        for (int o = 0; o + fed.length / 2 <= wire.length; o++) {
            if (matches(fed, wire, o)) {
                return o;
            }
        }
        return -1;
    }

    @Test
    void lowpassFeedsTheResampledAudioUnfolded() throws Exception {
        InputHarness h = new InputHarness(WireFormat.PCMU, InputHarness.serverVad(300, 200, null), null,
                EarlyFinalPolicy.OFF, null, null, NarrowbandInput.LOWPASS);
        h.append(600, false);
        h.append(500, true);
        h.append(400, false);
        short[] fed = concat(h.stt.fedAudio);
        int oddNonZero = 0;
        for (int i = 1; i < fed.length; i += 2) {
            oddNonZero += fed[i] != 0 ? 1 : 0;
        }
        assertTrue(oddNonZero > 3000, "odd samples carry the interpolated tone: " + oddNonZero);
    }

    /** fed[2j] == 2·wire[o + j] and fed[2j + 1] == 0 for every j (clipped as the fold clips). */
    private static boolean matches(short[] fed, short[] wire, int o) {
        int nonZero = 0;
        for (int j = 0; 2 * j < fed.length; j++) {
            int expected = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, 2 * wire[o + j]));
            if (fed[2 * j] != expected || (2 * j + 1 < fed.length && fed[2 * j + 1] != 0)) {
                return false;
            }
            nonZero += expected != 0 ? 1 : 0;
        }
        return nonZero > 3000;
    }

    /** What InputHarness appended, decoded: 600 ms silence, 500 ms of 440 Hz in 20 ms pieces, 400 ms silence. */
    private static short[] decodedWire() {
        short[] all = new short[8 * 1500];
        int at = 8 * 600;
        for (int done = 0; done < 500; done += 20) {
            short[] pcm = new short[160];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i + done * 8000 / 1000.0) / 8000));
            }
            short[] decoded = WireCodec.decode(WireFormat.PCMU, WireCodec.encode(WireFormat.PCMU, pcm, 0, 160));
            System.arraycopy(decoded, 0, all, at, 160);
            at += 160;
        }
        short[] silence = WireCodec.decode(WireFormat.PCMU, WireCodec.encode(WireFormat.PCMU, new short[1], 0, 1));
        for (int i = 0; i < all.length; i++) {
            if (i < 8 * 600 || i >= 8 * 1100) {
                all[i] = silence[0];
            }
        }
        return all;
    }

    private static short[] concat(List<short[]> chunks) {
        int n = chunks.stream().mapToInt(c -> c.length).sum();
        short[] out = new short[n];
        int at = 0;
        for (short[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }
}
