package dev.parley.runtime.input;

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
        // nominal 100 ms (4800 bytes at 24 kHz pcm16): what a prefix can reach, whatever is kept physically
        WireRecorder rec = new WireRecorder(WireFormat.PCM16_24K, 100);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            byte[] chunk = new byte[2 * random.nextInt(random.nextInt(5) == 0 ? 4800 : 600)];
            random.nextBytes(chunk);
            rec.add(chunk);
            all.writeBytes(chunk);
            byte[] so = all.toByteArray();
            assertEquals(Math.min(so.length, 4800) / 48, rec.ringMs());
            long prefixMs = random.nextInt(120);
            rec.startUtterance(prefixMs);
            int want = (int) Math.min(Math.min(so.length, 4800), 24 * prefixMs * 2);
            assertArrayEquals(Arrays.copyOfRange(so, so.length - want, so.length), rec.endUtterance(),
                    "round " + round);
        }
    }

    /** Utterances of every length, short (kept in the ring) and long (spilled), with appends of every size. */
    @Test
    void wireRecorderUtteranceIsEverythingSinceItsStart() {
        WireRecorder rec = new WireRecorder(WireFormat.PCM16_24K, 300);
        int physical = 48 * WireRecorder.MIN_PHYSICAL_MS;
        Random random = new Random(11);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int round = 0; round < 120; round++) {
            long prefixMs = random.nextInt(400);
            byte[] before = all.toByteArray();
            int prefix = (int) Math.min(Math.min(before.length, 48 * 300), 48 * prefixMs);
            rec.startUtterance(prefixMs);
            ByteArrayOutputStream utterance = new ByteArrayOutputStream();
            utterance.write(before, before.length - prefix, prefix);
            int target = random.nextInt(3) == 0 ? physical + random.nextInt(physical) : random.nextInt(physical);
            while (utterance.size() - prefix < target) {
                int len = random.nextInt(8) == 0 ? 2 * random.nextInt(physical) : 2 * random.nextInt(1500);
                byte[] chunk = new byte[len];
                random.nextBytes(chunk);
                rec.add(chunk);
                all.writeBytes(chunk);
                utterance.writeBytes(chunk);
            }
            assertArrayEquals(utterance.toByteArray(), rec.endUtterance(), "round " + round);
            if (random.nextInt(10) == 0) {
                rec.clear();
                all.reset();
                assertEquals(0, rec.ringMs());
            }
        }
        assertEquals(0, rec.endUtterance().length, "no utterance open");
    }

    @Test
    void anOddByteIsIgnoredAndNothingIsAllocatedBeforeAudio() {
        WireRecorder rec = new WireRecorder(WireFormat.PCM16_24K, 100);
        rec.startUtterance(50);
        assertEquals(0, rec.endUtterance().length);
        rec.add(new byte[] {7});
        assertEquals(0, rec.ringMs());
        rec.startUtterance(0);
        rec.add(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2}, rec.endUtterance());
    }
}
