package dev.parley.runtime.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects audio bytes as they stream in or out, in pieces, and joins them once at the end. A growing
 * {@link java.io.ByteArrayOutputStream} copies everything on every doubling and again in {@code toByteArray()},
 * and starting it large zeroes memory that is never used; this copies each byte once on the way in and once at
 * the end. Arrays handed to {@link #add} are kept by reference and must not be changed afterwards.
 * Not thread-safe.
 */
public final class ByteChunks {
    private final List<byte[]> chunks = new ArrayList<>();
    private int size;

    /** Keeps {@code bytes} (by reference). */
    public void add(byte[] bytes) {
        if (bytes.length > 0) {
            chunks.add(bytes);
            size += bytes.length;
        }
    }

    /** Copies {@code len} bytes from {@code bytes[off]} and keeps the copy (for arrays the caller will reuse). */
    public void addCopy(byte[] bytes, int off, int len) {
        if (len > 0) {
            byte[] copy = new byte[len];
            System.arraycopy(bytes, off, copy, 0, len);
            chunks.add(copy);
            size += len;
        }
    }

    public int size() {
        return size;
    }

    /** All bytes added, in order, as one new array. */
    public byte[] toByteArray() {
        if (chunks.size() == 1) {
            return chunks.get(0).clone();
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }
}
