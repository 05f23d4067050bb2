package dev.parley.runtime.engine.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.runtime.engine.WireFormat;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rings copy in runs (System.arraycopy) and must keep exactly the newest data, whatever the add sizes. */
class RingCopyTest {

    @Test
    void sampleRingHoldsTheNewestSamplesAcrossWrapsAndOversizeAdds() {
        SampleRing ring = new SampleRing(100);
        short[] all = new short[20_000];
        int total = 0;
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int len = random.nextInt(4) == 0 ? 100 + random.nextInt(150) : random.nextInt(40);
            int off = random.nextInt(5);
            short[] chunk = new short[off + len];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (short) random.nextInt();
            }
            ring.add(chunk, off, len);
            System.arraycopy(chunk, off, all, total, len);
            total += len;
            int want = Math.min(total, 100);
            assertEquals(want, ring.size());
            int n = random.nextInt(120);
            int k = Math.min(n, want);
            assertArrayEquals(Arrays.copyOfRange(all, total - k, total), ring.last(n), "round " + round);
        }
    }

    @Test
    void wireRecorderPrefixIsTheNewestWireAudio() {
        // 100 ms ring at 24 kHz pcm16 = 4800 bytes; appends of 0..9600 bytes
        WireRecorder rec = new WireRecorder(WireFormat.PCM16_24K, 100);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] chunk = new byte[2 * random.nextInt(random.nextInt(5) == 0 ? 4800 : 600)];
            random.nextBytes(chunk);
            rec.add(chunk);
            all.writeBytes(chunk);
            byte[] so = all.toByteArray();
            long prefixMs = random.nextInt(120);
            rec.startUtterance(prefixMs);
            int want = (int) Math.min(Math.min(so.length, 4800), 24 * prefixMs * 2);
            assertArrayEquals(Arrays.copyOfRange(so, so.length - want, so.length), rec.endUtterance(),
                    "round " + round);
        }
    }
}
