package dev.parley.runtime.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.runtime.engine.WireFormat;
import org.junit.jupiter.api.Test;

class WireCodecTest {

    @Test
    void pcm16IsLittleEndian() {
        byte[] wire = {0x34, 0x12, (byte) 0xff, (byte) 0xff, 0x01};
        short[] pcm = WireCodec.decode(WireFormat.PCM16_24K, wire);
        assertArrayEquals(new short[] {0x1234, -1}, pcm, "odd trailing byte ignored");
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xff, (byte) 0xff},
                WireCodec.encode(WireFormat.PCM16_24K, pcm, 0, 2));
    }

    @Test
    void pcm16DecodeAndEncodeHonourOffsets() {
        java.util.Random random = new java.util.Random(5);
        short[] pcm = new short[977];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) random.nextInt();
        }
        byte[] wire = WireCodec.encode(WireFormat.PCM16_24K, pcm, 3, 900);
        for (int i = 0; i < 900; i++) {
            assertEquals((byte) pcm[3 + i], wire[2 * i]);
            assertEquals((byte) (pcm[3 + i] >> 8), wire[2 * i + 1]);
        }
        short[] back = new short[910];
        assertEquals(449, WireCodec.decode(WireFormat.PCM16_24K, wire, 2, 899, back, 7), "odd length: whole samples");
        for (int i = 0; i < 449; i++) {
            assertEquals(pcm[4 + i], back[7 + i]);
        }
        assertEquals(0, back[7 + 449], "nothing written past the samples decoded");
    }

    @Test
    void g711KnownCodesMatchTheStandard() {
        // ITU-T G.711: μ-law 0xFF and A-law 0xD5 are the smallest positive steps; μ-law 0x00 is the most negative.
        assertEquals(0, WireCodec.decode(WireFormat.PCMU, new byte[] {(byte) 0xff})[0]);
        assertEquals(-32124, WireCodec.decode(WireFormat.PCMU, new byte[] {0x00})[0]);
        assertEquals(8, WireCodec.decode(WireFormat.PCMA, new byte[] {(byte) 0xd5})[0]);
        assertEquals(-8, WireCodec.decode(WireFormat.PCMA, new byte[] {0x55})[0]);
        assertEquals((byte) 0xff, WireCodec.encode(WireFormat.PCMU, new short[] {0}, 0, 1)[0]);
        assertEquals((byte) 0xd5, WireCodec.encode(WireFormat.PCMA, new short[] {1}, 0, 1)[0]);
    }

    @Test
    void everyG711CodeSurvivesDecodeThenEncode() {
        for (WireFormat f : new WireFormat[] {WireFormat.PCMU, WireFormat.PCMA}) {
            for (int code = 0; code < 256; code++) {
                if (f == WireFormat.PCMU && code == 0x7f) {
                    continue; // μ-law has two zeros (+0 and −0); both decode to 0, which encodes as +0
                }
                short pcm = WireCodec.decode(f, new byte[] {(byte) code})[0];
                byte back = WireCodec.encode(f, new short[] {pcm}, 0, 1)[0];
                assertEquals((byte) code, back, f + " code " + code);
            }
        }
    }

    @Test
    void g711QuantisationErrorIsSmallRelativeToTheSignal() {
        short[] tone = ResamplerQualityTest.tone(440, 8000, 0.25, 12000);
        for (WireFormat f : new WireFormat[] {WireFormat.PCMU, WireFormat.PCMA}) {
            short[] back = WireCodec.decode(f, WireCodec.encode(f, tone, 0, tone.length));
            double err = 0;
            double sig = 0;
            for (int i = 0; i < tone.length; i++) {
                err += Math.pow(tone[i] - back[i], 2);
                sig += Math.pow(tone[i], 2);
            }
            double snrDb = 10 * Math.log10(sig / err);
            assertTrue(snrDb > 30, f + " SNR " + snrDb); // G.711 gives ~38 dB on a loud tone
        }
    }
}
