package org.example.parley.flite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the PCM16 mono samples of a RIFF/WAVE file as flite writes it. */
final class WavPcm {
    private WavPcm() {
    }

    /** The samples; fails unless the file is PCM16 mono at {@code rate}. */
    static short[] mono16(byte[] wav, int rate) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IllegalStateException("flite did not write a WAV file (" + wav.length + " bytes)");
        }
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            int size = b.getInt(pos + 4);
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                int channels = b.getShort(body + 2);
                int sampleRate = b.getInt(body + 4);
                int bits = b.getShort(body + 14);
                if (channels != 1 || bits != 16 || sampleRate != rate) {
                    throw new IllegalStateException("flite wrote " + channels + " channel(s), " + bits + " bit, "
                            + sampleRate + " Hz; expected mono 16 bit " + rate + " Hz");
                }
            } else if (id == 0x61746164) { // "data"; a streamed file may state no size
                int len = size <= 0 || body + size > wav.length ? wav.length - body : size;
                short[] s = new short[len / 2];
                b.position(body);
                b.asShortBuffer().get(s);
                return s;
            }
            pos = body + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk in flite's WAV output");
    }
}
